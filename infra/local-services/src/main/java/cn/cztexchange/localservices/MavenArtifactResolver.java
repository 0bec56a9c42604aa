package cn.cztexchange.localservices;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a server distribution: first in the local Maven repository (where a normal build
 * of this project has already put it, since the pom declares both as {@code provided}),
 * otherwise downloads it once from the remote repository into
 * {@code <dataDir>/downloads}, checked against the SHA-1 published next to it.
 */
final class MavenArtifactResolver {

	private static final Logger log = LoggerFactory.getLogger(MavenArtifactResolver.class);

	private final Path localRepository;

	private final URI remoteRepository;

	private final Path downloadDirectory;

	MavenArtifactResolver(Path localRepository, URI remoteRepository, Path downloadDirectory) {
		this.localRepository = localRepository;
		this.remoteRepository = remoteRepository;
		this.downloadDirectory = downloadDirectory;
	}

	static MavenArtifactResolver forSettings(LocalServicesSettings settings) {
		return new MavenArtifactResolver(defaultLocalRepository(), settings.mavenRepository(),
				settings.dataDirectory().resolve("downloads"));
	}

	/**
	 * {@code -Dmaven.repo.local} when set (the build passes it to the tests), else
	 * {@code ~/.m2/repository}.
	 */
	static Path defaultLocalRepository() {
		String configured = System.getProperty("maven.repo.local");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		return Path.of(System.getProperty("user.home"), ".m2", "repository");
	}

	Path resolve(MavenArtifact artifact) {
		Path local = localRepository.resolve(artifact.repositoryPath());
		if (Files.isRegularFile(local)) {
			log.debug("Using {} from the local Maven repository: {}", artifact.coordinates(), local);
			return local;
		}
		Path downloaded = downloadDirectory.resolve(artifact.fileName());
		if (Files.isRegularFile(downloaded)) {
			// Only complete, verified downloads are ever moved to this name.
			return downloaded;
		}
		return download(artifact, downloaded);
	}

	private Path download(MavenArtifact artifact, Path target) {
		URI uri = remoteRepository.resolve(artifact.repositoryPath());
		URI sha1Uri = remoteRepository.resolve(artifact.repositoryPath() + ".sha1");
		HttpClient client = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NORMAL)
			.connectTimeout(Duration.ofSeconds(30))
			.build();
		Path temp = null;
		try {
			Files.createDirectories(downloadDirectory);
			String expectedSha1 = fetchSha1(client, sha1Uri);
			log.info("Downloading {} from {} (once; it is kept in {})", artifact.coordinates(), uri, downloadDirectory);
			long started = System.nanoTime();
			temp = Files.createTempFile(downloadDirectory, artifact.fileName(), ".part");
			HttpResponse<Path> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
					HttpResponse.BodyHandlers.ofFile(temp));
			if (response.statusCode() != 200) {
				throw downloadFailed(artifact, uri, "HTTP status " + response.statusCode(), null);
			}
			String actualSha1 = sha1(temp);
			if (!actualSha1.equalsIgnoreCase(expectedSha1)) {
				throw new LocalServicesException(
						"Downloaded " + artifact.coordinates() + " from " + uri + ", but its SHA-1 " + actualSha1
								+ " does not match the published " + expectedSha1 + " (a broken transfer or proxy?).",
						"Retry. If it keeps failing, fetch it with `./mvnw dependency:get -Dartifact="
								+ artifact.coordinates()
								+ "` or set czt.local-services.maven-repository to a trustworthy mirror.");
			}
			// Atomic rename: another reader never sees a half-written file under the
			// final name.
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			log.info("Downloaded {} ({}) in {} ms", artifact.coordinates(),
					FreeDiskSpaceCheck.humanReadable(Files.size(target)), (System.nanoTime() - started) / 1_000_000);
			return target;
		}
		catch (IOException e) {
			throw downloadFailed(artifact, uri, e.toString(), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw downloadFailed(artifact, uri, "interrupted", e);
		}
		finally {
			if (temp != null) {
				try {
					Files.deleteIfExists(temp);
				}
				catch (IOException ignored) {
					// a leftover .part file is harmless
				}
			}
		}
	}

	private static String fetchSha1(HttpClient client, URI sha1Uri) throws IOException, InterruptedException {
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(sha1Uri).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException("HTTP status " + response.statusCode() + " for " + sha1Uri);
		}
		// Some repositories publish "<hash> <file name>".
		String hash = response.body().trim().split("\\s+")[0];
		if (!hash.matches("[0-9a-fA-F]{40}")) {
			throw new IOException("Not a SHA-1 at " + sha1Uri + ": " + hash);
		}
		return hash;
	}

	static String sha1(Path file) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-1");
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[64 * 1024];
			for (int read; (read = in.read(buffer)) > 0;) {
				digest.update(buffer, 0, read);
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private LocalServicesException downloadFailed(MavenArtifact artifact, URI uri, String reason, Throwable cause) {
		return new LocalServicesException(
				artifact.coordinates() + " is not in the local Maven repository " + localRepository
						+ " and downloading it from " + uri + " failed: " + reason,
				"Check that " + remoteRepository + " is reachable, or set czt.local-services.maven-repository "
						+ "(env CZT_LOCAL_SERVICES_MAVEN_REPOSITORY) to a reachable mirror, or put it into the local "
						+ "repository with `./mvnw dependency:get -Dartifact=" + artifact.coordinates() + "`.",
				null, cause);
	}

}
