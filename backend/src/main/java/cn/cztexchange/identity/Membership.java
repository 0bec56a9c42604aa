package cn.cztexchange.identity;

import java.time.Instant;
import java.util.UUID;

/** A user's membership of an organisation. */
record Membership(UUID organisationId, UUID userId, MembershipRole role, Instant joinedAt) {
}
