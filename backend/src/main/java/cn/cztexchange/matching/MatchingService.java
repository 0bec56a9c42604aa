package cn.cztexchange.matching;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import cn.cztexchange.catalog.CatalogReader;
import cn.cztexchange.catalog.CatalogReader.PublishedContent;
import cn.cztexchange.identity.CurrentUser;
import cn.cztexchange.identity.OrganisationDirectory;
import cn.cztexchange.identity.OrganisationDirectory.OrganisationSummary;
import cn.cztexchange.identity.OrganisationDirectory.Standing;
import cn.cztexchange.identity.OrganisationType;
import cn.cztexchange.matching.FirmProfileView.OrganisationRef;
import cn.cztexchange.matching.MatchSuggestions.Seen;
import cn.cztexchange.platform.DomainException;
import cn.cztexchange.platform.InvalidRequestException;
import cn.cztexchange.platform.Page;

/**
 * The match lists: who may ask for which subject's matches (the subject's own members;
 * admins read too, for moderation), the ranked page with each match marked new or not,
 * and the record of what the subject's side has seen.
 */
@Service
class MatchingService {

	private final MatchingEngine engine;

	private final FirmProfileRepository profiles;

	private final MatchSuggestions suggestions;

	private final OrganisationDirectory organisations;

	private final CatalogReader catalog;

