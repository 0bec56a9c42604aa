package cn.cztexchange.engagement;

import java.util.EnumSet;
import java.util.Set;

/** What a party may do with an engagement, and who may do what when. */
public enum EngagementAction {

	ACCEPT(EngagementStatus.ACCEPTED), DECLINE(EngagementStatus.DECLINED), WITHDRAW(EngagementStatus.WITHDRAWN),
	PROPOSE_MEETING(EngagementStatus.MEETING_PROPOSED), MEETING_HELD(EngagementStatus.MEETING_HELD),
	NEGOTIATE(EngagementStatus.NEGOTIATING), CLOSE(EngagementStatus.CLOSED), DROP(EngagementStatus.DROPPED),
	/** Write in the thread: not a step, listed so that clients know whether they may. */
	SEND_MESSAGE(null);

	private final EngagementStatus target;

	EngagementAction(EngagementStatus target) {
		this.target = target;
	}

	/** The state the step leads to (null for a message). */
	EngagementStatus target() {
		return this.target;
	}

	/**
	 * What a party may do now. The side that did not express interest answers it; the
	 * side that did may withdraw it until then. From the acceptance on, both sides take
	 * every step: a meeting may be proposed again (another time, or a further meeting
	 * after one was held), and either side may drop the engagement until it is closed.
	 * @param status the engagement's state
	 * @param initiator the side that expressed interest
	 * @param side the caller's side, or null for someone who is not a party
	 * @return the actions allowed
	 */
	static Set<EngagementAction> allowed(EngagementStatus status, Side initiator, Side side) {
		if (side == null) {
			return EnumSet.noneOf(EngagementAction.class);
		}
		return switch (status) {
			case INTERESTED ->
				(side == initiator) ? EnumSet.of(WITHDRAW, SEND_MESSAGE) : EnumSet.of(ACCEPT, DECLINE, SEND_MESSAGE);
			case ACCEPTED -> EnumSet.of(PROPOSE_MEETING, DROP, SEND_MESSAGE);
			case MEETING_PROPOSED -> EnumSet.of(PROPOSE_MEETING, MEETING_HELD, DROP, SEND_MESSAGE);
			case MEETING_HELD -> EnumSet.of(PROPOSE_MEETING, NEGOTIATE, DROP, SEND_MESSAGE);
			case NEGOTIATING -> EnumSet.of(CLOSE, DROP, SEND_MESSAGE);
			case CLOSED, DROPPED -> EnumSet.of(SEND_MESSAGE);
			case DECLINED, WITHDRAWN -> EnumSet.noneOf(EngagementAction.class);
		};
	}

}
