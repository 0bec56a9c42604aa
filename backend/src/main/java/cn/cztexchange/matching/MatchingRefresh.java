package cn.cztexchange.matching;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.cztexchange.catalog.CatalogReader;
import cn.cztexchange.catalog.CatalogReader.PublishedContent;
import cn.cztexchange.catalog.IndustryChain;
import cn.cztexchange.platform.OutboxHandler;
import cn.cztexchange.platform.OutboxRow;
import cn.cztexchange.search.IndexedEntriesListener.IndexedEntry;

/**
 * Keeps stored matches fresh when either side changes, and tells firms about new ones:
 * consumes {@value #TOPIC} rows, which a profile save (a firm changed) and the catalogue
 * indexer (entries became searchable or were removed) append.
 * <ul>
 * <li>A firm changed: its financing and offering matches are worked out again.</li>
 * <li>A financing entry or an offering became searchable: so are those of the firms that
 * share an industry chain with it (and, for financing, are at a stage it serves), the
 * firms whose best matches it may enter.</li>
 * <li>A technology need became searchable: its offerings are worked out; so are those of
 * the newest needs ({@value #NEEDS_PER_ROUND} a round) that share an industry chain with
 * a new offering.</li>
 * <li>An entry was removed: every stored match of it or with it is forgotten.</li>
 * </ul>
 * Each subject's best {@code app.matching.suggestions} are stored; the ones found for the
 * first time with at least {@code app.matching.notify-score} are announced to the firm's
 * members in one in-app notification (a firm's own matches, or those of its technology
 * need). Subjects named by several rows of a round are worked out once.
 */
@Component
class MatchingRefresh implements OutboxHandler {

	static final String TOPIC = "matching-refresh";

	private static final Log log = LogFactory.getLog(MatchingRefresh.class);

	/**
	 * How many technology needs a round's new offerings make worked out again: the newest
	 * that share an industry chain with one of them.
	 */
	static final int NEEDS_PER_ROUND = 100;

	private final MatchingEngine engine;

	private final FirmProfileRepository profiles;

	private final MatchSuggestions suggestions;

	private final CatalogReader catalog;

	private final MatchingService service;

	private final MatchNotifier notifier;