	private final MatchingProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	MatchingService(MatchingEngine engine, FirmProfileRepository profiles, MatchSuggestions suggestions,
			OrganisationDirectory organisations, CatalogReader catalog, MatchingProperties properties, JsonMapper json,
			Clock clock) {
		this.engine = engine;
		this.profiles = profiles;
		this.suggestions = suggestions;
		this.organisations = organisations;
		this.catalog = catalog;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	/** A firm's financing entries (1) or offerings (2), for its members. */
	Mono<Page<MatchView>> forFirm(Direction direction, UUID organisationId, MatchFilters filters, Paging paging,
			CurrentUser user, Language language) {
		// The three reads are independent: one round trip's wait instead of three.
		return Mono
			.zip(this.organisations.find(organisationId), this.organisations.standing(user.id(), organisationId),
					this.profiles.find(organisationId).map(Optional::of).defaultIfEmpty(Optional.empty()))
			.filter((found) -> found.getT2().isPresent() || user.isAdmin())
			.switchIfEmpty(Mono.error(() -> DomainException.notFound("The firm")))
			.flatMap((found) -> {
				if (found.getT1().type() != OrganisationType.FIRM) {
					return Mono.error(new InvalidRequestException("orgId",
							"is a " + found.getT1().type() + " organisation; matches are listed for firms"));
				}
				return Mono.justOrEmpty(found.getT3())
					.switchIfEmpty(Mono.error(() -> new DomainException(org.springframework.http.HttpStatus.CONFLICT,
							"No firm profile", "The firm has no profile yet: write it first, then ask for matches.")))
					.flatMap((stored) -> ((direction == Direction.FINANCING)
							? this.engine.financingFor(stored.profile(), filters, MatchingEngine.CATALOG)
							: this.engine.offeringsFor(stored.profile(), filters, MatchingEngine.CATALOG))
						.flatMap((ranked) -> page(direction, organisationId, ranked, paging, found.getT2(), language)));
			});
	}

	/**
	 * A financing entry's firms (3), an offering's needs (4) or a technology need's
	 * offerings (5), for the entry's owner's members.
	 */
	Mono<Page<MatchView>> forEntry(Direction direction, UUID entryId, MatchFilters filters, Paging paging,
			CurrentUser user, Language language) {
		return this.catalog.publishedContent(entryId)
			.flatMap((entry) -> this.organisations.standing(user.id(), entry.ownerOrganisationId())
				.filter((standing) -> standing.isPresent() || user.isAdmin())
				.map((standing) -> Map.entry(entry, standing)))
			.switchIfEmpty(Mono.error(() -> DomainException.notFound("The entry")))
			.flatMap((found) -> {
				PublishedContent entry = found.getKey();
				String wanted = subjectKind(direction);
				if (!entry.kind().name().equals(wanted)) {
					return Mono.error(new InvalidRequestException("entryId",
							"is a " + entry.kind() + " entry; " + "this list is for " + wanted + " entries"));
				}
				return subject(entry).flatMap((subject) -> (switch (direction) {
					case FIRMS -> this.engine.firmsFor(subject, filters);
					case NEEDS -> this.engine.needsFor(subject, filters);
					default -> this.engine.offeringsForNeed(subject, filters);
				}).flatMap((ranked) -> page(direction, entryId, ranked, paging, found.getValue(), language)));
			});
	}

	/** A published entry as the engine reads a subject. */
	@SuppressWarnings("unchecked")
	Mono<EntryHit> subject(PublishedContent entry) {
		return this.organisations.find(entry.ownerOrganisationId()).map((owner) -> {
			Object details = entry.content().detailsOf(entry.kind());
			Map<String, Object> fields = (details != null) ? this.json.convertValue(details, Map.class) : Map.of();
			return new EntryHit(entry.id(), entry.kind().name(), entry.content().titleZh(), entry.content().titleEn(),
					entry.content().summaryZh(), entry.content().summaryEn(), entry.content().city(),
					entry.content().district(),
					(entry.content().industryChains() != null) ? entry.content().industryChains() : List.of(),
					OrganisationRef.of(owner), entry.content().location(), null, null, fields, List.of(), List.of());
		});
	}

	static String subjectKind(Direction direction) {
		return switch (direction) {
			case FIRMS -> "FINANCING";
			case NEEDS -> "TECH_OFFERING";
			case NEED_OFFERINGS -> "TECH_NEED";
			default -> throw new IllegalArgumentException(direction + " lists matches of a firm");
		};
	}

	/**
	 * The page asked for, each match marked new or not; what a member of the subject's
	 * side was shown counts as seen from now on.
	 */
	private Mono<Page<MatchView>> page(Direction direction, UUID subject, List<Scored> ranked, Paging paging,
			Optional<Standing> standing, Language language) {
		List<Scored> kept = ranked.stream().filter((scored) -> scored.score() >= paging.minScore()).toList();
		int from = Math.min(kept.size(), paging.page() * paging.size());
		List<Scored> shown = kept.subList(from, Math.min(kept.size(), from + paging.size()));
		Instant now = this.clock.instant();
		Mono<Map<UUID, FirmProfileView.Card>> cards = cards(shown);
		return this.suggestions.seen(direction, subject, shown.stream().map(Scored::id).toList())
			.zipWith(cards)
			.flatMap((found) -> {
				Map<UUID, Seen> seen = found.getT1();
				List<MatchView> items = shown.stream()
					.filter((scored) -> scored.type() == CandidateType.ENTRY || found.getT2().containsKey(scored.id()))
					.map((scored) -> view(scored, seen.get(scored.id()), found.getT2().get(scored.id()), now, language))
					.toList();
				// Only what the side had not seen yet is written (one statement, atomic
				// on
				// its own): reading the same page again writes nothing.
				List<Scored> unseen = shown.stream()
					.filter((scored) -> seen.get(scored.id()) == null || seen.get(scored.id()).viewedAt() == null)
					.toList();
				Mono<Void> record = standing.isPresent() ? this.suggestions.viewed(direction, subject, unseen, now)
						: Mono.empty();
				return record.thenReturn(new Page<>(items, paging.page(), paging.size(), kept.size()));
			});
	}

	private MatchView view(Scored scored, Seen seen, FirmProfileView.Card card, Instant now, Language language) {
		Instant firstSeen = (seen != null) ? seen.firstSeenAt() : now;
		boolean isNew = seen == null || seen.viewedAt() == null
				|| firstSeen.isAfter(now.minus(this.properties.newFor()));
		return new MatchView(scored.type(), (scored.entry() != null) ? MatchView.EntryView.of(scored.entry()) : null,
				card, scored.score(), isNew, firstSeen,
				scored.criteria().stream().map((criterion) -> criterion.in(language)).toList());
	}

	/**
	 * The public cards of the firms among the matches; a firm that is no longer
	 * discoverable or verified (the index may lag behind a save) is left out.
	 */
	private Mono<Map<UUID, FirmProfileView.Card>> cards(List<Scored> shown) {
		List<UUID> firms = shown.stream()
			.filter((scored) -> scored.type() == CandidateType.FIRM)
			.map(Scored::id)
			.toList();
		if (firms.isEmpty()) {
			return Mono.just(Map.of());
		}
		LocalDate today = LocalDate.now(this.clock.withZone(FirmProfileService.ZONE));
		return this.organisations.findAll(firms)
			.flatMap((owners) -> this.profiles.findAll(firms)
				.filter((stored) -> stored.profile().discoverable())
				.filter((stored) -> {
					OrganisationSummary owner = owners.get(stored.organisationId());
					return owner != null && owner.verified() && owner.type() == OrganisationType.FIRM;
				})
				.collectMap(StoredProfile::organisationId,
						(stored) -> FirmProfileView.Card.of(owners.get(stored.organisationId()), stored, today)));
	}

	/**
	 * Which page of a list, and the least score it shows.
	 *
	 * @param page from 0
	 * @param size matches on a page
	 * @param minScore the least score shown
	 */
	record Paging(int page, int size, double minScore) {
	}

}
