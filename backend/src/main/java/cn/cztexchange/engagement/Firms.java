package cn.cztexchange.engagement;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.cztexchange.identity.OrganisationDirectory;
import cn.cztexchange.identity.OrganisationType;

/**
 * What engagements need to know about a firm beyond what every organisation has, in one
 * place: the matching feature's firm profiles (discoverability, the contact person) wire
 * in here, a line each.
 */
@Component
class Firms {

	private final OrganisationDirectory organisations;

	Firms(OrganisationDirectory organisations) {
		this.organisations = organisations;
	}

	/** Whether the organisation is a firm at all. */
	Mono<Boolean> isFirm(UUID organisationId) {
		return this.organisations.types(List.of(organisationId))
			.map((types) -> types.get(organisationId) == OrganisationType.FIRM);
	}

	/**
	 * Whether investors and technology owners may approach the firm: a verified firm.
	 * Once firm profiles exist, also: its profile is discoverable.
	 */
	Mono<Boolean> approachable(UUID firmId) {
		return isFirm(firmId)
			.flatMap((firm) -> firm
					? this.organisations.find(firmId).map(OrganisationDirectory.OrganisationSummary::verified)
					: Mono.just(false))
			.defaultIfEmpty(false);
	}

	/**
	 * How to reach the firm: its organisation's contact details. Once firm profiles
	 * exist, the profile's contact person comes first.
	 */
	Mono<Contact> contact(UUID firmId) {
		return this.organisations.contact(firmId).map((c) -> new Contact(c.name(), c.phone(), c.email(), c.address()));
	}

}
