package cn.cztexchange.identity;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of the audit log.
 *
 * @param id its id
 * @param occurredAt when it happened
 * @param type what happened
 * @param actorId who did it, when known
 * @param actorEmail who did it (or tried to: the email given at a failed login)
 * @param subjectType what it was done to: {@code USER} or {@code ORGANISATION}
 * @param subjectId the id of that
 * @param clientAddress the address the request came from
 * @param details what else is worth knowing, e.g. the roles before and after
 */
public record AuditEvent(UUID id, Instant occurredAt, AuditEventType type, UUID actorId, String actorEmail,
		String subjectType, String subjectId, String clientAddress, Map<String, Object> details) {
}
