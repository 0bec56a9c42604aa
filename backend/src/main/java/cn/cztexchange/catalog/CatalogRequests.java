package cn.cztexchange.catalog;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What publishers and admins send about entries. */
final class CatalogRequests {

	private CatalogRequests() {
	}

	/**
	 * A new entry, as a draft.
	 *
	 * @param kind what kind of entry
	 * @param ownerOrganisationId the organisation it is published for
	 * @param content what it says
	 */
	record Create(@NotNull(
			message = "must be INSTRUMENT, SERVICE, LITERATURE, TECH_OFFERING, FINANCING or TECH_NEED") ResourceKind kind,
			@NotNull(message = "must be given") UUID ownerOrganisationId,
			@NotNull(message = "must be given") @Valid EntryContent content) {
	}

	/**
	 * A new working copy of an entry.
	 *
	 * @param content what it says from now on
	 * @param version the version the editor started from; a newer one means someone else
	 * changed the entry meanwhile
	 */
	record Update(@NotNull(message = "must be given") @Valid EntryContent content,
			@NotNull(message = "must be given") Integer version) {
	}

	/**
	 * @param reason why the entry is sent back, shown to its publishers
	 */
	record Reject(@NotBlank(message = "must not be blank") @Size(max = 500,
			message = "must be at most 500 characters") String reason) {
	}

}
