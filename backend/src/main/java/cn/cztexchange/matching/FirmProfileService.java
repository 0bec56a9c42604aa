package cn.cztexchange.matching;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import cn.cztexchange.identity.CurrentUser;
import cn.cztexchange.identity.OrganisationDirectory;
import cn.cztexchange.identity.OrganisationDirectory.OrganisationSummary;
import cn.cztexchange.identity.OrganisationDirectory.Standing;
import cn.cztexchange.identity.OrganisationType;
import cn.cztexchange.matching.FirmProfile.HeldQualification;
import cn.cztexchange.platform.DomainException;
import cn.cztexchange.platform.FieldError;
import cn.cztexchange.platform.InvalidRequestException;
import cn.cztexchange.platform.Outbox;

/**
 * Firm profiles: who may read the whole profile (the firm's members, and admins for
 * moderation), who sees the public card (anyone signed in, when the firm is discoverable
 * and verified), and saving with optimistic locking. A save announces itself on the
 * outbox in its own transaction: to the firms index ({@value #INDEX_TOPIC}) and to the
 * matching refresh ({@value MatchingRefresh#TOPIC}).
 */
@Service
class FirmProfileService {

	/** The outbox topic on which saved profiles wait to be indexed (or removed). */
	static final String INDEX_TOPIC = "firm-profile";

	/** Where the platform's firms are: certificates expire by local dates. */
	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final FirmProfileRepository profiles;

	private final OrganisationDirectory organisations;

	private final Outbox outbox;

	private final TransactionalOperator transaction;

	private final Clock clock;

	FirmProfileService(FirmProfileRepository profiles, OrganisationDirectory organisations, Outbox outbox,
			TransactionalOperator transaction, Clock clock) {
		this.profiles = profiles;
		this.organisations = organisations;
		this.outbox = outbox;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * The whole profile for the firm's members and admins; the public card for anyone
	 * else when the firm is discoverable and verified; otherwise 404.
	 */
	Mono<FirmProfileView> get(UUID organisationId, CurrentUser user) {
		return this.organisations.find(organisationId)
			.zipWith(this.organisations.standing(user.id(), organisationId))
			.flatMap((found) -> {
				OrganisationSummary organisation = found.getT1();
				boolean insider = found.getT2().isPresent() || user.isAdmin();
				return this.profiles.find(organisationId)
					.filter((stored) -> insider || (stored.profile().discoverable() && organisation.verified()
							&& organisation.type() == OrganisationType.FIRM))
					.map((stored) -> insider ? (FirmProfileView) FirmProfileView.Whole.of(organisation, stored, today())
							: FirmProfileView.Card.of(organisation, stored, today()));
			})
			.switchIfEmpty(Mono.error(() -> DomainException.notFound("The firm profile")));
	}

	/**
	 * Creates (no version) or changes (the version read) the profile; for the firm's
	 * members only. Answers the saved profile and whether it was created.
	 */
	Mono<Saved> save(UUID organisationId, FirmProfileRequest request, CurrentUser user) {
		return Mono.defer(() -> {
			List<FieldError> errors = inconsistencies(request);
			if (!errors.isEmpty()) {
				return Mono.error(new InvalidRequestException(errors));
			}
			return this.organisations.find(organisationId)
				.zipWith(this.organisations.standing(user.id(), organisationId))
				.filter((found) -> found.getT1().verified() || found.getT2().isPresent() || user.isAdmin())
				.switchIfEmpty(Mono.error(() -> DomainException.notFound("The organisation")))
				.flatMap((found) -> requireFirmMember(found.getT1(), found.getT2())
					.then(write(found.getT1(), request, user)));
		});
	}

	/** The caller's FIRM organisations, each with whether it has a profile yet. */
	Mono<List<MyFirmProfile>> mine(CurrentUser user) {
		return this.organisations.organisationsOf(user.id())
			.flatMap(this.organisations::findAll)
			.map((found) -> found.values()
				.stream()
				.filter((organisation) -> organisation.type() == OrganisationType.FIRM)
				.toList())
			.flatMap((firms) -> this.profiles.findAll(firms.stream().map(OrganisationSummary::id).toList())
				.collectMap(StoredProfile::organisationId)
				.map((stored) -> firms.stream()
					.sorted(Comparator.comparing(OrganisationSummary::nameZh))
					.map((firm) -> MyFirmProfile.of(firm, stored.get(firm.id())))
					.toList()));
	}

	private Mono<Void> requireFirmMember(OrganisationSummary organisation, Optional<Standing> standing) {
		if (standing.isEmpty()) {
			return Mono.error(DomainException.forbidden("Only the firm's members edit its profile."));
		}
		if (organisation.type() != OrganisationType.FIRM) {
			return Mono.error(new InvalidRequestException("orgId",
					"is a " + organisation.type() + " organisation; only firms keep a firm profile"));
		}
		return Mono.empty();
	}

	private Mono<Saved> write(OrganisationSummary organisation, FirmProfileRequest request, CurrentUser user) {
		FirmProfile profile = request.profile();
		UUID id = organisation.id();
		java.time.Instant now = this.clock.instant();
		Mono<Boolean> created = (request.version() == null)
				? this.profiles.insert(id, profile, user.id(), now)
					.flatMap((inserted) -> inserted ? Mono.just(true)
							: Mono.error(() -> DomainException.conflict(
									"The firm already has a profile: read it and send its version with your change.")))
				: this.profiles.update(id, profile, request.version(), user.id(), now)
					.flatMap((updated) -> updated ? Mono.just(false)
							: Mono.error(() -> DomainException.conflict("Someone changed this profile meanwhile "
									+ "(or it does not exist yet): reload it and apply your change again.")));
		return created
			.flatMap((isNew) -> this.outbox.append(INDEX_TOPIC, id, Map.of("organisationId", id.toString()))
				.then(this.outbox.append(MatchingRefresh.TOPIC, id, MatchingRefresh.firmChanged(id)))
				.then(this.profiles.find(id))
				.map((stored) -> new Saved(FirmProfileView.Whole.of(organisation, stored, today()), isNew)))
			.as(this.transaction::transactional);
	}

	/** What the annotations cannot check: each with the field it is about. */
	private List<FieldError> inconsistencies(FirmProfileRequest request) {
		List<FieldError> errors = new ArrayList<>();
		if (request.foundedYear() != null && request.foundedYear() > Year.now(this.clock.withZone(ZONE)).getValue()) {
			errors.add(new FieldError("foundedYear", "must not be in the future"));
		}
		if (request.fundingNeed() != null && request.fundingNeed().amountMinFen() != null
				&& request.fundingNeed().amountMaxFen() != null
				&& request.fundingNeed().amountMinFen() > request.fundingNeed().amountMaxFen()) {
			errors.add(new FieldError("fundingNeed.amountMaxFen", "must not be less than amountMinFen"));
		}
		if (request.qualifications() != null) {
			Set<Qualification> seen = EnumSet.noneOf(Qualification.class);
			for (int i = 0; i < request.qualifications().size(); i++) {
				HeldQualification held = request.qualifications().get(i);
				if (held != null && held.qualification() != null && !seen.add(held.qualification())) {
					errors.add(new FieldError("qualifications[" + i + "].qualification", "is listed twice"));
				}
			}
		}
		return errors;
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(ZONE));
	}

	/**
	 * @param profile the profile as saved
	 * @param created whether this save created it
	 */
	record Saved(FirmProfileView.Whole profile, boolean created) {
	}

}
