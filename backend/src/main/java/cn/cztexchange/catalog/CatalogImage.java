package cn.cztexchange.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * A picture of an entry, as stored; {@code bytes} is null when only its description was
 * read.
 */
record CatalogImage(UUID id, UUID entryId, String contentType, int sizeBytes, int width, int height, String sha256,
		byte[] bytes, Instant createdAt, UUID createdBy) {

	/** Where anyone allowed to see it fetches it. */
	String url() {
		return "/api/v1/images/" + this.id;
	}

}
