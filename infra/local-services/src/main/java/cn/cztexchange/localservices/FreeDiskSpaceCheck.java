package cn.cztexchange.localservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Refuses to start on an almost full disk.
 *
 * <p>
 * On a full disk PostgreSQL stops accepting writes and Elasticsearch silently marks
 * indices read-only; both look like application bugs. Checking up front turns that into
 * one clear message.
 */
final class FreeDiskSpaceCheck {

	private FreeDiskSpaceCheck() {
	}

	/**
	 * @param directory must exist
	 */
	static void require(Path directory, long minFreeBytes) {
		if (minFreeBytes <= 0) {
			return;
		}
		long usable;
		FileStore store;
		try {
			store = Files.getFileStore(directory);
			usable = store.getUsableSpace();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot determine the free disk space of " + directory, e);
		}
		if (usable < minFreeBytes) {
			throw new LocalServicesException(
					"Not enough free disk space for the local PostgreSQL and Elasticsearch: " + humanReadable(usable)
							+ " (" + usable + " bytes) free on " + store + " where the data directory " + directory
							+ " lives, but at least " + humanReadable(minFreeBytes) + " (" + minFreeBytes
							+ " bytes) are needed.",
					"Free some space, or point the data directory at a disk with more room with the property "
							+ "czt.local-services.data-dir (env CZT_LOCAL_SERVICES_DATA_DIR). The threshold is "
							+ "czt.local-services.min-free-disk (env CZT_LOCAL_SERVICES_MIN_FREE_DISK).");
		}
	}

	static String humanReadable(long bytes) {
		String[] units = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
		double value = bytes;
		int unit = 0;
		while (value >= 1024 && unit < units.length - 1) {
			value /= 1024;
			unit++;
		}
		return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
	}

}
