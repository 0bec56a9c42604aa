package cn.cztexchange.engagement;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import cn.cztexchange.engagement.EngagementRequests.Create;
import cn.cztexchange.engagement.Parties.Caller;
import cn.cztexchange.engagement.Subjects.Subject;
import cn.cztexchange.identity.CurrentUser;
import cn.cztexchange.identity.OrganisationDirectory;
import cn.cztexchange.identity.OrganisationType;
import cn.cztexchange.platform.DomainException;
import cn.cztexchange.platform.Ids;
import cn.cztexchange.platform.InvalidRequestException;

/**
 * Expressions of interest and advisory requests. Who starts an engagement decides its
 * sides: a firm approaching a financing entry, an offering, a service organisation or an
 * expert; the owner of a financing entry or offering approaching a firm about it; a
 * technology owner answering a firm's technology need. The engagement, its first message,
 * its first event and the notifications are written in one transaction; a second active
 * engagement for the same pair and subject is refused, by PostgreSQL when two requests
 * race.
 */
@Service
class EngagementService {

	private final EngagementRepository engagements;

	private final Subjects subjects;

	private final Parties parties;

	private final Firms firms;

	private final OrganisationDirectory organisations;

	private final EngagementNotifier notifier;

	private final EngagementViews views;

	private final TransactionalOperator transaction;

	private final Clock clock;

	EngagementService(EngagementRepository engagements, Subjects subjects, Parties parties, Firms firms,
			OrganisationDirectory organisations, EngagementNotifier notifier, EngagementViews views,
			TransactionalOperator transaction, Clock clock) {
		this.engagements = engagements;
		this.subjects = subjects;
		this.parties = parties;
		this.firms = firms;
		this.organisations = organisations;
		this.notifier = notifier;
		this.views = views;
		this.transaction = transaction;
		this.clock = clock;
	}

	Mono<EngagementView> create(Create request, CurrentUser user) {
		if (request.kind() == EngagementKind.ADVISORY && request.service() == null) {
			return Mono.error(new InvalidRequestException("service",
					"must be RESULT_EVALUATION, INVESTMENT_ADVICE or MARKET_RESEARCH for an ADVISORY request"));
		}
		if (request.kind() != EngagementKind.ADVISORY && request.service() != null) {
			return Mono.error(new InvalidRequestException("service", "is only for ADVISORY requests"));
		}
		return this.parties.caller(user)
			.flatMap((caller) -> this.subjects.find(request.subjectId())
				.filter((subject) -> subject.expert() == null || subject.expert().active())
				.switchIfEmpty(Mono.error(() -> new InvalidRequestException("subjectId",
						"must be a published catalogue entry or an expert of the directory")))
				.flatMap((subject) -> {
					String misfit = Subjects.misfit(request.kind(), subject);
					if (misfit != null) {
						return Mono.error(new InvalidRequestException("subjectId", misfit));
					}
					return sides(request, subject, caller).flatMap((sides) -> insert(request, subject, sides, caller));
				}));
	}

	/**
	 * Which side is which, and that the caller may speak for the side they start from.
	 */
	private Mono<Sides> sides(Create request, Subject subject, Caller caller) {
		if (subject.expert() != null) {
			Expert expert = subject.expert();
			if (!expert.takesRequests()) {
				return Mono.error(DomainException.conflict(
						"This expert takes no requests on the platform at present; ask the platform's operators."));
			}
			if (!expert.services().contains(request.service())) {
				return Mono.error(new InvalidRequestException("service",
						"is not offered by this expert, who offers " + expert.services()));
			}
			if (caller.experts().contains(expert.id())) {
				return Mono.error(new InvalidRequestException("subjectId", "is the expert you answer for"));
			}
			return ownFirm(request, caller).map((firm) -> new Sides(firm, null, expert.id(), Side.FIRM));
		}
		if (subject.ownedByFirm()) {
			return answerNeed(request, subject, caller);
		}
		UUID owner = subject.ownerOrganisationId();
		if (!caller.organisations().contains(owner)) {
			return ownFirm(request, caller).map((firm) -> new Sides(firm, owner, null, Side.FIRM));
		}
		if (request.kind() == EngagementKind.ADVISORY) {
			return Mono.error(DomainException
				.forbidden("Advisory requests are made by firms; a service organisation answers them."));
		}
		if (request.firmId() == null) {
			return Mono.error(new InvalidRequestException("firmId", "must name the firm you approach"));
		}
		if (request.firmId().equals(owner)) {
			return Mono.error(new InvalidRequestException("firmId", "must be another organisation than yours"));
		}
		return this.firms.approachable(request.firmId())
			.flatMap((approachable) -> approachable
					? Mono.just(new Sides(request.firmId(), owner, null, Side.COUNTERPART))
					: Mono.error(new InvalidRequestException("firmId",
							"must be a verified firm that is open to approaches")));
	}

