package cn.cztexchange.identity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What other features may ask about organisations and memberships, so that none of them
 * reads this feature's tables.
 */
@Service
public class OrganisationDirectory {

	private final OrganisationRepository organisations;

	private final Clock clock;

	OrganisationDirectory(OrganisationRepository organisations, Clock clock) {
		this.organisations = organisations;
		this.clock = clock;
	}

	/** The organisation's names and status, or empty when it does not exist. */
	public Mono<OrganisationSummary> find(UUID organisationId) {
		return this.organisations.findById(organisationId).map(OrganisationDirectory::summary);
	}

	/**
	 * The same for several organisations at once, by id; those that do not exist are left
	 * out.
	 */
	public Mono<Map<UUID, OrganisationSummary>> findAll(Collection<UUID> organisationIds) {
		return this.organisations.findAllById(organisationIds.toArray(UUID[]::new))
			.map(OrganisationDirectory::summary)
			.collectMap(OrganisationSummary::id);
	}

	private static OrganisationSummary summary(Organisation o) {
		return new OrganisationSummary(o.id(), o.nameZh(), o.nameEn(),
				o.verificationStatus() == VerificationStatus.VERIFIED, o.type());
	}

	/** The type of each organisation, by id; those that do not exist are left out. */
	public Mono<Map<UUID, OrganisationType>> types(Collection<UUID> organisationIds) {
		return this.organisations.findAllById(organisationIds.toArray(UUID[]::new))
			.collectMap(Organisation::id, Organisation::type);
	}

	/**
	 * How to reach the organisation, or empty when it does not exist. Private: only for
	 * features that decided the caller may see it (its members, admins, or the other
	 * party of an accepted engagement).
	 */
	public Mono<OrganisationContact> contact(UUID organisationId) {
		return this.organisations.findById(organisationId).map((o) -> {
			Organisation.Contact c = (o.contact() != null) ? o.contact()
					: new Organisation.Contact(null, null, null, null);
			return new OrganisationContact(c.name(), c.phone(), c.email(), c.address());
		});
	}

	/**
	 * A SQL condition, true when the user is a member of the organisation: for a feature
	 * that wants the answer in a statement it runs anyway, a round trip saved.
	 * @param organisation the bind marker (or expression) of the organisation's id
	 * @param user the bind marker (or expression) of the user's id
	 */
	public static String isMemberCondition(String organisation, String user) {
		return "exists (select 1 from memberships where organisation_id = " + organisation + " and user_id = " + user
				+ ")";
	}

	/** Whether the user is a member of the organisation, and whether a manager. */
	public Mono<Optional<Standing>> standing(UUID userId, UUID organisationId) {
		return this.organisations.findMembership(organisationId, userId)
			.map((m) -> Optional.of(m.role() == MembershipRole.MANAGER ? Standing.MANAGER : Standing.MEMBER))
			.defaultIfEmpty(Optional.empty());
	}

	/** The ids of the organisations the user belongs to. */
	public Mono<Set<UUID>> organisationsOf(UUID userId) {
		return this.organisations.membershipsOf(userId)
			.map(OrganisationRepository.MyMembership::organisationId)
			.collect(Collectors.toSet());
	}

	/** The cities each organisation is based in, by id; unknown ids are left out. */
	public Mono<Map<UUID, List<City>>> cities(Collection<UUID> organisationIds) {
		return this.organisations.findAllById(organisationIds.toArray(UUID[]::new))
			.collectMap(Organisation::id, (o) -> (o.cities() != null) ? o.cities() : List.<City>of());
	}

	/** The ids of the organisation's members (its staff, for other features). */
	public Mono<List<UUID>> memberIds(UUID organisationId) {
		return this.organisations.members(organisationId).map(OrganisationRepository.Member::userId).collectList();
	}

	/**
	 * The ids of the members of each of these organisations, in one query; an
	 * organisation without members (or unknown) is left out.
	 */
	public Mono<Map<UUID, List<UUID>>> memberIds(Collection<UUID> organisationIds) {
		if (organisationIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.organisations.memberIds(organisationIds.toArray(UUID[]::new))
			.collectMultimap((pair) -> pair[0], (pair) -> pair[1])
			.map((found) -> found.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> List.copyOf(entry.getValue()))));
	}

	/**
	 * Makes sure a verified demo organisation exists, for the local run's demo data; its
	 * id follows from its key, so that loading twice changes nothing.
	 */
	public Mono<UUID> ensureDemoOrganisation(String key, String type, String nameZh, String nameEn, List<City> cities,
			String district) {
		UUID id = UUID.nameUUIDFromBytes(("demo-organisation:" + key).getBytes(StandardCharsets.UTF_8));
		Instant now = this.clock.instant();
		Organisation organisation = new Organisation(id, OrganisationType.valueOf(type), nameZh, nameEn, cities,
				district, null, null, new Organisation.Contact(null, null, null, null), VerificationStatus.VERIFIED,
				null, now, now, now);
		return this.organisations.findById(id)
			.map((found) -> true)
			.defaultIfEmpty(false)
			.flatMap((exists) -> exists ? Mono.just(id) : this.organisations.insert(organisation).thenReturn(id));
	}

	/** A user's standing in an organisation, as other features see it. */
	public enum Standing {

		MEMBER, MANAGER

	}

	/**
	 * @param name contact person
	 * @param phone phone number
	 * @param email email address
	 * @param address postal address
	 */
	public record OrganisationContact(String name, String phone, String email, String address) {
	}

	/**
	 * @param id the organisation
	 * @param nameZh its Chinese name
	 * @param nameEn its English name
	 * @param verified whether an admin has verified it
	 * @param type what kind of organisation it is
	 */
	public record OrganisationSummary(UUID id, String nameZh, String nameEn, boolean verified, OrganisationType type) {
	}

}
