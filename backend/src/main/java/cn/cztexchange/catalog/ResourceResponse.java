package cn.cztexchange.catalog;

import java.time.Instant;
import java.util.UUID;

import cn.cztexchange.identity.OrganisationDirectory.OrganisationSummary;

/**
 * A published entry, as everyone sees it.
 *
 * @param id the entry
 * @param kind its kind
 * @param owner the organisation that offers it
 * @param content what it says (the approved version)
 * @param publishedAt when this version was approved
 */
record ResourceResponse(UUID id, ResourceKind kind, OrganisationSummary owner, EntryContent content,
		Instant publishedAt) {
}
