package cn.cztexchange.alerts;

import java.time.Instant;
import java.util.UUID;

/**
 * A search a user keeps.
 *
 * @param id the saved search
 * @param userId its owner, the only one who sees it
 * @param name what the owner calls it
 * @param query the query string of {@code GET /api/v1/search}, canonical
 * ({@code SavedQuery#queryString})
 * @param emailDigest whether its new hits go out in the daily email digest
 * @param createdAt when it was saved; only entries indexed from then on alert it
 */
record SavedSearch(UUID id, UUID userId, String name, String query, boolean emailDigest, Instant createdAt) {
}
