package cn.cztexchange.identity;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What other features may ask about organisations and memberships, so that none of them
 * reads this feature's tables.
 */
@Service
public class OrganisationDirectory {

	private final OrganisationRepository organisations;

	OrganisationDirectory(OrganisationRepository organisations) {
		this.organisations = organisations;
	}

	/** The organisation's names and status, or empty when it does not exist. */
	public Mono<OrganisationSummary> find(UUID organisationId) {
		return this.organisations.findById(organisationId)
			.map((o) -> new OrganisationSummary(o.id(), o.nameZh(), o.nameEn(),
					o.verificationStatus() == VerificationStatus.VERIFIED));
	}

	/** Whether the user is a member of the organisation, and whether a manager. */
	public Mono<Optional<Standing>> standing(UUID userId, UUID organisationId) {
		return this.organisations.findMembership(organisationId, userId)
			.map((m) -> Optional.of(m.role() == MembershipRole.MANAGER ? Standing.MANAGER : Standing.MEMBER))
			.defaultIfEmpty(Optional.empty());
	}

	/** A user's standing in an organisation, as other features see it. */
	public enum Standing {

		MEMBER, MANAGER

	}

	/**
	 * @param id the organisation
	 * @param nameZh its Chinese name
	 * @param nameEn its English name
	 * @param verified whether an admin has verified it
	 */
	public record OrganisationSummary(UUID id, String nameZh, String nameEn, boolean verified) {
	}

}
