package cn.cztexchange.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's figures and the targets they are held against. A miss is reported, never
 * thrown: the benchmark measures, it does not gate the build.
 */
final class BenchReport {

	private final List<String> details = new ArrayList<>();

	private final List<String> targets = new ArrayList<>();

	/** A line of context (what ran, raw figures). */
	void detail(String line) {
		this.details.add(line);
		System.out.println("[bench] " + line);
	}

	/** A target that must be at most {@code limit}. */
	void atMost(String name, double measured, double limit, String unit) {
		target(name, measured, "<= " + format(limit) + unit, measured <= limit, unit);
	}

	/** A target that must be at least {@code limit}. */
	void atLeast(String name, double measured, double limit, String unit) {
		target(name, measured, ">= " + format(limit) + unit, measured >= limit, unit);
	}

	private void target(String name, double measured, String target, boolean met, String unit) {
		this.targets.add(String.format("%-48s %14s %14s   %s", name, format(measured) + unit, target,
				Double.isNaN(measured) ? "n/a" : met ? "PASS" : "MISS"));
	}

	String text() {
		StringBuilder text = new StringBuilder();
		text.append("CZT Innovation Exchange benchmark\n\n");
		this.details.forEach((line) -> text.append(line).append('\n'));
		text.append('\n').append(String.format("%-48s %14s %14s   %s%n", "target", "measured", "target", "result"));
		this.targets.forEach((line) -> text.append(line).append('\n'));
		return text.toString();
	}

	void write(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, text(), StandardCharsets.UTF_8);
	}

	private static String format(double value) {
		return (Math.abs(value) >= 100) ? String.format("%.0f", value) : String.format("%.2f", value);
	}

}