	/**
	 * A technology owner answers a firm's technology need, for one of its organisations.
	 */
	private Mono<Sides> answerNeed(Create request, Subject need, Caller caller) {
		UUID firm = need.ownerOrganisationId();
		if (caller.organisations().contains(firm)) {
			return Mono.error(new InvalidRequestException("subjectId",
					"is your own firm's technology need: technology owners answer it"));
		}
		if (request.firmId() != null && !request.firmId().equals(firm)) {
			return Mono
				.error(new InvalidRequestException("firmId", "must be the firm that posted the need, or left out"));
		}
		UUID organisation = request.organisationId();
		if (organisation == null) {
			if (caller.organisations().isEmpty()) {
				return Mono
					.error(DomainException.forbidden("Only members of an organisation can answer a technology need."));
			}
			if (caller.organisations().size() > 1) {
				return Mono.error(new InvalidRequestException("organisationId",
						"must name which of your organisations answers the need"));
			}
			organisation = caller.organisations().iterator().next();
		}
		else if (!caller.organisations().contains(organisation)) {
			return Mono.error(DomainException.forbidden("You are not a member of this organisation."));
		}
		Sides sides = new Sides(firm, organisation, null, Side.COUNTERPART);
		// Only firms post needs, but the catalogue lets any organisation's managers write
		// any kind: an engagement's firm side must be a firm.
		return this.firms.isFirm(firm)
			.flatMap((isFirm) -> isFirm ? Mono.just(sides)
					: Mono.error(new InvalidRequestException("subjectId", "must be a need that a firm posted")));
	}

	/**
	 * The firm the caller acts for: the one named, which they must belong to, or their
	 * only firm; it must be verified.
	 */
	private Mono<UUID> ownFirm(Create request, Caller caller) {
		if (request.firmId() != null && !caller.organisations().contains(request.firmId())) {
			return Mono.error(DomainException.forbidden("You are not a member of this firm."));
		}
		Set<UUID> candidates = (request.firmId() != null) ? Set.of(request.firmId()) : caller.organisations();
		return this.organisations.types(candidates).flatMap((types) -> {
			List<UUID> firms = candidates.stream().filter((id) -> types.get(id) == OrganisationType.FIRM).toList();
			if (request.firmId() != null && firms.isEmpty()) {
				return Mono.error(new InvalidRequestException("firmId", "must be a firm organisation"));
			}
			if (firms.isEmpty()) {
				return Mono.error(DomainException
					.forbidden("Only members of a firm organisation can express interest or request advice."));
			}
			if (firms.size() > 1) {
				return Mono.error(new InvalidRequestException("firmId", "must name which of your firms this is for"));
			}
			UUID firm = firms.get(0);
			return this.organisations.find(firm)
				.filter(OrganisationDirectory.OrganisationSummary::verified)
				.switchIfEmpty(Mono.error(() -> DomainException.forbidden(
						"Your firm must be verified by the platform's operators before it can approach others.")))
				.thenReturn(firm);
		});
	}

	private Mono<EngagementView> insert(Create request, Subject subject, Sides sides, Caller caller) {
		Instant now = this.clock.instant();
		UUID userId = caller.user().id();
		String message = request.message().strip();
		Engagement engagement = new Engagement(Ids.newId(this.clock), request.kind(), request.service(), sides.firm(),
				sides.counterpartOrganisation(), sides.expert(), subject.id(), subject.kind(), subject.titleZh(),
				blankToNull(subject.titleEn()), sides.initiator(), userId, EngagementStatus.INTERESTED, null, null,
				null, null, null, now, now, now, 1);
		Mono<UUID> existing = this.engagements.findActive(sides.firm(), sides.counterpartOrganisation(), sides.expert(),
				subject.id(), request.service());
		Mono<Void> write = existing.flatMap((found) -> Mono.<Void>error(EngagementProblems.duplicate(found)))
			.then(this.engagements.insert(engagement))
			.then(this.engagements.insertMessage(new EngagementMessage(Ids.newId(this.clock), engagement.id(), userId,
					sides.initiator(), message, now)))
			.then(this.engagements.recordEvent(Ids.newId(this.clock), engagement.id(), now, userId, sides.initiator(),
					null, EngagementStatus.INTERESTED, message, null))
			.then(this.notifier.stepTaken(engagement, sides.initiator(), (zh) -> EngagementNotifier.excerpt(message)));
		return this.transaction.transactional(write)
			// Two requests raced past the check: the loser is told of the winner.
			.onErrorResume(EngagementProblems::isDuplicate,
					(duplicate) -> existing.flatMap((found) -> Mono.<Void>error(EngagementProblems.duplicate(found)))
						.then(Mono.error(duplicate)))
			.then(Mono.defer(() -> this.views.view(engagement, caller)));
	}

	static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/**
	 * The sides of a new engagement.
	 *
	 * @param firm the firm organisation
	 * @param counterpartOrganisation the other side's organisation, or null
	 * @param expert the expert, or null
	 * @param initiator the side that starts it
	 */
	private record Sides(UUID firm, UUID counterpartOrganisation, UUID expert, Side initiator) {
	}

}
