package cn.cztexchange.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.springframework.boot.convert.DurationStyle;

/**
 * What a benchmark run does, from system properties ({@code -Dbench.entries=50000} and so
 * on; the Maven profile passes its properties through).
 *
 * @param entries how many generated entries are loaded and indexed
 * @param concurrency requests in flight during the search runs (one client thread each),
 * the same for the API and for Elasticsearch
 * @param duration how long each of the API and the direct search run is measured, in
 * total (split into alternating rounds)
 * @param warmup how long each of the two is warmed up before measuring
 * @param writes how many committed writes the write-to-searchable measurement times
 * @param writeInterval the pause between two of those writes
 * @param elasticsearchHeap heap of the embedded Elasticsearch
 * @param dataDirectory where the embedded servers keep their data; emptied (except the
 * unpacked distributions) at the start of every run
 * @param report where the summary is written
 * @param sections which sections run ({@code search}: indexing, search and
 * write-to-searchable; {@code booking}: booking and availability; {@code matching}: a
 * firm's matches); all by default
 */
record BenchSettings(int entries, int concurrency, Duration duration, Duration warmup, int writes,
		Duration writeInterval, String elasticsearchHeap, Path dataDirectory, Path report, Set<String> sections) {

	/** Every section there is. */
	static final Set<String> SECTIONS = Set.of("search", "booking", "matching");

	boolean runs(String section) {
		return this.sections.contains(section);
	}

	static BenchSettings fromSystemProperties() {
		return new BenchSettings(Integer.getInteger("bench.entries", 1_000_000),
				Integer.getInteger("bench.concurrency", 8), duration("bench.duration", "60s"),
				duration("bench.warmup", "20s"), Integer.getInteger("bench.writes", 200),
				duration("bench.write-interval", "250ms"), System.getProperty("bench.elasticsearch-heap", "4g"),
				Path.of(System.getProperty("bench.data-dir", "target/bench-data")).toAbsolutePath(),
				Path.of(System.getProperty("bench.report", "target/bench-report.txt")).toAbsolutePath(),
				sections(System.getProperty("bench.sections", "all")));
	}

	private static Set<String> sections(String list) {
		if (list.isBlank() || list.equals("all")) {
			return SECTIONS;
		}
		Set<String> sections = Set.of(list.split(","));
		if (!SECTIONS.containsAll(sections)) {
			throw new IllegalArgumentException("bench.sections must be all or a list of " + SECTIONS + ": " + list);
		}
		return sections;
	}

	private static Duration duration(String property, String fallback) {
		return DurationStyle.detectAndParse(System.getProperty(property, fallback));
	}

}
