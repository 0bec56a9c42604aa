package cn.cztexchange.bench;

import java.time.Duration;
import java.util.Arrays;

/**
 * Latencies of a run (nanoseconds, sorted) with the run's length and failures.
 *
 * @param latencies every successful request's latency, sorted
 * @param errors requests that failed or did not answer 200
 * @param elapsed the measured wall-clock time
 */
record LatencyStats(long[] latencies, long errors, Duration elapsed) {

	static LatencyStats of(long[] latencies, long errors, Duration elapsed) {
		long[] sorted = latencies.clone();
		Arrays.sort(sorted);
		return new LatencyStats(sorted, errors, elapsed);
	}

	/** Several runs of the same thing as one. */
	static LatencyStats merge(LatencyStats... runs) {
		int size = 0;
		long errors = 0;
		Duration elapsed = Duration.ZERO;
		for (LatencyStats run : runs) {
			size += run.latencies.length;
			errors += run.errors;
			elapsed = elapsed.plus(run.elapsed);
		}
		long[] all = new long[size];
		int at = 0;
		for (LatencyStats run : runs) {
			System.arraycopy(run.latencies, 0, all, at, run.latencies.length);
			at += run.latencies.length;
		}
		return of(all, errors, elapsed);
	}

	int count() {
		return this.latencies.length;
	}

	/** The latency at this percentile (nearest rank), in milliseconds. */
	double percentileMillis(double percentile) {
		if (this.latencies.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(percentile / 100.0 * this.latencies.length);
		return this.latencies[Math.max(0, Math.min(this.latencies.length - 1, rank - 1))] / 1_000_000.0;
	}

	/** Successful requests per second. */
	double throughput() {
		return this.latencies.length / (this.elapsed.toNanos() / 1e9);
	}

	String describe() {
		return String.format("%,d requests, %d errors, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %.1f req/s", count(),
				this.errors, percentileMillis(50), percentileMillis(95), percentileMillis(99), throughput());
	}

}
