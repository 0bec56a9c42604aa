package cn.cztexchange.alerts;

import java.time.Instant;
import java.util.UUID;

/**
 * A saved search, as its owner sees it.
 *
 * @param id the saved search
 * @param name what the owner calls it
 * @param query its query string, canonical: open it with {@code /search?} + query in the
 * web app or {@code GET /api/v1/search?} + query
 * @param emailDigest whether its new hits go out in the daily email digest
 * @param createdAt when it was saved
 * @param hitCount how many new entries it has found since
 * @param lastHitAt when it last found one, or null
 */
record SavedSearchView(UUID id, String name, String query, boolean emailDigest, Instant createdAt, long hitCount,
		Instant lastHitAt) {

	static SavedSearchView of(SavedSearchRepository.Listed listed) {
		SavedSearch search = listed.search();
		return new SavedSearchView(search.id(), search.name(), search.query(), search.emailDigest(), search.createdAt(),
				listed.hitCount(), listed.lastHitAt());
	}

}
