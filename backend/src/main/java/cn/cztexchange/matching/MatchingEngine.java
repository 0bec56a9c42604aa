package cn.cztexchange.matching;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.cztexchange.catalog.FinancingDetails.FinancingKind;
import cn.cztexchange.catalog.FinancingDetails.Stage;
import cn.cztexchange.catalog.IndustryChain;
import cn.cztexchange.catalog.TechOfferingDetails.DealMode;
import cn.cztexchange.matching.FirmProfile.FundingNeed;
import cn.cztexchange.matching.Scoring.Side;
import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;

/**
 * The matching engine. For each direction it asks Elasticsearch for the best
 * {@code app.matching.candidates} candidates, with every hard criterion in the query's
 * {@code filter} (so that it scales with the catalogue: nothing is filtered in Java) and
 * a relevance query of the subject's analysed words against the candidate's (plus a fixed
 * bonus for a shared industry chain, so that a candidate of the subject's chain is
 * fetched even when its text says little), then scores them in Java ({@link Scoring}) and
 * explains each criterion in both languages.
 *
 * <p>
 * The text's relevance is the candidate's score less that bonus: the bonus is a
 * {@code constant_score}, so it is exactly known for each candidate from its chains.
 */
@Component
class MatchingEngine {

	/** The catalogue's index alias (owned by the search feature). */
	static final String CATALOG = "catalog";

	/** The fixed bonus for a shared industry chain in the candidate query. */
	static final float CHAIN_BONUS = 5f;

	/** Where a text query looks in a catalogue entry, and how much each field counts. */
	private static final Map<String, Float> ENTRY_ZH_FIELDS = Map.of("titleZhWords", 3f, "summaryZhWords", 1f,
			"contextWords", 1f);

	private static final Map<String, Float> ENTRY_EN_FIELDS = Map.of("titleEnWords", 3f, "summaryEnWords", 1f);

	private final ElasticsearchAsyncClient client;

	private final Scoring scoring;

	private final MatchingProperties properties;

	private final Clock clock;

	MatchingEngine(ElasticsearchAsyncClient client, Scoring scoring, MatchingProperties properties, Clock clock) {
		this.client = client;
		this.scoring = scoring;
		this.properties = properties;
		this.clock = clock;
	}

	// ---------------------------------------------------------------- 1. firm →
	// financing

	Mono<List<Scored>> financingFor(FirmProfile firm, MatchFilters filters, String index) {
		FundingNeed need = firm.need();
		Side side = firmSide(firm, true);
		return search(financingRequest(firm, side, filters, index)).map((hits) -> rank(hits, side, (hit) -> {
			List<Criterion> hard = new ArrayList<>();
			hard.add(Criterion.hard("STAGE", Explanations.stage(firm.stage(), hit.stages())));
			hard.add(Criterion.hard("AMOUNT", Explanations.amount(need.amountMinFen(), need.amountMaxFen(),
					hit.ticketMinFen(), hit.ticketMaxFen())));
			hard.add(Criterion.hard("REGION", Explanations.region(firm.city(), hit.cities())));
			hard.add(Criterion.hard("QUALIFICATIONS", Explanations.qualifications(hit.requiredQualifications())));
			hard.add(Criterion.hard("INSTRUMENT",
					Explanations.instrument(need.preferred(), hit.financingKind(), firm.stage())));
			return hard;
		}));
	}

