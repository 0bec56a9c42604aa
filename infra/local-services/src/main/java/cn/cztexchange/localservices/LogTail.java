package cn.cztexchange.localservices;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The last lines of a server log, for error messages: the cause of a failed start is in
 * there.
 */
final class LogTail {

	static final int DEFAULT_LINES = 40;

	private static final int MAX_BYTES = 64 * 1024;

	private static final int MAX_LINE_LENGTH = 500;

	private LogTail() {
	}

	static List<String> lastLines(Path file, int lines) throws IOException {
		try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
			long length = in.length();
			int size = (int) Math.min(length, MAX_BYTES);
			byte[] bytes = new byte[size];
			in.seek(length - size);
			in.readFully(bytes);
			List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
			return all.subList(Math.max(0, all.size() - lines), all.size())
				.stream()
				.map(LogTail::shortened)
				.collect(Collectors.toList());
		}
	}

	/**
	 * A block naming the file, followed by its last lines, suitable for exception
	 * messages.
	 */
	static String describe(Path file) {
		if (!Files.isRegularFile(file)) {
			return "(" + file + " does not exist)";
		}
		try {
			List<String> lines = lastLines(file, DEFAULT_LINES);
			if (lines.isEmpty() || lines.size() == 1 && lines.get(0).isEmpty()) {
				return "(" + file + " is empty)";
			}
			return "---- last " + lines.size() + " lines of " + file + " ----" + System.lineSeparator()
					+ String.join(System.lineSeparator(), lines) + System.lineSeparator() + "---- end of "
					+ file.getFileName() + " ----";
		}
		catch (IOException e) {
			return "(cannot read " + file + ": " + e + ")";
		}
	}

	// Elasticsearch logs its whole JVM command line in one line; that would drown the
	// message.
	private static String shortened(String line) {
		return line.length() <= MAX_LINE_LENGTH ? line : line.substring(0, MAX_LINE_LENGTH) + " [...]";
	}

	static String describe(Path... files) {
		StringBuilder text = new StringBuilder();
		for (Path file : files) {
			if (text.length() > 0) {
				text.append(System.lineSeparator());
			}
			text.append(describe(file));
		}
		return text.toString();
	}

}
