package cn.cztexchange.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * An entry as stored: its working copy ({@code draft}) and, once approved, what the
 * public sees ({@code published}).
 */
record CatalogEntry(UUID id, ResourceKind kind, UUID ownerOrganisationId, EntryStatus status, ReviewState review,
		EntryContent draft, EntryContent published, String rejectionReason, UUID createdBy, Instant createdAt,
		Instant updatedAt, Instant submittedAt, Instant publishedAt, int version) {

	CatalogEntry with(EntryStatus status, ReviewState review, EntryContent draft, EntryContent published,
			String rejectionReason, Instant now, Instant submittedAt, Instant publishedAt) {
		return new CatalogEntry(this.id, this.kind, this.ownerOrganisationId, status, review, draft, published,
				rejectionReason, this.createdBy, this.createdAt, now, submittedAt, publishedAt, this.version + 1);
	}

}