	/**
	 * The Elasticsearch request for a firm's financing candidates. Apart from
	 * {@link #financingFor}, the benchmark sends it straight to Elasticsearch, to
	 * compare.
	 * @param firm the firm
	 * @param side the firm as {@link #firmSide firmSide(firm, true)} sees it
	 * @param filters what the caller narrowed the list to
	 * @param index the index or alias to search
	 * @return the request
	 */
	SearchRequest financingRequest(FirmProfile firm, Side side, MatchFilters filters, String index) {
		LocalDate today = today();
		FundingNeed need = firm.need();
		Set<Qualification> valid = firm.validQualifications(today);
		BoolQuery.Builder bool = new BoolQuery.Builder();
		bool.filter(term("kind", "FINANCING"));
		bool.filter(term("stages", firm.stage().name()));
		if (need.amountMinFen() != null) {
			bool.filter(atLeastOrOpen("ticketMaxFen", need.amountMinFen()));
		}
		if (need.amountMaxFen() != null) {
			bool.filter(atMostOrOpen("ticketMinFen", need.amountMaxFen()));
		}
		// Entries from before cities existed have none, and serve all three.
		bool.filter(anyOf(term("financing.cities", firm.city().name()), missing("financing.cities")));
		Set<Qualification> lacking = EnumSet.complementOf(toEnumSet(valid, Qualification.class));
		if (!lacking.isEmpty()) {
			bool.mustNot(terms("financing.requiredQualifications", lacking));
		}
		if (!need.preferred().isEmpty()) {
			bool.filter(terms("financingKind", FundingInstrument.kinds(need.preferred(), firm.stage())));
		}
		entryFilters(bool, filters);
		if (filters.financingKinds() != null && !filters.financingKinds().isEmpty()) {
			bool.filter(terms("financingKind", filters.financingKinds()));
		}
		textQuery(bool, side.zhWords(), side.enWords(), ENTRY_ZH_FIELDS, ENTRY_EN_FIELDS, 1f);
		chainBonus(bool, firm.industryChains());
		return entriesRequest(index, bool);
	}

	// ---------------------------------------------------------------- 2. firm →
	// offerings

	Mono<List<Scored>> offeringsFor(FirmProfile firm, MatchFilters filters, String index) {
		Side side = firmSide(firm, false);
		return search(offeringsRequest(firm, filters, index)).map((hits) -> rank(hits, side, (hit) -> List.of()));
	}

	/**
	 * The Elasticsearch request for a firm's offering candidates. Apart from
	 * {@link #offeringsFor}, the benchmark sends it straight to Elasticsearch, to
	 * compare.
	 * @param firm the firm
	 * @param filters what the caller narrowed the list to
	 * @param index the index or alias to search
	 * @return the request
	 */
	SearchRequest offeringsRequest(FirmProfile firm, MatchFilters filters, String index) {
		BoolQuery.Builder bool = new BoolQuery.Builder();
		bool.filter(term("kind", "TECH_OFFERING"));
		entryFilters(bool, filters);
		offeringFilters(bool, filters);
		// What the firm says it needs counts more than what it makes.
		textQuery(bool, MatchText.zhWords(firm.technologyNeeds()), MatchText.enWords(firm.technologyNeeds()),
				ENTRY_ZH_FIELDS, ENTRY_EN_FIELDS, 2f);
		textQuery(bool, MatchText.zhWords(firm.products()), MatchText.enWords(firm.products()), ENTRY_ZH_FIELDS,
				ENTRY_EN_FIELDS, 1f);
		chainBonus(bool, firm.industryChains());
		return entriesRequest(index, bool);
	}

	// ---------------------------------------------------------------- 3. financing →
	// firms

	Mono<List<Scored>> firmsFor(EntryHit financing, MatchFilters filters) {
		String today = today().toString();
		BoolQuery.Builder bool = new BoolQuery.Builder();
		bool.filter(terms("stage", financing.stages()));
		if (financing.ticketMinFen() != null) {
			bool.filter(atLeastOrOpen("amountMaxFen", financing.ticketMinFen()));
		}
		if (financing.ticketMaxFen() != null) {
			bool.filter(atMostOrOpen("amountMinFen", financing.ticketMaxFen()));
		}
		if (!financing.cities().isEmpty()) {
			bool.filter(terms("city", financing.cities()));
		}
		for (Qualification required : financing.requiredQualifications()) {
			bool.filter(Query.of((q) -> q.range((r) -> r
				.date((d) -> d.field("qualificationValidUntil." + required.name()).gte(today).format("strict_date")))));
		}
		bool.filter(instrumentFits(financing.financingKind()));
		firmFilters(bool, filters);
		Side side = entrySide(financing);
		textQuery(bool, side.zhWords(), side.enWords(),
				Map.of("productsZhWords", 2f, "needsZhWords", 0.5f, "contextWords", 1f),
				Map.of("productsEnWords", 2f, "needsEnWords", 0.5f), 1f);
		chainBonus(bool, financing.industryChains());
		return searchFirms(bool).map((hits) -> rankFirms(hits, side,
				(firm) -> List.of(Criterion.hard("STAGE", Explanations.stage(firm.stage(), financing.stages())),
						Criterion.hard("AMOUNT",
								Explanations.amount(firm.amountMinFen(), firm.amountMaxFen(), financing.ticketMinFen(),
										financing.ticketMaxFen())),
						Criterion.hard("REGION", Explanations.region(firm.city(), financing.cities())),
						Criterion.hard("QUALIFICATIONS",
								Explanations.qualifications(financing.requiredQualifications())),
						Criterion.hard("INSTRUMENT", Explanations.instrument(Set.copyOf(firm.instruments()),
								financing.financingKind(), firm.stage())))));
	}

