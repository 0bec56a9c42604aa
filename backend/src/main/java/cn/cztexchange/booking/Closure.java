package cn.cztexchange.booking;

import java.time.Instant;
import java.util.UUID;

/**
 * A time the instrument cannot be booked.
 *
 * @param id the closure
 * @param start when it begins
 * @param end when it ends
 * @param kind why, in a word
 * @param planned whether it was known in advance (an unplanned outage was not)
 * @param reason why, in the staff's words
 */
public record Closure(UUID id, Instant start, Instant end, Kind kind, boolean planned, String reason) {

	/** Why an instrument is closed. */
	public enum Kind {

		HOLIDAY, MAINTENANCE, OUTAGE

	}

	Interval interval() {
		return new Interval(this.start, this.end);
	}

}
