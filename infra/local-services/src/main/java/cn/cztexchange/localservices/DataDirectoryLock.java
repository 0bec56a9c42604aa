package cn.cztexchange.localservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS file lock on {@code <dataDir>/.lock}, held while this JVM runs servers
 * on the data directory.
 *
 * <p>
 * Two processes running servers on the same data files would corrupt them (or fight over
 * the ports); the lock makes the second one stop with an explanation. The OS releases it
 * when the holder dies, so a crash never leaves a stale lock behind.
 */
final class DataDirectoryLock implements AutoCloseable {

	static final String FILE_NAME = ".lock";

	private final FileChannel channel;

	private final FileLock lock;

	private DataDirectoryLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	static DataDirectoryLock acquire(Path dataDirectory) {
		Path file = dataDirectory.resolve(FILE_NAME);
		FileChannel channel = null;
		try {
			channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
					StandardOpenOption.WRITE);
			FileLock lock;
			try {
				lock = channel.tryLock();
			}
			catch (OverlappingFileLockException sameJvm) {
				lock = null;
			}
			if (lock == null) {
				String holder = readHolder(file);
				channel.close();
				throw new LocalServicesException(
						"Another process" + holder + " is using the local services data directory " + dataDirectory
								+ " (it holds the lock on " + file + ").",
						"Stop that process (another ./mvnw -Prun or test run?), or give this one its own data directory "
								+ "with the property czt.local-services.data-dir (env CZT_LOCAL_SERVICES_DATA_DIR).");
			}
			// The holder's pid, so that the message above can name it.
			channel.truncate(0);
			channel.write(ByteBuffer
				.wrap((ProcessHandle.current().pid() + System.lineSeparator()).getBytes(StandardCharsets.US_ASCII)), 0);
			return new DataDirectoryLock(channel, lock);
		}
		catch (IOException e) {
			closeQuietly(channel);
			throw new UncheckedIOException("Cannot lock the data directory " + dataDirectory + " via " + file, e);
		}
	}

	@Override
	public void close() {
		try {
			if (lock.isValid()) {
				lock.release();
			}
		}
		catch (IOException ignored) {
			// Closing the channel below releases it anyway.
		}
		finally {
			closeQuietly(channel);
		}
	}

	private static String readHolder(Path file) {
		try {
			String pid = Files.readString(file, StandardCharsets.US_ASCII).trim();
			return pid.matches("\\d+") ? " (pid " + pid + ")" : "";
		}
		catch (IOException | RuntimeException e) {
			return "";
		}
	}

	private static void closeQuietly(FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ignored) {
				// nothing left to do
			}
		}
	}

}