	/**
	 * The firms whose preferred instruments (if any) this kind of financing provides: a
	 * listing service is equity only for mature and pre-IPO firms.
	 */
	private static Query instrumentFits(FinancingKind kind) {
		if (kind == FinancingKind.LISTING_SERVICE) {
			Query equityAtListingStage = Query.of((q) -> q.bool((b) -> b.filter(term("instruments", "EQUITY"))
				.filter(terms("stage", FundingInstrument.LISTING_STAGES))));
			return anyOf(missing("instruments"), equityAtListingStage);
		}
		FundingInstrument instrument = FundingInstrument.of(kind, Stage.SEED);
		return (instrument != null) ? anyOf(missing("instruments"), term("instruments", instrument.name()))
				: missing("instruments");
	}

	// ---------------------------------------------------------------- 4. offering →
	// needs

	Mono<List<Scored>> needsFor(EntryHit offering, MatchFilters filters) {
		Side side = entrySide(offering);
		Mono<List<Scored>> entries = (filters.source() == CandidateType.FIRM) ? Mono.just(List.of())
				: needEntriesFor(offering, side, filters);
		Mono<List<Scored>> firms = (filters.source() == CandidateType.ENTRY) ? Mono.just(List.of())
				: firmNeedsFor(side, filters);
		return Mono.zip(entries, firms).map((both) -> {
			List<Scored> all = new ArrayList<>(both.getT1());
			all.addAll(both.getT2());
			all.sort(BEST_FIRST);
			return all.subList(0, Math.min(all.size(), this.properties.candidates()));
		});
	}

	private Mono<List<Scored>> needEntriesFor(EntryHit offering, Side side, MatchFilters filters) {
		BoolQuery.Builder bool = new BoolQuery.Builder();
		bool.filter(term("kind", "TECH_NEED"));
		if (offering.trl() != null) {
			bool.filter(atMostOrOpen("techNeed.minTrl", offering.trl()));
		}
		if (!offering.dealModes().isEmpty()) {
			bool.filter(terms("techNeed.dealModes", offering.dealModes()));
		}
		if (offering.askingPriceFen() != null) {
			bool.filter(atLeastOrOpen("techNeed.budgetMaxFen", offering.askingPriceFen()));
		}
		entryFilters(bool, filters);
		textQuery(bool, side.zhWords(), side.enWords(), ENTRY_ZH_FIELDS, ENTRY_EN_FIELDS, 1f);
		chainBonus(bool, offering.industryChains());
		return searchEntries(CATALOG, bool).map((hits) -> rank(hits, side, (need) -> List.of(
				Criterion.hard("TRL", Explanations.trl(offering.trl(), need.minTrl())),
				Criterion.hard("DEAL_MODE", Explanations.dealModes(shared(offering.dealModes(), need.dealModes()))),
				Criterion.hard("BUDGET", Explanations.budget(offering.askingPriceFen(), need.budgetMaxFen())))));
	}

	private Mono<List<Scored>> firmNeedsFor(Side side, MatchFilters filters) {
		BoolQuery.Builder bool = new BoolQuery.Builder();
		bool.filter(term("hasNeeds", "true"));
		firmFilters(bool, filters);
		// A firm's needs are free text: without a word in common there is no match.
		Query text = textOnly(side.zhWords(), side.enWords(), Map.of("needsZhWords", 3f, "productsZhWords", 1f),
				Map.of("needsEnWords", 3f, "productsEnWords", 1f));
		if (text == null) {
			return Mono.just(List.of());
		}
		bool.must(text);
		chainBonus(bool, side.chains());
		return searchFirms(bool).map((hits) -> rankFirms(hits, side, (firm) -> List.of()));
	}

	// ---------------------------------------------------------------- 5. need →
	// offerings

