package cn.cztexchange.engagement;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.cztexchange.engagement.EngagementContacts.Contacts;
import cn.cztexchange.engagement.EngagementView.Party;
import cn.cztexchange.engagement.EngagementView.PartyType;
import cn.cztexchange.engagement.EngagementView.Person;
import cn.cztexchange.engagement.EngagementView.SubjectRef;
import cn.cztexchange.engagement.EngagementView.SubjectType;
import cn.cztexchange.engagement.Parties.Caller;
import cn.cztexchange.identity.CurrentUser;
import cn.cztexchange.identity.OrganisationDirectory;
import cn.cztexchange.identity.OrganisationDirectory.OrganisationSummary;
import cn.cztexchange.identity.UserDirectory;
import cn.cztexchange.platform.DomainException;
import cn.cztexchange.platform.Page;

/**
 * Reads engagements for the API: who may see which (404 for anyone who is not a party,
 * admins excepted), names of both sides, contact details once the parties were
 * introduced, and what the caller may do next.
 */
@Component
class EngagementViews {

	private final EngagementRepository engagements;

	private final Parties parties;

	private final EngagementContacts contacts;

	private final OrganisationDirectory organisations;

	private final ExpertRepository experts;

	private final UserDirectory users;

	EngagementViews(EngagementRepository engagements, Parties parties, EngagementContacts contacts,
			OrganisationDirectory organisations, ExpertRepository experts, UserDirectory users) {
		this.engagements = engagements;
		this.parties = parties;
		this.contacts = contacts;
		this.organisations = organisations;
		this.experts = experts;
		this.users = users;
	}

	/** The engagement if the caller may read it; a 404 problem otherwise. */
	Mono<Engagement> visible(UUID id, Caller caller) {
		return this.engagements.findById(id).filter(caller::mayRead).switchIfEmpty(Mono.error(Caller::notFound));
	}

	Mono<EngagementView> get(UUID id, CurrentUser user) {
		return this.parties.caller(user).flatMap((caller) -> visible(id, caller).flatMap((e) -> view(e, caller)));
	}

	/** One engagement, with the contact details once the parties were introduced. */
	Mono<EngagementView> view(Engagement e, Caller caller) {
		return Mono.zip(views(List.of(e), caller), this.contacts.of(e).map(List::of).defaultIfEmpty(List.of()))
			.map((found) -> {
				EngagementView view = found.getT1().get(0);
				return found.getT2().isEmpty() ? view : withContacts(view, found.getT2().get(0));
			});
	}

	/** The caller's engagements, on either side or on the one asked for. */
	Mono<Page<EngagementView>> mine(CurrentUser user, Side side, List<EngagementStatus> statuses, EngagementKind kind,
			int page, int size) {
		return this.parties.caller(user)
			.flatMap((caller) -> page(caller, new EngagementRepository.Filter(false, caller.organisations(),
					caller.experts(), side, statuses, kind), page, size));
	}

	/** Every engagement, for admins' moderation. */
	Mono<Page<EngagementView>> all(CurrentUser user, List<EngagementStatus> statuses, EngagementKind kind, int page,
			int size) {
		if (!user.isAdmin()) {
			return Mono.error(DomainException.forbidden("Only admins see every engagement."));
		}
		return this.parties.caller(user)
			.flatMap((caller) -> page(caller,
					new EngagementRepository.Filter(true, Set.of(), Set.of(), null, statuses, kind), page, size));
	}

	private Mono<Page<EngagementView>> page(Caller caller, EngagementRepository.Filter filter, int page, int size) {
		return Mono
			.zip(this.engagements.find(filter, page, size).collectList().flatMap((found) -> views(found, caller)),
					this.engagements.count(filter))
			.map((found) -> new Page<>(found.getT1(), page, size, found.getT2()));
	}

