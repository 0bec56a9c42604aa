package cn.cztexchange.alerts;

import java.time.Instant;
import java.util.UUID;

import cn.cztexchange.catalog.ResourceKind;
import cn.cztexchange.identity.City;

/**
 * An entry a saved search found, with what the catalogue shows of it now.
 *
 * @param entryId the entry, for {@code GET /api/v1/resources/{id}}
 * @param foundAt when the saved search found it
 * @param published whether it is still published; when not, the fields below are null
 * @param kind its kind
 * @param titleZh its Chinese title
 * @param titleEn its English title, if any
 * @param city its city
 * @param district its district
 */
record SavedSearchHit(UUID entryId, Instant foundAt, boolean published, ResourceKind kind, String titleZh,
		String titleEn, City city, String district) {
}
