package cn.cztexchange.engagement;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import cn.cztexchange.identity.CurrentUser;
import cn.cztexchange.identity.OrganisationDirectory;
import cn.cztexchange.identity.UserDirectory;
import cn.cztexchange.platform.DomainException;
import cn.cztexchange.platform.Ids;
import cn.cztexchange.platform.InvalidRequestException;
import cn.cztexchange.platform.Page;

/**
 * The expert directory: anyone reads the active experts; admins keep the directory and
 * see what is private (contact, linked user, inactive experts).
 */
@Service
class ExpertService {

	private final ExpertRepository experts;

	private final OrganisationDirectory organisations;

	private final UserDirectory users;

	private final Clock clock;

	ExpertService(ExpertRepository experts, OrganisationDirectory organisations, UserDirectory users, Clock clock) {
		this.experts = experts;
		this.organisations = organisations;
		this.users = users;
		this.clock = clock;
	}

	/** One page of the directory; {@code user} is null for an anonymous caller. */
	Mono<Page<ExpertView>> search(ExpertRepository.Search search, CurrentUser user) {
		boolean admin = isAdmin(user);
		if (search.includeInactive() && !admin) {
			return Mono.error(DomainException.forbidden("Only admins see inactive experts."));
		}
		return Mono
			.zip(this.experts.search(search).concatMap((expert) -> view(expert, admin)).collectList(),
					this.experts.count(search))
			.map((found) -> new Page<>(found.getT1(), search.page(), search.size(), found.getT2()));
	}

	/** One expert: an inactive one only for admins. */
	Mono<ExpertView> get(UUID id, CurrentUser user) {
		boolean admin = isAdmin(user);
		return this.experts.findById(id)
			.filter((expert) -> expert.active() || admin)
			.switchIfEmpty(Mono.error(() -> DomainException.notFound("The expert")))
			.flatMap((expert) -> view(expert, admin));
	}

	Mono<ExpertView> create(ExpertRequests.Save request, CurrentUser user) {
		Instant now = this.clock.instant();
		UUID id = Ids.newId(this.clock);
		return requireAdmin(user).then(resolve(request, id)).flatMap((resolved) -> {
			Expert expert = expert(id, request, resolved, false, now, now, 1);
			return this.experts.insert(expert).then(view(expert, true));
		});
	}

	Mono<ExpertView> update(UUID id, ExpertRequests.Save request, CurrentUser user) {
		if (request.version() == null) {
			return Mono.error(new InvalidRequestException("version", "must be the version you read"));
		}
		return requireAdmin(user).then(this.experts.findById(id))
			.switchIfEmpty(Mono.error(() -> DomainException.notFound("The expert")))
			.flatMap((current) -> resolve(request, id).flatMap((resolved) -> {
				Expert expert = expert(id, request, resolved, current.demo(), current.createdAt(), this.clock.instant(),
						current.version() + 1);
				return this.experts.update(expert, request.version())
					.flatMap((written) -> written ? view(expert, true) : Mono.error(DomainException
						.conflict("Someone changed this expert a moment ago: reload it and try again.")));
			}));
	}

	/**
	 * Removes an expert nobody has engaged yet; one with engagements stays, for their
	 * record, and is deactivated instead.
	 */
	Mono<Void> delete(UUID id, CurrentUser user) {
		return requireAdmin(user).then(this.experts.findById(id))
			.switchIfEmpty(Mono.error(() -> DomainException.notFound("The expert")))
			.flatMap((expert) -> this.experts.deleteUnlessEngaged(id))
			.flatMap((deleted) -> deleted ? Mono.<Void>empty()
					: Mono.error(DomainException.conflict("Firms have engaged this expert, and their engagements keep "
							+ "referring to the expert: set active to false instead.")));
	}

	/**
	 * Checks the references of a request: the organisation (whose names are taken where
	 * none are given) and the linked user, who may answer for one expert only.
	 */
	private Mono<Resolved> resolve(ExpertRequests.Save request, UUID expertId) {
		Mono<Resolved> organisation = (request.organisationId() == null)
				? Mono.just(new Resolved(EngagementService.blankToNull(request.organisationNameZh()),
						EngagementService.blankToNull(request.organisationNameEn()), null))
				: this.organisations.find(request.organisationId())
					.switchIfEmpty(
							Mono.error(() -> new InvalidRequestException("organisationId", "must be an organisation")))
					.map((found) -> new Resolved(orElse(request.organisationNameZh(), found.nameZh()),
							orElse(request.organisationNameEn(), found.nameEn()), null));
		if (EngagementService.blankToNull(request.userEmail()) == null) {
			return organisation;
		}
		return organisation.flatMap((resolved) -> this.users.findByEmail(request.userEmail())
			.switchIfEmpty(Mono.error(
					() -> new InvalidRequestException("userEmail", "must be the email address of a registered user")))
			.flatMap((linked) -> this.experts.linkedElsewhere(linked.id(), expertId)
				.flatMap((other) -> Mono.<Resolved>error(
						new InvalidRequestException("userEmail", "already answers the requests of another expert")))
				.defaultIfEmpty(new Resolved(resolved.nameZh(), resolved.nameEn(), linked.id()))));
	}

	private static Expert expert(UUID id, ExpertRequests.Save r, Resolved resolved, boolean demo, Instant createdAt,
			Instant updatedAt, int version) {
		Contact contact = (r.contact() != null) ? new Contact(EngagementService.blankToNull(r.contact().name()),
				EngagementService.blankToNull(r.contact().phone()), EngagementService.blankToNull(r.contact().email()),
				null) : null;
		return new Expert(id, r.nameZh().strip(), EngagementService.blankToNull(r.nameEn()),
				EngagementService.blankToNull(r.titleZh()), EngagementService.blankToNull(r.titleEn()),
				r.organisationId(), resolved.nameZh(), resolved.nameEn(), r.city(),
				(r.fields() != null) ? r.fields().stream().map(String::strip).distinct().toList() : List.of(),
				(r.industryChains() != null) ? r.industryChains().stream().distinct().toList() : List.of(),
				EnumSet.copyOf(r.services()), EngagementService.blankToNull(r.bioZh()),
				EngagementService.blankToNull(r.bioEn()), contact, resolved.userId(),
				(r.active() != null) ? r.active() : true, demo, createdAt, updatedAt, version);
	}

	private Mono<ExpertView> view(Expert expert, boolean admin) {
		if (!admin || expert.userId() == null) {
			return Mono.just(ExpertView.of(expert, admin, null));
		}
		return this.users.contact(expert.userId())
			.map((user) -> ExpertView.of(expert, true,
					new ExpertView.LinkedUser(user.id(), user.email(), user.displayName())))
			.defaultIfEmpty(ExpertView.of(expert, true, null));
	}

	private static Mono<Void> requireAdmin(CurrentUser user) {
		return isAdmin(user) ? Mono.empty() : Mono.error(DomainException.forbidden("Only admins keep the directory."));
	}

	private static boolean isAdmin(CurrentUser user) {
		return user != null && user.isAdmin();
	}

	private static String orElse(String text, String fallback) {
		String given = EngagementService.blankToNull(text);
		return (given != null) ? given : fallback;
	}

	private record Resolved(String nameZh, String nameEn, UUID userId) {
	}

}
