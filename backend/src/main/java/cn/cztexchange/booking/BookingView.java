package cn.cztexchange.booking;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import cn.cztexchange.booking.Booking.Proposal;
import cn.cztexchange.booking.Pricing.Estimate;
import cn.cztexchange.catalog.InstrumentDetails.ServiceMode;

/**
 * A booking as the API shows it to its requester, to staff and to admins. The check-in
 * code is for staff only: it is shown at the instrument.
 */
public record BookingView(UUID id, UUID instrumentId, String instrumentTitle, UUID hostOrganisationId, ServiceMode mode,
		BookingStatus status, Instant start, Instant end, SampleDetails sample, Person requester, UUID organisationId,
		String note, Estimate estimate, Proposal proposal, String reason, Instant actualStart, Instant actualEnd,
		Integer samplesRun, String resultNote, Long chargeFen, long subsidyFen, Long payableFen, UUID voucherId,
		Rating rating, String checkInCode, Instant createdAt, Instant updatedAt, int version,
		Set<BookingAction> actions) {

	static BookingView of(Booking b, String instrumentTitle, Person requester, boolean staff,
			Set<BookingAction> actions) {
		return new BookingView(b.id(), b.instrumentId(), instrumentTitle, b.hostOrganisationId(), b.mode(), b.status(),
				b.startsAt(), b.endsAt(), b.sample(), requester, b.organisationId(), b.note(), b.estimate(),
				b.proposal(), b.reason(), b.actualStart(), b.actualEnd(), b.samplesRun(), b.resultNote(), b.chargeFen(),
				b.subsidyFen(), b.payableFen(), b.voucherId(),
				(b.rating() != null) ? new Rating(b.rating(), b.ratingComment()) : null, staff ? b.checkInCode() : null,
				b.createdAt(), b.updatedAt(), b.version(), actions);
	}

	/**
	 * @param id the user
	 * @param displayName their name
	 */
	public record Person(UUID id, String displayName) {
	}

	/**
	 * @param stars 1 to 5
	 * @param comment what they wrote, or null
	 */
	public record Rating(int stars, String comment) {
	}

}
