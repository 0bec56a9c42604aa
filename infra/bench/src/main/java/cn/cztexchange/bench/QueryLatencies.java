package cn.cztexchange.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** Latencies by query, to show which queries cost what. */
final class QueryLatencies {

	private final List<List<Long>> latencies = new ArrayList<>();

	QueryLatencies(int queries) {
		for (int i = 0; i < queries; i++) {
			this.latencies.add(new ArrayList<>());
		}
	}

	synchronized void add(int query, long nanos) {
		this.latencies.get(query).add(nanos);
	}

	/** The median latency of one query in milliseconds (NaN if it never ran). */
	synchronized double medianMillis(int query) {
		List<Long> values = new ArrayList<>(this.latencies.get(query));
		if (values.isEmpty()) {
			return Double.NaN;
		}
		values.sort(null);
		return values.get((values.size() - 1) / 2) / 1_000_000.0;
	}

	/**
	 * A percentile (nearest rank) of some queries' latencies together, in milliseconds
	 * (NaN if none of them ran).
	 */
	synchronized double percentileMillis(IntPredicate queries, double percentile) {
		List<Long> values = new ArrayList<>();
		for (int i = 0; i < this.latencies.size(); i++) {
			if (queries.test(i)) {
				values.addAll(this.latencies.get(i));
			}
		}
		return LatencyStats.of(values.stream().mapToLong(Long::longValue).toArray(), 0, Duration.ZERO)
			.percentileMillis(percentile);
	}

}
