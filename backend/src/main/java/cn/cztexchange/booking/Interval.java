package cn.cztexchange.booking;

import java.time.Duration;
import java.time.Instant;

/**
 * A span of time, start included and end excluded.
 *
 * @param start when it begins
 * @param end when it ends (after start)
 */
public record Interval(Instant start, Instant end) {

	public boolean overlaps(Interval other) {
		return this.start.isBefore(other.end) && other.start.isBefore(this.end);
	}

	public boolean contains(Interval other) {
		return !other.start.isBefore(this.start) && !other.end.isAfter(this.end);
	}

	public long minutes() {
		return Duration.between(this.start, this.end).toMinutes();
	}

}
