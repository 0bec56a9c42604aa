package cn.cztexchange.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import cn.cztexchange.catalog.InstrumentDetails.ServiceMode;

/** The steps of a booking's life, and who may take which when. */
public enum BookingAction {

	APPROVE, ADJUST, REJECT, ACCEPT, DECLINE, CANCEL, START, COMPLETE, NO_SHOW, RATE, APPLY_VOUCHER;

	/** How long before its start a user may check in. */
	static final Duration CHECK_IN_EARLY = Duration.ofMinutes(15);

	/**
	 * What the caller may do with the booking now.
	 * @param booking the booking
	 * @param requester whether the caller made it
	 * @param staff whether the caller is staff of its host (or an admin)
	 * @param cancellationDeadline until how long before the start the requester may
	 * cancel
	 * @param now the time
	 * @return the steps allowed
	 */
	static Set<BookingAction> allowed(Booking booking, boolean requester, boolean staff, Duration cancellationDeadline,
			Instant now) {
		Set<BookingAction> actions = EnumSet.noneOf(BookingAction.class);
		boolean machineTime = booking.mode() == ServiceMode.MACHINE_TIME;
		BookingStatus status = booking.status();
		if (staff) {
			switch (status) {
				case PENDING -> actions.addAll(EnumSet.of(APPROVE, ADJUST, REJECT, CANCEL));
				case ADJUSTED -> actions.addAll(EnumSet.of(REJECT, CANCEL));
				case APPROVED -> {
					actions.addAll(EnumSet.of(START, COMPLETE, CANCEL));
					if (machineTime && now.isAfter(booking.startsAt())) {
						actions.add(NO_SHOW);
					}
				}
				case IN_PROGRESS -> actions.add(COMPLETE);
				default -> {
				}
			}
		}
		if (requester) {
			switch (status) {
				case PENDING -> actions.add(CANCEL);
				case ADJUSTED -> actions.addAll(EnumSet.of(ACCEPT, DECLINE, CANCEL));
				case APPROVED -> {
					if (!machineTime || now.isBefore(booking.startsAt().minus(cancellationDeadline))) {
						actions.add(CANCEL);
					}
					if (machineTime && mayCheckIn(booking, now)) {
						actions.add(START);
					}
				}
				case IN_PROGRESS -> {
					if (machineTime) {
						actions.add(COMPLETE);
					}
				}
				case COMPLETED -> {
					if (booking.rating() == null) {
						actions.add(RATE);
					}
				}
				default -> {
				}
			}
			if (BookingStatus.HOLDING.contains(status) && booking.voucherId() == null
					&& booking.organisationId() != null) {
				actions.add(APPLY_VOUCHER);
			}
		}
		return actions;
	}

	/** From a little before the start until the end. */
	static boolean mayCheckIn(Booking booking, Instant now) {
		return !now.isBefore(booking.startsAt().minus(CHECK_IN_EARLY)) && now.isBefore(booking.endsAt());
	}

}
