package cn.cztexchange.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.cztexchange.booking.BookingRules.WeeklyHours;

/**
 * When an instrument is open in a range of time: its weekly hours, laid out day by day in
 * Asia/Shanghai, merged where they touch (so that 00:00–24:00 on consecutive days is one
 * span and a run may go on past midnight), with closures cut out.
 */
final class OpeningHours {

	private OpeningHours() {
	}

	static List<Interval> open(List<WeeklyHours> weeklyHours, List<Interval> closures, Interval range) {
		return subtract(merge(weekly(weeklyHours, range)), closures);
	}

	/** The spans of the weekly hours that meet the range, clipped to it. */
	static List<Interval> weekly(List<WeeklyHours> weeklyHours, Interval range) {
		List<Interval> spans = new ArrayList<>();
		LocalDate first = range.start().atZone(BookingTime.ZONE).toLocalDate().minusDays(1);
		LocalDate last = range.end().atZone(BookingTime.ZONE).toLocalDate();
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			Instant midnight = day.atStartOfDay(BookingTime.ZONE).toInstant();
			for (WeeklyHours hours : weeklyHours) {
				if (hours.day() != day.getDayOfWeek()) {
					continue;
				}
				Instant start = max(midnight.plusSeconds(hours.startMinute() * 60L), range.start());
				Instant end = min(midnight.plusSeconds(hours.endMinute() * 60L), range.end());
				if (start.isBefore(end)) {
					spans.add(new Interval(start, end));
				}
			}
		}
		return spans;
	}

	/** Sorted, with overlapping or touching spans joined. */
	static List<Interval> merge(List<Interval> spans) {
		List<Interval> sorted = new ArrayList<>(spans);
		sorted.sort(Comparator.comparing(Interval::start));
		List<Interval> merged = new ArrayList<>();
		for (Interval span : sorted) {
			Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && !span.start().isAfter(last.end())) {
				merged.set(merged.size() - 1, new Interval(last.start(), max(last.end(), span.end())));
			}
			else {
				merged.add(span);
			}
		}
		return merged;
	}

	/** The spans with every part that lies in one of the holes taken out. */
	static List<Interval> subtract(List<Interval> spans, List<Interval> holes) {
		List<Interval> result = new ArrayList<>(spans);
		for (Interval hole : holes) {
			List<Interval> next = new ArrayList<>();
			for (Interval span : result) {
				if (!span.overlaps(hole)) {
					next.add(span);
					continue;
				}
				if (span.start().isBefore(hole.start())) {
					next.add(new Interval(span.start(), hole.start()));
				}
				if (hole.end().isBefore(span.end())) {
					next.add(new Interval(hole.end(), span.end()));
				}
			}
			result = next;
		}
		return result;
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
