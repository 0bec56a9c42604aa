package cn.cztexchange.localservices;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * Unpacks a server distribution once into {@code <dataDir>/dist/<name>}.
 *
 * <p>
 * Unpacking goes to a sibling {@code .partial} directory that is renamed into place only
 * after a marker file was written, so an interrupted unpack (killed JVM, full disk) is
 * detected and redone instead of leaving a server with missing files. Unix modes and
 * symlinks are restored, since the plain JDK zip and tar readers would lose the
 * executable bits of {@code bin/*} and the library symlinks.
 */
final class DistributionUnpacker {

	static final String COMPLETE_MARKER = ".czt-unpacked";

	private static final Logger log = LoggerFactory.getLogger(DistributionUnpacker.class);

	private DistributionUnpacker() {
	}

	@FunctionalInterface
	interface Unpack {

		void into(Path directory) throws IOException;

	}

	/**
	 * Returns {@code target}, unpacking into it first unless a previous unpack completed.
	 */
	static Path ensureUnpacked(Path target, String what, Unpack unpack) {
		if (Files.isRegularFile(target.resolve(COMPLETE_MARKER))) {
			return target;
		}
		long started = System.nanoTime();
		Path partial = target.resolveSibling(target.getFileName() + ".partial");
		try {
			deleteRecursively(target);
			deleteRecursively(partial);
			Files.createDirectories(partial);
			log.info("Unpacking {} into {}", what, target);
			unpack.into(partial);
			Files.writeString(partial.resolve(COMPLETE_MARKER), what + " unpacked at " + Instant.now() + "\n");
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			log.info("Unpacked {} in {} ms", what, (System.nanoTime() - started) / 1_000_000);
			return target;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot unpack " + what + " into " + target, e);
		}
	}

	/** For the PostgreSQL binaries: a {@code .txz} entry inside a jar. */
	static void unpackTarXzFromJar(Path jar, String entryName, Path destination) throws IOException {
		try (JarFile jarFile = new JarFile(jar.toFile())) {
			ZipEntry entry = jarFile.getEntry(entryName);
			if (entry == null) {
				throw new IOException(jar + " has no entry " + entryName);
			}
			try (InputStream xz = new XZInputStream(new BufferedInputStream(jarFile.getInputStream(entry), 64 * 1024));
					TarArchiveInputStream tar = new TarArchiveInputStream(xz)) {
				for (TarArchiveEntry tarEntry; (tarEntry = tar.getNextEntry()) != null;) {
					Path path = inside(destination, tarEntry.getName());
					if (tarEntry.isDirectory()) {
						Files.createDirectories(path);
					}
					else if (tarEntry.isSymbolicLink()) {
						Files.createDirectories(path.getParent());
						Files.createSymbolicLink(path, Path.of(tarEntry.getLinkName()));
					}
					else if (tarEntry.isLink()) {
						Files.createDirectories(path.getParent());
						Files.createLink(path, inside(destination, tarEntry.getLinkName()));
					}
					else if (tarEntry.isFile()) {
						Files.createDirectories(path.getParent());
						Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
						applyMode(path, tarEntry.getMode());
					}
				}
			}
		}
	}

	/**
	 * For Elasticsearch: a zip whose entries all sit below {@code topFolder}, which is
	 * dropped.
	 */
	static void unpackZip(Path zip, String topFolder, Path destination) throws IOException {
		String prefix = topFolder.endsWith("/") ? topFolder : topFolder + "/";
		try (ZipFile zipFile = ZipFile.builder().setPath(zip).get()) {
			for (Enumeration<ZipArchiveEntry> entries = zipFile.getEntries(); entries.hasMoreElements();) {
				ZipArchiveEntry entry = entries.nextElement();
				String name = entry.getName();
				if (!name.startsWith(prefix) || name.length() == prefix.length()) {
					continue;
				}
				Path path = inside(destination, name.substring(prefix.length()));
				if (entry.isDirectory()) {
					Files.createDirectories(path);
				}
				else if (entry.isUnixSymlink()) {
					Files.createDirectories(path.getParent());
					Files.createSymbolicLink(path, Path.of(zipFile.getUnixSymlink(entry)));
				}
				else {
					Files.createDirectories(path.getParent());
					try (InputStream in = zipFile.getInputStream(entry)) {
						Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
					}
					if (entry.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX) {
						applyMode(path, entry.getUnixMode());
					}
				}
			}
		}
	}

	static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(path)) {
			for (Path each : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
				Files.deleteIfExists(each);
			}
		}
	}

	// Rejects "../" and absolute names that would write outside the destination ("zip
	// slip").
	private static Path inside(Path destination, String name) throws IOException {
		Path path = destination.resolve(name).normalize();
		if (!path.startsWith(destination)) {
			throw new IOException("Archive entry escapes the destination: " + name);
		}
		return path;
	}

	private static void applyMode(Path path, int mode) throws IOException {
		int permissions = mode & 0777;
		if (permissions == 0) {
			return;
		}
		// The owner (who runs the servers) always needs to read and rewrite what was
		// unpacked.
		permissions |= 0600;
		Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
		PosixFilePermission[] order = { PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
				PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
				PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
				PosixFilePermission.OWNER_READ };
		for (int bit = 0; bit < order.length; bit++) {
			if ((permissions & (1 << bit)) != 0) {
				set.add(order[bit]);
			}
		}
		try {
			Files.setPosixFilePermissions(path, set);
		}
		catch (UnsupportedOperationException | FileSystemException notPosix) {
			// Non-POSIX file system: fall back to the executable bit, the one that
			// matters.
			path.toFile().setExecutable((permissions & 0100) != 0, true);
		}
	}

}
