package cn.cztexchange.booking;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * People read and write times in Asia/Shanghai (UTC+8 all year, no daylight saving);
 * storage and the API use instants.
 */
final class BookingTime {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZONE);

	private BookingTime() {
	}

	/** "2026-12-01 09:00–11:00", or with both dates when it spans midnight. */
	static String describe(Interval interval) {
		boolean sameDay = interval.start().atZone(ZONE).toLocalDate().equals(interval.end().atZone(ZONE).toLocalDate());
		return READABLE.format(interval.start()) + "–"
				+ (sameDay ? CLOCK.format(interval.end()) : READABLE.format(interval.end())) + " (Asia/Shanghai)";
	}

	static String describe(Instant instant) {
		return READABLE.format(instant) + " (Asia/Shanghai)";
	}

}