	private final MatchingProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	MatchingRefresh(MatchingEngine engine, FirmProfileRepository profiles, MatchSuggestions suggestions,
			CatalogReader catalog, MatchingService service, MatchNotifier notifier, MatchingProperties properties,
			JsonMapper json, Clock clock) {
		this.engine = engine;
		this.profiles = profiles;
		this.suggestions = suggestions;
		this.catalog = catalog;
		this.service = service;
		this.notifier = notifier;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	/** The payload that says a firm's profile changed. */
	static Map<String, ?> firmChanged(UUID organisationId) {
		return Map.of("firm", organisationId.toString());
	}

	/** The payload that says the indexer brought these entries up to date. */
	static Map<String, ?> entriesIndexed(List<IndexedEntry> entries) {
		List<Map<String, Object>> list = new ArrayList<>();
		for (IndexedEntry entry : entries) {
			Map<String, Object> item = new HashMap<>();
			item.put("id", entry.id().toString());
			item.put("kind", (entry.kind() != null) ? entry.kind().name() : null);
			item.put("published", entry.published());
			list.add(item);
		}
		return Map.of("entries", list);
	}

	@Override
	public String topic() {
		return TOPIC;
	}

	@Override
	public Mono<Void> handle(List<OutboxRow> rows) {
		Set<UUID> firms = new LinkedHashSet<>();
		Map<UUID, Boolean> entries = new LinkedHashMap<>();
		for (OutboxRow row : rows) {
			JsonNode payload = this.json.readTree(row.payload());
			if (payload.hasNonNull("firm")) {
				firms.add(UUID.fromString(payload.get("firm").asString()));
			}
			for (JsonNode entry : payload.path("entries")) {
				// Rows come in order: the latest state of an entry wins.
				entries.put(UUID.fromString(entry.get("id").asString()), entry.path("published").asBoolean());
			}
		}
		List<UUID> removed = entries.entrySet().stream().filter((e) -> !e.getValue()).map(Map.Entry::getKey).toList();
		List<UUID> published = entries.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
		return this.suggestions.forget(removed)
			.then(this.catalog.publishedContents(published).collectList())
			.flatMap((changed) -> refresh(firms, changed));
	}

	private Mono<Void> refresh(Set<UUID> changedFirms, List<PublishedContent> changed) {
		Set<IndustryChain> financingChains = EnumSet.noneOf(IndustryChain.class);
		Set<cn.cztexchange.catalog.FinancingDetails.Stage> financingStages = EnumSet
			.noneOf(cn.cztexchange.catalog.FinancingDetails.Stage.class);
		Set<IndustryChain> offeringChains = EnumSet.noneOf(IndustryChain.class);
		List<PublishedContent> needs = new ArrayList<>();
		for (PublishedContent entry : changed) {
			List<IndustryChain> chains = (entry.content().industryChains() != null) ? entry.content().industryChains()
					: List.of();
			switch (entry.kind().name()) {
				case "FINANCING" -> {
					financingChains.addAll(chains);
					financingStages.addAll(entry.content().financing().stages());
				}
				case "TECH_OFFERING" -> {
					offeringChains.addAll(chains);
				}
				case "TECH_NEED" -> needs.add(entry);
				default -> {
				}
			}
		}
		Mono<Set<UUID>> financingFirms = this.profiles.sharingChains(financingChains, financingStages)
			.collectList()
			.map((ids) -> union(changedFirms, ids));
		Mono<Set<UUID>> offeringFirms = this.profiles.sharingChains(offeringChains, null)
			.collectList()
			.map((ids) -> union(changedFirms, ids));
		return Mono.zip(financingFirms, offeringFirms)
			.flatMap((firms) -> refreshFirms(Direction.FINANCING, firms.getT1())
				.then(refreshFirms(Direction.OFFERINGS, firms.getT2())))
			.then((offeringChains.isEmpty() ? Mono.just(List.<UUID>of())
					: this.engine.needsSharingChains(offeringChains, NEEDS_PER_ROUND))
				.flatMap((affected) -> refreshNeeds(needs, affected)));
	}

	private Mono<Void> refreshFirms(Direction direction, Set<UUID> firms) {
		return this.profiles.findAll(firms)
			.concatMap((stored) -> ((direction == Direction.FINANCING)
					? this.engine.financingFor(stored.profile(), MatchFilters.NONE, MatchingEngine.CATALOG)
					: this.engine.offeringsFor(stored.profile(), MatchFilters.NONE, MatchingEngine.CATALOG))
				.flatMap((ranked) -> store(direction, stored.organisationId(), ranked))
				.flatMap((fresh) -> this.notifier.firmMatches(stored.organisationId(), direction, fresh)))
			.then();
	}

	private Mono<Void> refreshNeeds(List<PublishedContent> needs, List<UUID> affected) {
		Set<UUID> known = new LinkedHashSet<>();
		needs.forEach((need) -> known.add(need.id()));
		Set<UUID> others = new LinkedHashSet<>(affected);
		others.removeAll(known);
		Flux<PublishedContent> all = Flux.fromIterable(needs)
			.concatWith(
					this.catalog.publishedContents(others).filter((entry) -> "TECH_NEED".equals(entry.kind().name())));
		return all
			.concatMap((need) -> this.service.subject(need)
				.flatMap((subject) -> this.engine.offeringsForNeed(subject, MatchFilters.NONE))
				.flatMap((ranked) -> store(Direction.NEED_OFFERINGS, need.id(), ranked))
				.flatMap((fresh) -> this.notifier.needMatches(need, fresh)))
			.then();
	}

	/** Stores the best and answers those found for the first time that merit a word. */
	private Mono<List<Scored>> store(Direction direction, UUID subject, List<Scored> ranked) {
		List<Scored> best = ranked.subList(0, Math.min(ranked.size(), this.properties.suggestions()));
		return this.suggestions.store(direction, subject, best, this.clock.instant()).map((inserted) -> {
			Set<UUID> fresh = Set.copyOf(inserted);
			List<Scored> worth = best.stream()
				.filter((scored) -> fresh.contains(scored.id()) && scored.score() >= this.properties.notifyScore())
				.toList();
			if (!worth.isEmpty()) {
				log.debug(direction + " of " + subject + ": " + worth.size() + " new matches");
			}
			return worth;
		});
	}

	private static Set<UUID> union(Set<UUID> a, List<UUID> b) {
		Set<UUID> union = new LinkedHashSet<>(a);
		union.addAll(b);
		return union;
	}

}
