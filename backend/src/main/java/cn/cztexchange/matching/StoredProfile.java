package cn.cztexchange.matching;

import java.time.Instant;
import java.util.UUID;

/**
 * A firm profile as stored, with its version (optimistic locking) and times.
 *
 * @param organisationId the firm
 * @param profile what the firm wrote
 * @param version grows with every save
 * @param createdAt first saved
 * @param updatedAt last saved
 */
record StoredProfile(UUID organisationId, FirmProfile profile, int version, Instant createdAt, Instant updatedAt) {
}
