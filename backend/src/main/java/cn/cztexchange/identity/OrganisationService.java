package cn.cztexchange.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

import cn.cztexchange.identity.OrganisationRepository.Member;
import cn.cztexchange.identity.OrganisationRepository.MyMembership;
import cn.cztexchange.identity.OrganisationRepository.OrganisationSearch;
import cn.cztexchange.platform.DomainException;
import cn.cztexchange.platform.FieldError;
import cn.cztexchange.platform.Ids;
import cn.cztexchange.platform.InvalidRequestException;
import cn.cztexchange.platform.Page;

/**
 * Organisations and their members. Every read and write goes through
 * {@link AccessPolicy}; an organisation the caller may not see answers 404, as if it did
 * not exist.
 */
@Service
class OrganisationService {

	private static final String ORGANISATION = "ORGANISATION";

	private final OrganisationRepository organisations;

	private final UserRepository users;

	private final AccessPolicy policy;

	private final AuditLog audit;

	private final Clock clock;

	OrganisationService(OrganisationRepository organisations, UserRepository users, AccessPolicy policy, AuditLog audit,
			Clock clock) {
		this.organisations = organisations;
		this.users = users;
		this.policy = policy;
		this.audit = audit;
		this.clock = clock;
	}

	Mono<Page<OrganisationResponse>> searchPublic(OrganisationSearch search) {
		return page(new OrganisationSearch(VerificationStatus.VERIFIED, search.type(), search.city(), search.query(),
				search.page(), search.size()), false);
	}

	Mono<Page<OrganisationResponse>> searchAsAdmin(OrganisationSearch search) {
		return page(search, true);
	}

	Mono<OrganisationResponse> get(UUID id, CurrentUser user) {
		return visible(id, user).map((found) -> OrganisationResponse.of(found.organisation(),
				this.policy.canSeeInternals(user, found.membership())));
	}

	/** Registers a new organisation, unverified, with its creator as manager. */
	@Transactional
	Mono<OrganisationResponse> create(OrganisationRequest request, CurrentUser user, String clientAddress) {
		return Mono.defer(() -> {
			Instant now = this.clock.instant();
			Organisation organisation = toOrganisation(Ids.newId(this.clock), request, VerificationStatus.UNVERIFIED,
					null, null, now, now);
			return checkCreditCodeFree(organisation).then(this.organisations.insert(organisation))
				.flatMap((saved) -> this.organisations
					.insertMembership(new Membership(saved.id(), user.id(), MembershipRole.MANAGER, now))
					.then(this.audit.record(AuditEventType.ORGANISATION_CREATED, user.id(), user.email(), ORGANISATION,
							saved.id(), clientAddress, Map.of("nameZh", saved.nameZh())))
					.thenReturn(OrganisationResponse.of(saved, true)));
		});
	}

	/**
	 * Replaces the details. A rejected organisation goes back to the verification queue,
	 * and so does a verified one whose identity (type, names, credit code) its managers
	 * change: the verification was of the old identity. Admins' edits keep the status.
	 */
	@Transactional
	Mono<OrganisationResponse> update(UUID id, OrganisationRequest request, CurrentUser user, String clientAddress) {
		return manageable(id, user).flatMap((existing) -> {
			Organisation proposed = toOrganisation(id, request, existing.verificationStatus(),
					existing.rejectionReason(), existing.verifiedAt(), existing.createdAt(), this.clock.instant());
			boolean backToQueue = existing.verificationStatus() == VerificationStatus.REJECTED
					|| (existing.verificationStatus() == VerificationStatus.VERIFIED && !user.isAdmin()
							&& identityChanged(existing, proposed));
			Organisation changed = backToQueue ? withStatus(proposed, VerificationStatus.UNVERIFIED, null, null)
					: proposed;
			return checkCreditCodeFree(changed).then(this.organisations.update(changed))
				.flatMap((saved) -> this.audit
					.record(AuditEventType.ORGANISATION_UPDATED, user.id(), user.email(), ORGANISATION, id,
							clientAddress, Map.of())
					.thenReturn(OrganisationResponse.of(saved, true)));
		});
	}

	@Transactional
	Mono<OrganisationResponse> verify(UUID id, CurrentUser admin, String clientAddress) {
		return this.organisations.lock(id)
			.switchIfEmpty(Mono.error(() -> DomainException.notFound("The organisation")))
			.flatMap((o) -> this.organisations
				.update(withStatus(o, VerificationStatus.VERIFIED, null, this.clock.instant())))
			.flatMap((saved) -> this.audit
				.record(AuditEventType.ORGANISATION_VERIFIED, admin.id(), admin.email(), ORGANISATION, id,
						clientAddress, Map.of())
				.thenReturn(OrganisationResponse.of(saved, true)));
	}

