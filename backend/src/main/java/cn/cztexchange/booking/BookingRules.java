package cn.cztexchange.booking;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.cztexchange.catalog.InstrumentDetails;
import cn.cztexchange.platform.FieldError;

/**
 * How an instrument may be booked. Opening hours are local times in Asia/Shanghai.
 *
 * @param weeklyHours when it is open, day by day (several spans a day allowed)
 * @param slotMinutes the grid that starts and ends fall on
 * @param minMinutes shortest booking
 * @param maxMinutes longest booking
 * @param minNoticeMinutes how long before its start a booking must be made
 * @param maxAdvanceDays how far ahead a booking may start
 * @param bufferMinutes kept free after each booking (cleaning, cooling down)
 * @param quotaMinutesPerDay most a user may book on one day, or null
 * @param quotaMinutesPerWeek most a user may book in one week (Monday to Sunday), or null
 * @param quotaMinutesPerMonth most a user may book in one calendar month, or null
 * @param approvalRequired whether staff approve each request; if not, machine time is
 * confirmed at once
 * @param trainingRequired whether only qualified users may book machine time
 * @param cancellationDeadlineHours until how long before its start the user may cancel
 * @param noShowGraceMinutes how long after its start an unstarted booking is released
 * @param version bumped by each change; send back the one you read (null: defaults)
 */
public record BookingRules(
		@NotNull(message = "must be given") @Size(max = 50,
				message = "must list at most 50 spans") List<@Valid @NotNull(
						message = "must be given") WeeklyHours> weeklyHours,
		@NotNull(message = "must be given") @Min(value = 5, message = "must be at least 5") @Max(value = 240,
				message = "must be at most 240") Integer slotMinutes,
		@NotNull(message = "must be given") @Min(value = 5, message = "must be at least 5") Integer minMinutes,
		@NotNull(message = "must be given") @Max(value = 10080,
				message = "must be at most 10080 (a week)") Integer maxMinutes,
		@NotNull(message = "must be given") @Min(value = 0, message = "must not be negative") @Max(value = 43200,
				message = "must be at most 43200 (30 days)") Integer minNoticeMinutes,
		@NotNull(message = "must be given") @Min(value = 1, message = "must be at least 1") @Max(value = 730,
				message = "must be at most 730") Integer maxAdvanceDays,
		@NotNull(message = "must be given") @Min(value = 0, message = "must not be negative") @Max(value = 1440,
				message = "must be at most 1440") Integer bufferMinutes,
		@Min(value = 1, message = "must be positive") Integer quotaMinutesPerDay,
		@Min(value = 1, message = "must be positive") Integer quotaMinutesPerWeek,
		@Min(value = 1, message = "must be positive") Integer quotaMinutesPerMonth,
		@NotNull(message = "must be given") Boolean approvalRequired,
		@NotNull(message = "must be given") Boolean trainingRequired,
		@NotNull(message = "must be given") @Min(value = 0, message = "must not be negative") @Max(value = 720,
				message = "must be at most 720") Integer cancellationDeadlineHours,
		@NotNull(message = "must be given") @Min(value = 0, message = "must not be negative") @Max(value = 1440,
				message = "must be at most 1440") Integer noShowGraceMinutes,
		Integer version) {

	/**
	 * A span of opening hours on one day of the week; an end of 00:00 means midnight at
	 * the end of the day.
	 */
	public record WeeklyHours(@NotNull(message = "must be MONDAY to SUNDAY") DayOfWeek day,
			@NotNull(message = "must be a time such as 08:30") @JsonFormat(pattern = "HH:mm") LocalTime start,
			@NotNull(message = "must be a time such as 17:30") @JsonFormat(pattern = "HH:mm") LocalTime end) {

		/** Minutes after midnight of the end; 1440 for an end of 00:00. */
		int endMinute() {
			return (this.end.equals(LocalTime.MIDNIGHT)) ? 24 * 60 : this.end.getHour() * 60 + this.end.getMinute();
		}

		int startMinute() {
			return this.start.getHour() * 60 + this.start.getMinute();
		}

	}

	/**
	 * What applies until staff set their own: weekdays 08:30–17:30, half-hour slots,
	 * approval and training as the catalogue entry says.
	 */
	static BookingRules defaults(InstrumentDetails instrument) {
		List<WeeklyHours> hours = new ArrayList<>();
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			hours.add(new WeeklyHours(day, LocalTime.of(8, 30), LocalTime.of(17, 30)));
		}
		return new BookingRules(hours, 30, 30, 480, 120, 60, 0, null, null, null,
				instrument == null || !Boolean.FALSE.equals(instrument.approvalRequired()),
				instrument != null && Boolean.TRUE.equals(instrument.trainingRequired()), 24, 15, null);
	}

	/** The rules that only make sense together; each broken one names its field. */
	List<FieldError> inconsistencies() {
		List<FieldError> errors = new ArrayList<>();
		if (this.minMinutes > this.maxMinutes) {
			errors.add(new FieldError("minMinutes", "must not exceed maxMinutes"));
		}
		if (this.minMinutes % this.slotMinutes != 0) {
			errors.add(new FieldError("minMinutes", "must be a multiple of slotMinutes"));
		}
		if (this.maxMinutes % this.slotMinutes != 0) {
			errors.add(new FieldError("maxMinutes", "must be a multiple of slotMinutes"));
		}
		for (int i = 0; i < this.weeklyHours.size(); i++) {
			WeeklyHours span = this.weeklyHours.get(i);
			if (span.startMinute() >= span.endMinute()) {
				errors.add(new FieldError("weeklyHours[" + i + "].end", "must be after start (00:00 for midnight)"));
			}
			else if (span.startMinute() % this.slotMinutes != 0 || span.endMinute() % this.slotMinutes != 0) {
				errors.add(new FieldError("weeklyHours[" + i + "]", "must start and end on the slot grid"));
			}
		}
		return errors;
	}

	BookingRules withVersion(int version) {
		return new BookingRules(this.weeklyHours, this.slotMinutes, this.minMinutes, this.maxMinutes,
				this.minNoticeMinutes, this.maxAdvanceDays, this.bufferMinutes, this.quotaMinutesPerDay,
				this.quotaMinutesPerWeek, this.quotaMinutesPerMonth, this.approvalRequired, this.trainingRequired,
				this.cancellationDeadlineHours, this.noShowGraceMinutes, version);
	}

}
