package cn.cztexchange.engagement;

import java.util.Optional;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.cztexchange.catalog.CatalogReader;
import cn.cztexchange.catalog.EntryContent;
import cn.cztexchange.identity.OrganisationDirectory;

/**
 * Both sides' contact details, for an engagement whose parties have been introduced (from
 * its acceptance on). The only place that reads them: whoever builds an answer that may
 * carry contact details goes through {@link #of}, which refuses before the introduction.
 */
@Component
class EngagementContacts {

	private final Firms firms;

	private final OrganisationDirectory organisations;

	private final ExpertRepository experts;

	private final CatalogReader catalog;

	EngagementContacts(Firms firms, OrganisationDirectory organisations, ExpertRepository experts,
			CatalogReader catalog) {
		this.firms = firms;
		this.organisations = organisations;
		this.experts = experts;
		this.catalog = catalog;
	}

	/**
	 * The contact details of the engagement's parties: the firm's, the counterpart's (its
	 * organisation's, or the expert's) and the subject entry's contact person; empty
	 * until the parties were introduced.
	 */
	Mono<Contacts> of(Engagement e) {
		if (!e.introduced()) {
			return Mono.empty();
		}
		Mono<Contact> counterpart = (e.expertId() != null)
				? this.experts.findById(e.expertId()).mapNotNull(Expert::contact)
				: this.organisations.contact(e.counterpartOrganisationId())
					.map((c) -> new Contact(c.name(), c.phone(), c.email(), c.address()));
		// An entry withdrawn from the catalogue since has no contact person to show.
		Mono<Contact> subject = (e.subjectKind() != null) ? this.catalog.publishedContent(e.subjectId())
			.mapNotNull((entry) -> entry.content().contact())
			.map(EngagementContacts::contact) : Mono.empty();
		return Mono.zip(optional(this.firms.contact(e.firmId())), optional(counterpart), optional(subject))
			.map((found) -> new Contacts(found.getT1().orElse(null), found.getT2().orElse(null),
					found.getT3().orElse(null)));
	}

	private static Contact contact(EntryContent.Contact c) {
		return new Contact(c.name(), c.phone(), c.email(), null);
	}

	/** The contact, or nothing when it is missing or has no detail at all. */
	private static Mono<Optional<Contact>> optional(Mono<Contact> contact) {
		return contact.filter((found) -> !found.isEmpty()).map(Optional::of).defaultIfEmpty(Optional.empty());
	}

	/**
	 * @param firm how to reach the firm
	 * @param counterpart how to reach the other side: its organisation, or the expert
	 * @param subject the contact person of the entry the engagement is about, or null
	 */
	record Contacts(Contact firm, Contact counterpart, Contact subject) {
	}

}