	Mono<List<Scored>> offeringsForNeed(EntryHit need, MatchFilters filters) {
		BoolQuery.Builder bool = new BoolQuery.Builder();
		bool.filter(term("kind", "TECH_OFFERING"));
		if (need.minTrl() != null) {
			bool.filter(Query.of((q) -> q.range((r) -> r.number((n) -> n.field("trl").gte((double) need.minTrl())))));
		}
		if (!need.dealModes().isEmpty()) {
			bool.filter(terms("dealModes", need.dealModes()));
		}
		if (need.budgetMaxFen() != null) {
			bool.filter(atMostOrOpen("priceFen", need.budgetMaxFen()));
		}
		entryFilters(bool, filters);
		offeringFilters(bool, filters);
		Side side = entrySide(need);
		textQuery(bool, side.zhWords(), side.enWords(), ENTRY_ZH_FIELDS, ENTRY_EN_FIELDS, 1f);
		chainBonus(bool, need.industryChains());
		return searchEntries(CATALOG, bool).map((hits) -> rank(hits, side, (offering) -> List.of(
				Criterion.hard("TRL", Explanations.trl(offering.trl(), need.minTrl())),
				Criterion.hard("DEAL_MODE", Explanations.dealModes(shared(need.dealModes(), offering.dealModes()))),
				Criterion.hard("BUDGET", Explanations.budget(offering.askingPriceFen(), need.budgetMaxFen())))));
	}

	/**
	 * The newest technology needs that share an industry chain with these: the needs a
	 * new offering of those chains may be a match for.
	 */
	Mono<List<UUID>> needsSharingChains(Set<IndustryChain> chains, int size) {
		SearchRequest request = SearchRequest.of((s) -> s.index(CATALOG)
			.size(size)
			.trackTotalHits((t) -> t.enabled(false))
			.source((src) -> src.fetch(false))
			.query((q) -> q.bool((b) -> b.filter(term("kind", "TECH_NEED")).filter(terms("industryChains", chains))))
			.sort(SortOptions.of((o) -> o.field((f) -> f.field("publishedAt").order(SortOrder.Desc))))
			.ignoreUnavailable(true));
		return Mono.fromFuture(() -> this.client.search(request, Void.class))
			.map((response) -> response.hits().hits().stream().map((hit) -> UUID.fromString(hit.id())).toList());
	}

	// ---------------------------------------------------------------- sides

	/**
	 * A firm as the soft criteria see it: for financing, its products and funding purpose
	 * with its chains' names (financing entries are written about chains, not products);
	 * for offerings, its technology needs and products.
	 */
	static Side firmSide(FirmProfile firm, boolean forFinancing) {
		if (forFinancing) {
			List<String> chainsZh = firm.industryChains()
				.stream()
				.map((chain) -> Explanations.chainName(chain, Language.ZH))
				.toList();
			List<String> chainsEn = firm.industryChains()
				.stream()
				.map((chain) -> Explanations.chainName(chain, Language.EN))
				.toList();
			List<String> zh = new ArrayList<>(MatchText.zhWords(firm.products(), firm.need().purpose()));
			List<String> en = new ArrayList<>(MatchText.enWords(firm.products(), firm.need().purpose()));
			MatchText.zhWords(chainsZh.toArray(String[]::new)).stream().filter((w) -> !zh.contains(w)).forEach(zh::add);
			MatchText.enWords(chainsEn.toArray(String[]::new)).stream().filter((w) -> !en.contains(w)).forEach(en::add);
			return new Side(firm.industryChains(), zh, en, firm.place());
		}
		return new Side(firm.industryChains(), MatchText.zhWords(firm.technologyNeeds(), firm.products()),
				MatchText.enWords(firm.technologyNeeds(), firm.products()), firm.place());
	}

	/** An entry as the soft criteria see it: its titles, summaries and tags. */
	private static Side entrySide(EntryHit entry) {
		return new Side(entry.industryChains(), MatchText.zhWords(entry.titleZh(), entry.summaryZh()),
				MatchText.enWords(entry.titleEn(), entry.summaryEn()), entry.location());
	}

	// ---------------------------------------------------------------- ranking

	private static final Comparator<Scored> BEST_FIRST = Comparator.comparingDouble(Scored::score)
		.reversed()
		.thenComparing((scored) -> scored.id().toString());

