package cn.cztexchange.booking;

import java.util.EnumSet;
import java.util.Set;

/** Where a booking stands. */
public enum BookingStatus {

	/** Requested; staff have not answered. */
	PENDING,
	/** Staff proposed another time or quantity; the user has not answered. */
	ADJUSTED,
	/** Confirmed. */
	APPROVED,
	/** Refused by staff, with a reason. */
	REJECTED,
	/** The user turned down the staff's proposal. */
	DECLINED,
	/** The user is at the instrument, or the samples are being run. */
	IN_PROGRESS,
	/** Done, with the usage recorded and charged. */
	COMPLETED,
	/** Called off before it began. */
	CANCELLED,
	/** Nobody came within the grace period; the time was released. */
	NO_SHOW;

	/**
	 * The states in which a booking keeps its time from others: the same list as the
	 * database's exclusion constraint.
	 */
	static final Set<BookingStatus> HOLDING = EnumSet.of(PENDING, ADJUSTED, APPROVED, IN_PROGRESS, COMPLETED);

	static final String HOLDING_SQL = "('PENDING', 'ADJUSTED', 'APPROVED', 'IN_PROGRESS', 'COMPLETED')";

}