	/** The engagement's history, oldest first. */
	Mono<List<EngagementView.Event>> events(UUID id, CurrentUser user) {
		return this.parties.caller(user)
			.flatMap((caller) -> visible(id, caller))
			.flatMap((e) -> this.engagements.events(e.id()).collectList())
			.flatMap((events) -> people(events.stream().map(EngagementEvent::actorId).toList())
				.map((people) -> events.stream()
					.map((event) -> new EngagementView.Event(event.id(), event.at(), people.get(event.actorId()),
							event.actorSide(), event.from(), event.to(), event.note(), event.details()))
					.toList()));
	}

	/** Names of users, by id; a user who no longer exists is shown without a name. */
	Mono<Map<UUID, Person>> people(Collection<UUID> userIds) {
		return Flux.fromIterable(new HashSet<>(userIds))
			.concatMap((id) -> this.users.contact(id)
				.map((user) -> new Person(id, user.displayName()))
				.defaultIfEmpty(new Person(id, null)))
			.collectMap(Person::id);
	}

	/**
	 * Views without contact details, reading the organisations, experts and users of all
	 * the engagements at once.
	 */
	private Mono<List<EngagementView>> views(List<Engagement> list, Caller caller) {
		if (list.isEmpty()) {
			return Mono.just(List.of());
		}
		Set<UUID> organisationIds = new HashSet<>();
		list.forEach((e) -> {
			organisationIds.add(e.firmId());
			if (e.counterpartOrganisationId() != null) {
				organisationIds.add(e.counterpartOrganisationId());
			}
		});
		List<UUID> expertIds = list.stream().map(Engagement::expertId).filter(Objects::nonNull).distinct().toList();
		Mono<Map<UUID, Expert>> experts = expertIds.isEmpty() ? Mono.just(Map.of())
				: this.experts.findAllById(expertIds).collectMap(Expert::id);
		return Mono
			.zip(this.organisations.findAll(organisationIds), experts,
					people(list.stream().map(Engagement::initiatedBy).toList()))
			.map((found) -> list.stream()
				.map((e) -> view(e, caller, found.getT1(), found.getT2(), found.getT3()))
				.toList());
	}

	private static EngagementView view(Engagement e, Caller caller, Map<UUID, OrganisationSummary> organisations,
			Map<UUID, Expert> experts, Map<UUID, Person> people) {
		Side side = caller.sideIn(e);
		Party counterpart;
		if (e.expertId() != null) {
			Expert expert = experts.get(e.expertId());
			counterpart = new Party(PartyType.EXPERT, e.expertId(), (expert != null) ? expert.nameZh() : null,
					(expert != null) ? expert.nameEn() : null);
		}
		else {
			counterpart = party(e.counterpartOrganisationId(), organisations);
		}
		SubjectRef subject = new SubjectRef((e.subjectKind() != null) ? SubjectType.ENTRY : SubjectType.EXPERT,
				e.subjectId(), e.subjectKind(), e.subjectTitleZh(), e.subjectTitleEn());
		return new EngagementView(e.id(), e.kind(), e.service(), e.status(), party(e.firmId(), organisations),
				counterpart, subject, e.initiator(), people.get(e.initiatedBy()), side, e.reason(), e.meeting(),
				e.deal(), e.introduced(), null, e.acceptedAt(), e.endedAt(), e.createdAt(), e.updatedAt(),
				e.lastActivityAt(), e.version(), EngagementAction.allowed(e.status(), e.initiator(), side));
	}

	private static Party party(UUID id, Map<UUID, OrganisationSummary> organisations) {
		OrganisationSummary found = organisations.get(id);
		return new Party(PartyType.ORGANISATION, id, (found != null) ? found.nameZh() : null,
				(found != null) ? found.nameEn() : null);
	}

	private static EngagementView withContacts(EngagementView v, Contacts contacts) {
		return new EngagementView(v.id(), v.kind(), v.service(), v.status(), v.firm(), v.counterpart(), v.subject(),
				v.initiator(), v.initiatedBy(), v.side(), v.reason(), v.meeting(), v.deal(), v.contactsRevealed(),
				contacts, v.acceptedAt(), v.endedAt(), v.createdAt(), v.updatedAt(), v.lastActivityAt(), v.version(),
				v.actions());
	}

}