	@Transactional
	Mono<OrganisationResponse> reject(UUID id, String reason, CurrentUser admin, String clientAddress) {
		return this.organisations.lock(id)
			.switchIfEmpty(Mono.error(() -> DomainException.notFound("The organisation")))
			.flatMap((o) -> this.organisations.update(withStatus(o, VerificationStatus.REJECTED, reason.strip(), null)))
			.flatMap((saved) -> this.audit
				.record(AuditEventType.ORGANISATION_REJECTED, admin.id(), admin.email(), ORGANISATION, id,
						clientAddress, Map.of("reason", reason.strip()))
				.thenReturn(OrganisationResponse.of(saved, true)));
	}

	Mono<List<MyMembership>> membershipsOf(CurrentUser user) {
		return this.organisations.membershipsOf(user.id()).collectList();
	}

	Mono<List<Member>> members(UUID id, CurrentUser user) {
		return visible(id, user).flatMap((found) -> {
			if (!this.policy.canSeeInternals(user, found.membership())) {
				return Mono.error(DomainException.forbidden("Only members of this organisation see its members."));
			}
			return this.organisations.members(id).collectList();
		});
	}

	@Transactional
	Mono<Member> addMember(UUID id, MemberRequests.Add request, CurrentUser user, String clientAddress) {
		return manageable(id, user).then(this.users.findByEmail(EmailAddresses.normalise(request.email())))
			.switchIfEmpty(Mono.error(() -> new InvalidRequestException("email", "no account has this email address")))
			.flatMap((member) -> this.organisations
				.insertMembership(new Membership(id, member.id(), request.role(), this.clock.instant()))
				.flatMap((inserted) -> inserted ? Mono.just(member)
						: Mono.error(DomainException.conflict("This account already is a member.")))
				.then(this.audit.record(AuditEventType.MEMBER_ADDED, user.id(), user.email(), ORGANISATION, id,
						clientAddress, Map.of("member", member.id().toString(), "role", request.role().name())))
				.then(findMember(id, member.id())));
	}

	@Transactional
	Mono<Member> changeMemberRole(UUID id, UUID memberId, MembershipRole role, CurrentUser user, String clientAddress) {
		return manageable(id, user).then(this.organisations.findMembership(id, memberId))
			.switchIfEmpty(Mono.error(() -> DomainException.notFound("The member")))
			.flatMap((membership) -> keepsAManager(id, membership, role)
				.then(this.organisations.updateMembershipRole(id, memberId, role))
				.then(this.audit.record(AuditEventType.MEMBER_ROLE_CHANGED, user.id(), user.email(), ORGANISATION, id,
						clientAddress,
						Map.of("member", memberId.toString(), "from", membership.role().name(), "to", role.name()))))
			.then(findMember(id, memberId));
	}

	@Transactional
	Mono<Void> removeMember(UUID id, UUID memberId, CurrentUser user, String clientAddress) {
		return visible(id, user).flatMap((found) -> {
			if (!this.policy.canRemoveMember(user, found.membership(), memberId)) {
				return Mono.error(found.membership().isPresent()
						? DomainException.forbidden("Only managers remove other members.")
						: DomainException.forbidden("Only managers of this organisation manage its members."));
			}
			return this.organisations.lock(id)
				.then(this.organisations.findMembership(id, memberId))
				.switchIfEmpty(Mono.error(() -> DomainException.notFound("The member")))
				.flatMap((membership) -> keepsAManager(id, membership, null))
				.then(this.organisations.deleteMembership(id, memberId))
				.then(this.audit.record(AuditEventType.MEMBER_REMOVED, user.id(), user.email(), ORGANISATION, id,
						clientAddress, Map.of("member", memberId.toString())));
		});
	}

	/**
	 * Refuses to leave an organisation without a manager; {@code newRole} null means
	 * removal.
	 */
	private Mono<Void> keepsAManager(UUID id, Membership membership, MembershipRole newRole) {
		if (membership.role() != MembershipRole.MANAGER || newRole == MembershipRole.MANAGER) {
			return Mono.empty();
		}
		return this.organisations.countManagers(id)
			.flatMap((managers) -> (managers <= 1)
					? Mono.error(DomainException
						.conflict("An organisation needs at least one manager: appoint another first."))
					: Mono.empty());
	}

