package cn.cztexchange.engagement;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.cztexchange.identity.OrganisationDirectory;
import cn.cztexchange.identity.OrganisationType;
import cn.cztexchange.matching.FirmProfiles;

/**
 * What engagements need to know about a firm beyond what every organisation has, in one
 * place: the matching feature's firm profiles (discoverability, the contact person) wire
 * in here, a line each.
 */
@Component
class Firms {

	private final OrganisationDirectory organisations;

	private final FirmProfiles profiles;

	Firms(OrganisationDirectory organisations, FirmProfiles profiles) {
		this.organisations = organisations;
		this.profiles = profiles;
	}

	/** Whether the organisation is a firm at all. */
	Mono<Boolean> isFirm(UUID organisationId) {
		return this.organisations.types(List.of(organisationId))
			.map((types) -> types.get(organisationId) == OrganisationType.FIRM);
	}

	/**
	 * Whether investors and technology owners may approach the firm: a verified firm
	 * whose profile is discoverable (a firm that hid itself, or wrote no profile, is not
	 * found by their matches either).
	 */
	Mono<Boolean> approachable(UUID firmId) {
		return isFirm(firmId)
			.flatMap((firm) -> firm
					? this.organisations.find(firmId).map(OrganisationDirectory.OrganisationSummary::verified)
					: Mono.just(false))
			.defaultIfEmpty(false)
			.flatMap((verified) -> verified ? this.profiles.discoverable(firmId) : Mono.just(false));
	}

	/**
	 * How to reach the firm: the contact person of its profile, or else its
	 * organisation's contact details.
	 */
	Mono<Contact> contact(UUID firmId) {
		Mono<Contact> organisation = this.organisations.contact(firmId)
			.map((c) -> new Contact(c.name(), c.phone(), c.email(), c.address()));
		return this.profiles.contact(firmId)
			.map((c) -> new Contact(c.name(), c.phone(), c.email(), null))
			.filter((c) -> !c.isEmpty())
			.switchIfEmpty(organisation);
	}

}
