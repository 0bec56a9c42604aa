package cn.cztexchange.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.cztexchange.catalog.InstrumentDetails.ServiceMode;

/** The request bodies of the booking API. */
final class BookingRequests {

	private BookingRequests() {
	}

	/**
	 * A booking request.
	 *
	 * @param instrumentId the instrument
	 * @param mode machine time or sample submission
	 * @param start machine time: the start
	 * @param end machine time: the end
	 * @param sample sample submission: the samples
	 * @param organisationId the paying organisation (the caller must belong to it), or
	 * null
	 * @param note anything staff should know
	 */
	record Create(@NotNull(message = "must be given") UUID instrumentId,
			@NotNull(message = "must be MACHINE_TIME or SAMPLE_SUBMISSION") ServiceMode mode, Instant start,
			Instant end, @Valid SampleDetails sample, UUID organisationId,
			@Size(max = 1000, message = "must be at most 1000 characters") String note) {
	}

	/** Weekly repetitions of a machine-time request, with dates left out. */
	record Recurring(@NotNull(message = "must be given") @Valid Create request,
			@NotNull(message = "must be given") @Min(value = 2, message = "must be at least 2") @Max(value = 26,
					message = "must be at most 26") Integer weeks,
			@Size(max = 26, message = "must list at most 26 dates") List<@NotNull(
					message = "must be a date") LocalDate> exceptDates) {
	}

	record NewClosure(@NotNull(message = "must be given") Instant start,
			@NotNull(message = "must be given") Instant end,
			@NotNull(message = "must be HOLIDAY, MAINTENANCE or OUTAGE") Closure.Kind kind,
			@NotNull(message = "must be given") Boolean planned,
			@NotBlank(message = "must not be blank") @Size(max = 500,
					message = "must be at most 500 characters") String reason) {
	}

	/** Staff propose another time (machine time) or number of samples. */
	record Adjust(Instant start, Instant end,
			@Min(value = 1, message = "must be at least 1") @Max(value = 1000,
					message = "must be at most 1000") Integer sampleCount,
			@Size(max = 500, message = "must be at most 500 characters") String note) {
	}

	record Reason(@Size(max = 500, message = "must be at most 500 characters") String reason) {
	}

	/** Check-in or check-out at the instrument, or (staff) without a code. */
	record Code(@Size(max = 8, message = "must be at most 8 characters") String code) {
	}

	/**
	 * The usage staff record: actual times (machine time, or hours spent on samples) and
	 * samples run.
	 */
	record Complete(Instant actualStart, Instant actualEnd,
			@Min(value = 0, message = "must not be negative") @Max(value = 1000,
					message = "must be at most 1000") Integer samplesRun,
			@Size(max = 2000, message = "must be at most 2000 characters") String resultNote,
			@Size(max = 8, message = "must be at most 8 characters") String code) {
	}

	record Rating(
			@NotNull(message = "must be given") @Min(value = 1, message = "must be 1 to 5") @Max(value = 5,
					message = "must be 1 to 5") Integer stars,
			@Size(max = 1000, message = "must be at most 1000 characters") String comment) {
	}

	record ApplyVoucher(@NotNull(message = "must be given") UUID voucherId) {
	}

	record Grant(@NotBlank(message = "must not be blank") @Email(message = "must be an email address") String email,
			Instant expiresAt) {
	}

	record Waitlist(@NotNull(message = "must be given") Instant start,
			@NotNull(message = "must be given") Instant end) {
	}

}
