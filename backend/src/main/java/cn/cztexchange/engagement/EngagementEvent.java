package cn.cztexchange.engagement;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One step of an engagement, as stored (全程留痕).
 *
 * @param id the event
 * @param at when
 * @param actorId who took the step
 * @param actorSide for which side
 * @param from the state before, or null for the expression of interest
 * @param to the state after
 * @param note the message, reason or note given with the step
 * @param details what the step set: the meeting proposed, the deal closed
 */
record EngagementEvent(UUID id, Instant at, UUID actorId, Side actorSide, EngagementStatus from, EngagementStatus to,
		String note, Map<String, Object> details) {
}
