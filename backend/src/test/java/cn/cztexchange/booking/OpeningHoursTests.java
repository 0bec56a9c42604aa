package cn.cztexchange.booking;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.cztexchange.booking.BookingRules.WeeklyHours;

import static org.assertj.core.api.Assertions.assertThat;

class OpeningHoursTests {

	// Monday 2026-11-30 in Shanghai starts at 2026-11-29T16:00Z.
	static final Instant MONDAY = Instant.parse("2026-11-29T16:00:00Z");

	@Test
	void weeklyHoursAreLocalTimesInShanghai() {
		List<Interval> open = OpeningHours.open(
				List.of(new WeeklyHours(DayOfWeek.MONDAY, LocalTime.of(8, 30), LocalTime.of(17, 30))), List.of(),
				new Interval(MONDAY, MONDAY.plusSeconds(7 * 86400)));
		assertThat(open).containsExactly(
				new Interval(Instant.parse("2026-11-30T00:30:00Z"), Instant.parse("2026-11-30T09:30:00Z")));
	}

	@Test
	void spansThatTouchAcrossMidnightBecomeOne() {
		List<WeeklyHours> hours = List.of(new WeeklyHours(DayOfWeek.MONDAY, LocalTime.of(20, 0), LocalTime.MIDNIGHT),
				new WeeklyHours(DayOfWeek.TUESDAY, LocalTime.MIDNIGHT, LocalTime.of(6, 0)));
		assertThat(OpeningHours.open(hours, List.of(), new Interval(MONDAY, MONDAY.plusSeconds(3 * 86400))))
			.containsExactly(
					new Interval(Instant.parse("2026-11-30T12:00:00Z"), Instant.parse("2026-11-30T22:00:00Z")));
	}

	@Test
	void closuresAreCutOutAndTheRangeClipsTheSpans() {
		List<WeeklyHours> hours = List.of(new WeeklyHours(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(18, 0)));
		Interval closure = new Interval(Instant.parse("2026-11-30T02:00:00Z"), Instant.parse("2026-11-30T04:00:00Z"));
		assertThat(OpeningHours.open(hours, List.of(closure),
				new Interval(Instant.parse("2026-11-30T01:00:00Z"), Instant.parse("2026-11-30T09:00:00Z"))))
			.containsExactly(new Interval(Instant.parse("2026-11-30T01:00:00Z"), Instant.parse("2026-11-30T02:00:00Z")),
					new Interval(Instant.parse("2026-11-30T04:00:00Z"), Instant.parse("2026-11-30T09:00:00Z")));
	}

	@Test
	void aClosureOverTheWholeDayLeavesNothing() {
		List<WeeklyHours> hours = List.of(new WeeklyHours(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(18, 0)));
		assertThat(OpeningHours.open(hours, List.of(new Interval(MONDAY, MONDAY.plusSeconds(86400))),
				new Interval(MONDAY, MONDAY.plusSeconds(86400))))
			.isEmpty();
	}

}
