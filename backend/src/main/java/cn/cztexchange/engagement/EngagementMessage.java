package cn.cztexchange.engagement;

import java.time.Instant;
import java.util.UUID;

/**
 * A message in an engagement's thread, as stored.
 *
 * @param id the message
 * @param engagementId the engagement
 * @param authorId who wrote it
 * @param authorSide for which side
 * @param body the text
 * @param createdAt when
 */
record EngagementMessage(UUID id, UUID engagementId, UUID authorId, Side authorSide, String body, Instant createdAt) {
}
