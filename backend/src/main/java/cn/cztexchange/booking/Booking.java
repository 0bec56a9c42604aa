package cn.cztexchange.booking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import cn.cztexchange.booking.Pricing.Estimate;
import cn.cztexchange.booking.Pricing.RateKind;
import cn.cztexchange.catalog.EntryContent.PriceUnit;
import cn.cztexchange.catalog.InstrumentDetails.ServiceMode;

/** A booking as stored: one row of {@code bookings}. */
record Booking(UUID id, UUID instrumentId, UUID hostOrganisationId, UUID requesterId, UUID organisationId,
		ServiceMode mode, BookingStatus status, Instant startsAt, Instant endsAt, SampleDetails sample, String note,
		RateKind rateKind, PriceUnit unit, long rateFen, BigDecimal quantity, long estimateFen, Proposal proposal,
		String reason, Instant actualStart, Instant actualEnd, Integer samplesRun, String resultNote, Long chargeFen,
		UUID voucherId, long subsidyFen, Integer rating, String ratingComment, String checkInCode, Instant createdAt,
		Instant updatedAt, int version) {

	/**
	 * What staff proposed instead of the request.
	 *
	 * @param start the new start (machine time), or null
	 * @param end the new end (machine time), or null
	 * @param sampleCount the new number of samples (sample submission), or null
	 * @param note why, in the staff's words, or null
	 */
	record Proposal(Instant start, Instant end, Integer sampleCount, String note) {
	}

	Interval slot() {
		return (this.startsAt != null) ? new Interval(this.startsAt, this.endsAt) : null;
	}

	Estimate estimate() {
		return new Estimate(this.unit, this.rateFen, this.quantity, this.estimateFen, this.rateKind);
	}

	/** What a voucher may cover: the final charge once known, the estimate before. */
	long chargeableFen() {
		return (this.chargeFen != null) ? this.chargeFen : this.estimateFen;
	}

	Long payableFen() {
		return Math.max(0, chargeableFen() - this.subsidyFen);
	}

}
