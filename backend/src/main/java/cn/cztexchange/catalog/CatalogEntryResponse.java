package cn.cztexchange.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * An entry as its publishers and admins see it: the working copy and what is published.
 *
 * @param id the entry
 * @param kind its kind
 * @param ownerOrganisationId the organisation it belongs to
 * @param status DRAFT, PUBLISHED or ARCHIVED
 * @param review EDITING, PENDING (waiting for an admin) or REJECTED
 * @param rejectionReason why an admin sent it back
 * @param draft the working copy
 * @param published what the public sees, once approved
 * @param version give it back when saving, to detect concurrent edits
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param submittedAt when it was last submitted for review
 * @param publishedAt when a version of it was last approved
 */
record CatalogEntryResponse(UUID id, ResourceKind kind, UUID ownerOrganisationId, EntryStatus status,
		ReviewState review, String rejectionReason, EntryContent draft, EntryContent published, int version,
		Instant createdAt, Instant updatedAt, Instant submittedAt, Instant publishedAt) {

	static CatalogEntryResponse of(CatalogEntry e) {
		return new CatalogEntryResponse(e.id(), e.kind(), e.ownerOrganisationId(), e.status(), e.review(),
				e.rejectionReason(), e.draft(), e.published(), e.version(), e.createdAt(), e.updatedAt(),
				e.submittedAt(), e.publishedAt());
	}

}