	private List<Scored> rank(List<Hit<Map<String, Object>>> hits, Side side,
			Function<EntryHit, List<Criterion>> hardCriteria) {
		List<EntryHit> entries = hits.stream().map((hit) -> EntryHit.of(hit.source())).toList();
		double[] text = textScores(hits, entries.stream().map(EntryHit::industryChains).toList(), side);
		List<Scored> ranked = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			EntryHit entry = entries.get(i);
			List<Criterion> criteria = new ArrayList<>(hardCriteria.apply(entry));
			criteria.addAll(this.scoring.soft(side, entry.industryChains(), text[i], entry.zhWords(), entry.enWords(),
					entry.publishedAt(), false, entry.location()));
			ranked.add(new Scored(entry.id(), CandidateType.ENTRY, Scoring.score(criteria), criteria, entry));
		}
		ranked.sort(BEST_FIRST);
		return ranked;
	}

	private List<Scored> rankFirms(List<Hit<Map<String, Object>>> hits, Side side,
			Function<FirmHit, List<Criterion>> hardCriteria) {
		List<FirmHit> firms = hits.stream().map((hit) -> FirmHit.of(hit.source())).toList();
		double[] text = textScores(hits, firms.stream().map(FirmHit::industryChains).toList(), side);
		List<Scored> ranked = new ArrayList<>();
		for (int i = 0; i < firms.size(); i++) {
			FirmHit firm = firms.get(i);
			List<Criterion> criteria = new ArrayList<>(hardCriteria.apply(firm));
			criteria.addAll(this.scoring.soft(side, firm.industryChains(), text[i], firm.zhWords(), firm.enWords(),
					firm.updatedAt(), true, firm.location()));
			ranked.add(new Scored(firm.id(), CandidateType.FIRM, Scoring.score(criteria), criteria, null));
		}
		ranked.sort(BEST_FIRST);
		return ranked;
	}

	/**
	 * Each candidate's text relevance over the best candidate's: its score less the chain
	 * bonus it got.
	 */
	private static double[] textScores(List<Hit<Map<String, Object>>> hits, List<List<IndustryChain>> chains,
			Side side) {
		double[] raw = new double[hits.size()];
		double best = 0;
		for (int i = 0; i < hits.size(); i++) {
			boolean bonus = chains.get(i).stream().anyMatch(side.chains()::contains);
			double score = (hits.get(i).score() != null) ? hits.get(i).score() : 0;
			raw[i] = Math.max(0, score - (bonus ? CHAIN_BONUS : 0));
			best = Math.max(best, raw[i]);
		}
		for (int i = 0; i < raw.length; i++) {
			// Float rounding leaves crumbs of the bonus behind.
			raw[i] = (best > 1e-3 && raw[i] > 1e-3) ? raw[i] / best : 0;
		}
		return raw;
	}

	// ---------------------------------------------------------------- Elasticsearch

	private Mono<List<Hit<Map<String, Object>>>> searchEntries(String index, BoolQuery.Builder bool) {
		return search(entriesRequest(index, bool));
	}

	private Mono<List<Hit<Map<String, Object>>>> searchFirms(BoolQuery.Builder bool) {
		return search(request(FirmIndex.ALIAS, bool, FirmHit.SOURCE_FIELDS, "updatedAt"));
	}

	private SearchRequest entriesRequest(String index, BoolQuery.Builder bool) {
		return request(index, bool, EntryHit.SOURCE_FIELDS, "publishedAt");
	}

	private SearchRequest request(String index, BoolQuery.Builder bool, List<String> fields, String newest) {
		return SearchRequest.of((s) -> s.index(index)
			.size(this.properties.candidates())
			.trackTotalHits((t) -> t.enabled(false))
			.source((src) -> src.filter((f) -> f.includes(fields)))
			.query((q) -> q.bool(bool.build()))
			.sort(SortOptions.of((o) -> o.score((sc) -> sc.order(SortOrder.Desc))),
					SortOptions.of((o) -> o.field((f) -> f.field(newest).order(SortOrder.Desc))))
			.ignoreUnavailable(true));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Mono<List<Hit<Map<String, Object>>>> search(SearchRequest request) {
		return Mono.fromFuture(() -> this.client.search(request, Map.class))
			.map((response) -> (List<Hit<Map<String, Object>>>) (List) response.hits().hits());
	}

	/**
	 * The subject's words against the candidate's fields, scored: Chinese words against
	 * the Chinese fields, English ones against the English fields. Nothing is required
	 * (the filters decide what may match), so a candidate without a word in common still
	 * comes, with no text score.
	 */
	private static void textQuery(BoolQuery.Builder bool, List<String> zh, List<String> en, Map<String, Float> zhFields,
			Map<String, Float> enFields, float boost) {
		Query text = textOnly(zh, en, zhFields, enFields);
		if (text != null) {
			bool.should((boost == 1f) ? text : Query.of((q) -> q.bool((b) -> b.should(text).boost(boost))));
		}
	}

	private static Query textOnly(List<String> zh, List<String> en, Map<String, Float> zhFields,
			Map<String, Float> enFields) {
		List<Query> should = new ArrayList<>();
		if (!zh.isEmpty()) {
			String words = MatchText.join(zh);
			zhFields.forEach((field, weight) -> should
				.add(Query.of((q) -> q.match((m) -> m.field(field).query(words).boost(weight)))));
		}
		if (!en.isEmpty()) {
			String words = MatchText.join(en);
			enFields.forEach((field, weight) -> should
				.add(Query.of((q) -> q.match((m) -> m.field(field).query(words).boost(weight)))));
		}
		return should.isEmpty() ? null : Query.of((q) -> q.bool((b) -> b.should(should)));
	}

	private static void chainBonus(BoolQuery.Builder bool, List<IndustryChain> chains) {
		if (!chains.isEmpty()) {
			bool.should(Query
				.of((q) -> q.constantScore((c) -> c.filter(terms("industryChains", chains)).boost(CHAIN_BONUS))));
		}
	}

	/** What the caller narrowed entries to: their city and chains. */
	private static void entryFilters(BoolQuery.Builder bool, MatchFilters filters) {
		if (filters.city() != null) {
			bool.filter(term("city", filters.city().name()));
		}
		if (filters.industryChains() != null && !filters.industryChains().isEmpty()) {
			bool.filter(terms("industryChains", filters.industryChains()));
		}
	}

	private static void offeringFilters(BoolQuery.Builder bool, MatchFilters filters) {
		if (filters.dealModes() != null && !filters.dealModes().isEmpty()) {
			bool.filter(terms("dealModes", filters.dealModes()));
		}
		if (filters.minTrl() != null) {
			bool.filter(
					Query.of((q) -> q.range((r) -> r.number((n) -> n.field("trl").gte((double) filters.minTrl())))));
		}
	}

	/** What the caller narrowed firms to: their city, stages and chains. */
	private static void firmFilters(BoolQuery.Builder bool, MatchFilters filters) {
		if (filters.city() != null) {
			bool.filter(term("city", filters.city().name()));
		}
		if (filters.stages() != null && !filters.stages().isEmpty()) {
			bool.filter(terms("stage", filters.stages()));
		}
		if (filters.industryChains() != null && !filters.industryChains().isEmpty()) {
			bool.filter(terms("industryChains", filters.industryChains()));
		}
	}

	static Query term(String field, String value) {
		return Query.of((q) -> q.term((t) -> t.field(field).value(value)));
	}

	static Query terms(String field, Collection<?> values) {
		List<FieldValue> fieldValues = values.stream()
			.map((value) -> FieldValue.of((value instanceof Enum<?> e) ? e.name() : String.valueOf(value)))
			.toList();
		return Query.of((q) -> q.terms((t) -> t.field(field).terms((v) -> v.value(fieldValues))));
	}

	private static Query missing(String field) {
		return Query.of((q) -> q.bool((b) -> b.mustNot((m) -> m.exists((e) -> e.field(field)))));
	}

	private static Query anyOf(Query... queries) {
		return Query.of((q) -> q.bool((b) -> b.should(List.of(queries)).minimumShouldMatch("1")));
	}

	/** The field at least the value, or absent (an open end). */
	private static Query atLeastOrOpen(String field, long value) {
		return anyOf(Query.of((q) -> q.range((r) -> r.number((n) -> n.field(field).gte((double) value)))),
				missing(field));
	}

	/** The field at most the value, or absent (an open end). */
	private static Query atMostOrOpen(String field, long value) {
		return anyOf(Query.of((q) -> q.range((r) -> r.number((n) -> n.field(field).lte((double) value)))),
				missing(field));
	}

	private static <T> List<T> shared(Set<T> a, Set<T> b) {
		return a.stream().filter(b::contains).toList();
	}

	private static <E extends Enum<E>> EnumSet<E> toEnumSet(Set<E> values, Class<E> type) {
		return values.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(values);
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(FirmProfileService.ZONE));
	}

}
