package cn.cztexchange.booking;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.cztexchange.catalog.CatalogReader;
import cn.cztexchange.catalog.CatalogReader.PublishedContent;
import cn.cztexchange.catalog.EntryContent;
import cn.cztexchange.catalog.InstrumentDetails;
import cn.cztexchange.catalog.ResourceKind;
import cn.cztexchange.identity.CurrentUser;
import cn.cztexchange.identity.OrganisationDirectory;
import cn.cztexchange.platform.DomainException;

/**
 * The instruments as this feature sees them: published catalogue entries of kind
 * INSTRUMENT, read through the catalogue's service; and who counts as their staff.
 */
@Component
class Instruments {

	private final CatalogReader catalog;

	private final OrganisationDirectory organisations;

	Instruments(CatalogReader catalog, OrganisationDirectory organisations) {
		this.catalog = catalog;
		this.organisations = organisations;
	}

	/** The published instrument, or a 404 problem. */
	Mono<Instrument> find(UUID id) {
		return this.catalog.publishedContent(id)
			.filter((entry) -> entry.kind() == ResourceKind.INSTRUMENT)
			.map(Instruments::instrument)
			.switchIfEmpty(Mono.error(() -> DomainException.notFound("The instrument")));
	}

	/**
	 * Several published instruments by id, read in one query; those no longer published
	 * are left out (their bookings stay readable).
	 */
	Mono<Map<UUID, Instrument>> findAll(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.catalog.publishedContents(Set.copyOf(ids))
			.filter((entry) -> entry.kind() == ResourceKind.INSTRUMENT)
			.map(Instruments::instrument)
			.collectMap(Instrument::id);
	}

	private static Instrument instrument(PublishedContent entry) {
		return new Instrument(entry.id(), entry.content(), entry.ownerOrganisationId());
	}

	/** Whether the user is staff of the host: one of its members, or an admin. */
	Mono<Boolean> isStaff(CurrentUser user, UUID hostOrganisationId) {
		if (user == null) {
			return Mono.just(false);
		}
		if (user.isAdmin()) {
			return Mono.just(true);
		}
		return this.organisations.standing(user.id(), hostOrganisationId).map((standing) -> standing.isPresent());
	}

	/** The instrument, if the user is its staff; a 403 problem otherwise. */
	Mono<Instrument> findForStaff(UUID id, CurrentUser user) {
		return find(id).flatMap((instrument) -> isStaff(user, instrument.hostOrganisationId())
			.flatMap((staff) -> staff ? Mono.just(instrument) : Mono.error(() -> DomainException
				.forbidden("Only staff of the organisation that hosts the instrument may do this."))));
	}

	/**
	 * @param id the catalogue entry
	 * @param content its published content
	 * @param hostOrganisationId the organisation that offers it
	 */
	record Instrument(UUID id, EntryContent content, UUID hostOrganisationId) {

		InstrumentDetails details() {
			return this.content.instrument();
		}

		String title() {
			return this.content.titleZh();
		}

	}

}
