package cn.cztexchange.engagement;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import cn.cztexchange.engagement.Engagement.MeetingMode;

/** The request bodies of the engagement API. */
final class EngagementRequests {

	private EngagementRequests() {
	}

	/**
	 * An expression of interest, or an advisory request.
	 *
	 * @param kind FINANCING, TECHNOLOGY or ADVISORY
	 * @param subjectId what it is about: a published FINANCING entry (FINANCING), a
	 * tech-transfer offering or technology need (TECHNOLOGY), an expert or a SERVICE
	 * entry (ADVISORY)
	 * @param firmId the firm: the caller's own when a firm approaches (needed only when
	 * the caller belongs to several firms), the firm approached when the owner of a
	 * financing entry or offering approaches one
	 * @param organisationId the organisation the caller answers a technology need for,
	 * needed only when they belong to several
	 * @param service ADVISORY only: what is asked for
	 * @param message what the other side should read first
	 */
	record Create(@NotNull(message = "must be FINANCING, TECHNOLOGY or ADVISORY") EngagementKind kind,
			@NotNull(message = "must be given") UUID subjectId, UUID firmId, UUID organisationId, AdvisoryType service,
			@NotBlank(message = "must say what you are interested in") @Size(max = 4000,
					message = "must be at most 4000 characters") String message) {
	}

	/**
	 * A step with an optional note: accept, meeting-held, negotiate.
	 *
	 * @param version the version read; a 409 if someone moved the engagement since
	 * @param note anything the other side should know
	 */
	record Note(Integer version, @Size(max = 1000, message = "must be at most 1000 characters") String note) {
	}

	/**
	 * Withdraw an expression of interest.
	 *
	 * @param version the version read
	 * @param reason why, if the caller wishes to say
	 */
	record Withdraw(Integer version, @Size(max = 1000, message = "must be at most 1000 characters") String reason) {
	}

	/**
	 * Decline or drop: the other side is told why.
	 *
	 * @param version the version read
	 * @param reason why
	 */
	record Reason(Integer version, @NotBlank(message = "must say why") @Size(max = 1000,
			message = "must be at most 1000 characters") String reason) {
	}

	/**
	 * Propose a meeting (again).
	 *
	 * @param version the version read
	 * @param startsAt when, in the future
	 * @param mode IN_PERSON or ONLINE
	 * @param place the address (in person, required) or the meeting link (online)
	 * @param note anything the other side should know
	 */
	record ProposeMeeting(Integer version, @NotNull(message = "must be given") Instant startsAt,
			@NotNull(message = "must be IN_PERSON or ONLINE") MeetingMode mode,
			@Size(max = 300, message = "must be at most 300 characters") String place,
			@Size(max = 1000, message = "must be at most 1000 characters") String note) {
	}

	/**
	 * Record the deal.
	 *
	 * @param version the version read
	 * @param dealType what kind of deal: one that fits the engagement's kind
	 * @param amountFen its amount in fen (1/100 yuan)
	 * @param note anything else to record
	 */
	record Close(Integer version, @NotNull(message = "must be given") DealType dealType,
			@NotNull(message = "must be given") @PositiveOrZero(message = "must not be negative") @Max(
					value = 100_000_000_000_000L, message = "must be at most 1,000,000,000,000 yuan") Long amountFen,
			@Size(max = 1000, message = "must be at most 1000 characters") String note) {
	}

	/**
	 * A message in the thread.
	 *
	 * @param text what to say
	 */
	record NewMessage(@NotBlank(message = "must not be blank") @Size(max = 4000,
			message = "must be at most 4000 characters") String text) {
	}

}
