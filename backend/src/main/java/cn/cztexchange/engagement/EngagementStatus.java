package cn.cztexchange.engagement;

import java.util.EnumSet;
import java.util.Set;

/** Where an engagement stands. */
public enum EngagementStatus {

	/** One side expressed interest, with a message; the other has not answered. */
	INTERESTED,
	/** The other side accepted: the introduction, contact details are shown to both. */
	ACCEPTED,
	/** The other side declined, with a reason. */
	DECLINED,
	/** The side that expressed interest withdrew it before an answer. */
	WITHDRAWN,
	/** A meeting was proposed (time, place or online, note). */
	MEETING_PROPOSED,
	/** The meeting took place. */
	MEETING_HELD,
	/** Negotiation and due diligence. */
	NEGOTIATING,
	/** A deal was made (type and amount). */
	CLOSED,
	/** Either side stopped after the acceptance, with a reason. */
	DROPPED;

	/**
	 * The states of an engagement still under way: only one of these per firm,
	 * counterpart and subject (the same list as the database's unique index).
	 */
	static final Set<EngagementStatus> ACTIVE = EnumSet.of(INTERESTED, ACCEPTED, MEETING_PROPOSED, MEETING_HELD,
			NEGOTIATING);

	/** The states in which the thread takes no more messages: there was never a match. */
	static final Set<EngagementStatus> THREAD_CLOSED = EnumSet.of(DECLINED, WITHDRAWN);

}
