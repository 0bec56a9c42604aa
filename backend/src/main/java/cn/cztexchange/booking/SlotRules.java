package cn.cztexchange.booking;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.cztexchange.platform.FieldError;

/**
 * The rules a machine-time slot must keep that need nothing but the rules, the opening
 * hours and the clock. Those that depend on other bookings (overlap, quotas) are checked
 * against the database.
 */
final class SlotRules {

	private SlotRules() {
	}

	/**
	 * Grid, length, notice and advance; each broken rule names {@code start} or
	 * {@code end}.
	 */
	static List<FieldError> shape(BookingRules rules, Interval slot, Instant now) {
		List<FieldError> errors = new ArrayList<>();
		if (!slot.start().isBefore(slot.end())) {
			errors.add(new FieldError("end", "must be after start"));
			return errors;
		}
		if (!onGrid(slot.start(), rules.slotMinutes())) {
			errors.add(new FieldError("start", "must fall on the " + rules.slotMinutes() + "-minute grid"));
		}
		if (!onGrid(slot.end(), rules.slotMinutes())) {
			errors.add(new FieldError("end", "must fall on the " + rules.slotMinutes() + "-minute grid"));
		}
		long minutes = slot.minutes();
		if (minutes < rules.minMinutes()) {
			errors.add(new FieldError("end", "must be at least " + rules.minMinutes() + " minutes after start"));
		}
		if (minutes > rules.maxMinutes()) {
			errors.add(new FieldError("end", "must be at most " + rules.maxMinutes() + " minutes after start"));
		}
		if (slot.start().isBefore(now)) {
			errors.add(new FieldError("start", "is in the past"));
		}
		else if (slot.start().isBefore(now.plus(Duration.ofMinutes(rules.minNoticeMinutes())))) {
			errors.add(new FieldError("start", "must be at least " + rules.minNoticeMinutes() + " minutes from now"));
		}
		if (slot.start().isAfter(now.plus(Duration.ofDays(rules.maxAdvanceDays())))) {
			errors.add(new FieldError("start", "must be at most " + rules.maxAdvanceDays() + " days ahead"));
		}
		return errors;
	}

	/** Whether the slot lies wholly within the opening hours (closures aside). */
	static boolean withinOpeningHours(BookingRules rules, Interval slot) {
		Interval around = new Interval(slot.start().minus(Duration.ofDays(1)), slot.end().plus(Duration.ofDays(1)));
		return OpeningHours.merge(OpeningHours.weekly(rules.weeklyHours(), around))
			.stream()
			.anyMatch((open) -> open.contains(slot));
	}

	/** The first closure the slot runs into, if any. */
	static Optional<Closure> closureDuring(List<Closure> closures, Interval slot) {
		return closures.stream().filter((closure) -> closure.interval().overlaps(slot)).findFirst();
	}

	/** The time kept from others: the slot and the buffer after it. */
	static Interval held(BookingRules rules, Interval slot) {
		return new Interval(slot.start(), slot.end().plus(Duration.ofMinutes(rules.bufferMinutes())));
	}

	/** The local day, week (Monday to Sunday) and month around a start, for quotas. */
	static Interval period(Quota quota, Instant start) {
		LocalDate day = start.atZone(BookingTime.ZONE).toLocalDate();
		LocalDate first = switch (quota) {
			case DAY -> day;
			case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MONTH -> day.withDayOfMonth(1);
		};
		LocalDate next = switch (quota) {
			case DAY -> first.plusDays(1);
			case WEEK -> first.plusWeeks(1);
			case MONTH -> first.plusMonths(1);
		};
		return new Interval(first.atStartOfDay(BookingTime.ZONE).toInstant(),
				next.atStartOfDay(BookingTime.ZONE).toInstant());
	}

	/** The quota of the rules for the period, or null. */
	static Integer limit(BookingRules rules, Quota quota) {
		return switch (quota) {
			case DAY -> rules.quotaMinutesPerDay();
			case WEEK -> rules.quotaMinutesPerWeek();
			case MONTH -> rules.quotaMinutesPerMonth();
		};
	}

	private static boolean onGrid(Instant instant, int slotMinutes) {
		ZonedDateTime local = instant.atZone(BookingTime.ZONE);
		return local.getSecond() == 0 && local.getNano() == 0
				&& (local.getHour() * 60 + local.getMinute()) % slotMinutes == 0;
	}

	/** The periods quotas count over. */
	enum Quota {

		DAY, WEEK, MONTH

	}

}