	private Mono<Member> findMember(UUID id, UUID memberId) {
		// Read to the end rather than cancel the query at the first match: a cancelled
		// query can
		// leave its pooled connection waiting for rows nobody reads.
		return this.organisations.members(id)
			.collectList()
			.flatMap((members) -> Mono
				.justOrEmpty(members.stream().filter((member) -> member.userId().equals(memberId)).findFirst()));
	}

	/** The organisation, locked, when the caller may manage it; 404 or 403 otherwise. */
	private Mono<Organisation> manageable(UUID id, CurrentUser user) {
		return visible(id, user)
			.flatMap((found) -> this.policy.canManage(user, found.membership()) ? this.organisations.lock(id)
					: Mono.error(DomainException.forbidden("Only managers of this organisation may change it.")));
	}

	private Mono<Visible> visible(UUID id, CurrentUser user) {
		Mono<Optional<MembershipRole>> membership = (user != null) ? this.organisations.findMembership(id, user.id())
			.map((m) -> Optional.of(m.role()))
			.defaultIfEmpty(Optional.empty()) : Mono.just(Optional.empty());
		return this.organisations.findById(id)
			.zipWith(membership, Visible::new)
			.filter((found) -> this.policy.canSee(user, found.organisation(), found.membership()))
			.switchIfEmpty(Mono.error(() -> DomainException.notFound("The organisation")));
	}

	private Mono<Page<OrganisationResponse>> page(OrganisationSearch search, boolean internals) {
		return Mono
			.zip(this.organisations.search(search).map((o) -> OrganisationResponse.of(o, internals)).collectList(),
					this.organisations.count(search))
			.map((t) -> new Page<>(t.getT1(), search.page(), search.size(), t.getT2()));
	}

	private Mono<Void> checkCreditCodeFree(Organisation organisation) {
		if (organisation.creditCode() == null) {
			return Mono.empty();
		}
		return this.organisations.creditCodeTaken(organisation.creditCode(), organisation.id())
			.flatMap((taken) -> taken
					? Mono.error(DomainException
						.conflict("Another organisation is registered with this unified social credit code."))
					: Mono.empty());
	}

	/** Checks what the annotations cannot and builds the organisation. */
	private static Organisation toOrganisation(UUID id, OrganisationRequest request, VerificationStatus status,
			String rejectionReason, Instant verifiedAt, Instant createdAt, Instant updatedAt) {
		List<FieldError> errors = new ArrayList<>();
		List<City> cities = List.copyOf(new LinkedHashSet<>(request.cities()));
		if (cities.size() > 1 && request.type() != OrganisationType.PARK) {
			errors.add(new FieldError("cities", "only a park (such as an enclave park) may belong to several cities"));
		}
		String creditCode = blankToNull(request.creditCode());
		if (creditCode != null) {
			creditCode = creditCode.toUpperCase(Locale.ROOT);
			if (!CreditCodes.isValid(creditCode)) {
				errors.add(new FieldError("creditCode", "is not a valid unified social credit code (check character)"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		OrganisationRequest.Contact contact = (request.contact() != null) ? request.contact()
				: new OrganisationRequest.Contact(null, null, null, null);
		return new Organisation(id, request.type(), request.nameZh().strip(), request.nameEn().strip(), cities,
				blankToNull(request.district()), creditCode, blankToNull(request.website()),
				new Organisation.Contact(blankToNull(contact.name()), blankToNull(contact.phone()),
						blankToNull(contact.email()), blankToNull(contact.address())),
				status, rejectionReason, verifiedAt, createdAt, updatedAt);
	}

	private static boolean identityChanged(Organisation before, Organisation after) {
		return before.type() != after.type() || !before.nameZh().equals(after.nameZh())
				|| !before.nameEn().equals(after.nameEn()) || !Objects.equals(before.creditCode(), after.creditCode());
	}

	private Organisation withStatus(Organisation o, VerificationStatus status, String reason, Instant verifiedAt) {
		return new Organisation(o.id(), o.type(), o.nameZh(), o.nameEn(), o.cities(), o.district(), o.creditCode(),
				o.website(), o.contact(), status, reason, verifiedAt, o.createdAt(), this.clock.instant());
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private record Visible(Organisation organisation, Optional<MembershipRole> membership) {
	}

}
