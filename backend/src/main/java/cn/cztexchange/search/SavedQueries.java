package cn.cztexchange.search;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.cztexchange.catalog.FinancingDetails;
import cn.cztexchange.catalog.IndustryChain;
import cn.cztexchange.catalog.InstrumentDetails;
import cn.cztexchange.catalog.ResourceKind;
import cn.cztexchange.catalog.TechNeedDetails;
import cn.cztexchange.catalog.TechOfferingDetails;
import cn.cztexchange.identity.City;
import cn.cztexchange.platform.FieldError;
import cn.cztexchange.platform.InvalidRequestException;
import cn.cztexchange.platform.ProblemDetails;
import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchRequest;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;

/**
 * Searches kept for later: a query string of {@code GET /api/v1/search} read and checked
 * as the endpoint reads it ({@link #parse}), and matched against entries that have just
 * become searchable ({@link #matching}), for alerts. The local Elasticsearch has no
 * percolator, so matching runs the saved searches themselves, each limited to the new
 * entries by an {@code ids} filter: one {@code _msearch} request carries many saved
 * searches, and each of them only looks at the few new documents.
 */
@Component
public class SavedQueries {

	private static final Log log = LogFactory.getLog(SavedQueries.class);

	/** Saved searches sent in one {@code _msearch} request. */
	static final int SEARCHES_PER_REQUEST = 100;

	/** Entries one search looks among at most (its {@code ids} filter and its size). */
	static final int ENTRIES_PER_SEARCH = 1000;

	/**
	 * The parameters of {@code GET /api/v1/search} that make a search, in their canonical
	 * order.
	 */
	static final List<String> PARAMETERS = List.of("q", "kind", "city", "district", "industryChain", "tag", "category",
			"serviceMode", "dealMode", "financingKind", "stage", "needType", "priceMinFen", "priceMaxFen", "ticketFen",
			"near", "radiusKm", "sort");

	/**
	 * The endpoint's paging parameters: which page of a search, not what it searches for;
	 * left out of a saved query.
	 */
	static final Set<String> PAGING = Set.of("size", "after");

	private final ElasticsearchAsyncClient client;

	SavedQueries(ElasticsearchAsyncClient client) {
		this.client = client;
	}

	/**
	 * Reads a query string as {@code GET /api/v1/search} would (a leading {@code ?} is
	 * allowed; {@code size} and {@code after} are ignored), and answers it checked and in
	 * its canonical form.
	 * @param queryString the query string, e.g. {@code q=质谱&kind=INSTRUMENT}; null or
	 * blank searches everything
	 * @param field the name under which the caller received the query string: the 400
	 * names each bad parameter as {@code field.parameter} (e.g. {@code query.kind})
	 * @return the query
	 * @throws InvalidRequestException naming every parameter that the search endpoint
	 * would refuse, and any parameter it does not know (where the endpoint would silently
	 * ignore a misspelt filter, a saved search would alert on far more than meant)
	 */
	public static SavedQuery parse(String queryString, String field) {
		Parameters parameters = Parameters.decode(queryString, field);
		SearchRequest request;
		try {
			request = parameters.request();
		}
		catch (InvalidRequestException ex) {
			parameters.errors.addAll(fieldErrors(ex));
			request = null;
		}
		if (!parameters.errors.isEmpty()) {
			throw new InvalidRequestException(parameters.errors.stream()
				.map((error) -> new FieldError(field + "." + error.field(), error.message()))
				.toList());
		}
		return new SavedQuery(request, canonical(request));
	}

	/**
	 * Which of these entries each saved query finds: one {@code _msearch} request per
	 * {@value #SEARCHES_PER_REQUEST} queries (and per {@value #ENTRIES_PER_SEARCH}
	 * entries), each search being the saved query's words and filters, limited to the
	 * entries by an {@code ids} filter, unscored, without aggregations or highlights.
	 * Only entries that searches can find now are found: see {@link #searchable}.
	 * @param queries the saved queries, by a key of the caller's (a saved search's id)
	 * @param entryIds the entries to look among
	 * @return for each key whose query finds any of the entries, the entries it finds
	 */
	public <K> Mono<Map<K, List<UUID>>> matching(Map<K, SavedQuery> queries, Collection<UUID> entryIds) {
		if (queries.isEmpty() || entryIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		List<List<String>> idChunks = chunks(new LinkedHashSet<>(entryIds).stream().map(UUID::toString).toList(),
				ENTRIES_PER_SEARCH);
		List<List<Map.Entry<K, SavedQuery>>> queryChunks = chunks(List.copyOf(queries.entrySet()),
				SEARCHES_PER_REQUEST);
		// One request at a time: alerts are background work and must not crowd out the
		// users' searches.
		return Flux.fromIterable(idChunks)
			.concatMap((ids) -> Flux.fromIterable(queryChunks).concatMap((chunk) -> multiSearch(chunk, ids)))
			.collect(LinkedHashMap::new,
					(Map<K, List<UUID>> found, Match<K> match) -> found
						.computeIfAbsent(match.key(), (key) -> new ArrayList<>())
						.add(match.entryId()));
	}

	/**
	 * The entries among these that searches find now. The indexer's bulk requests of a
	 * backlog leave refreshing to the index (every second), so an entry can be indexed
	 * but not yet searchable; when some are missing, this refreshes the index once and
	 * looks again. Those still missing are no longer published (removed meanwhile).
	 * @param entryIds the entries
	 * @return those that searches find
	 */
	public Mono<Set<UUID>> searchable(Collection<UUID> entryIds) {
		List<UUID> ids = List.copyOf(new LinkedHashSet<>(entryIds));
		if (ids.isEmpty()) {
			return Mono.just(Set.of());
		}
		return found(ids).flatMap((found) -> (found.size() == ids.size()) ? Mono.just(found)
				: Mono.fromFuture(() -> this.client.indices().refresh((r) -> r.index(CatalogIndex.ALIAS)))
					.then(found(ids)));
	}

	private Mono<Set<UUID>> found(List<UUID> ids) {
		return Flux.fromIterable(chunks(ids.stream().map(UUID::toString).toList(), ENTRIES_PER_SEARCH))
			.concatMap((chunk) -> Mono
				.fromFuture(() -> this.client.search((s) -> s.index(CatalogIndex.ALIAS)
					.query((q) -> q.ids((i) -> i.values(chunk)))
					.size(chunk.size())
					.source((src) -> src.fetch(false))
					.trackTotalHits((t) -> t.enabled(false)), Void.class))
				.flatMapIterable((response) -> response.hits().hits()))
			.map((hit) -> UUID.fromString(hit.id()))
			.collect(LinkedHashSet::new, Set::add);
	}

	private <K> Flux<Match<K>> multiSearch(List<Map.Entry<K, SavedQuery>> chunk, List<String> ids) {
		Query among = Query.of((q) -> q.ids((i) -> i.values(ids)));
		MsearchRequest request = MsearchRequest.of((m) -> {
			m.index(CatalogIndex.ALIAS);
			for (Map.Entry<K, SavedQuery> saved : chunk) {
				Query hits = CatalogSearch.hitsQuery(saved.getValue().request());
				m.searches((s) -> s.header((h) -> h.allowPartialSearchResults(false))
					.body((b) -> b.query((q) -> q.bool((bool) -> bool.filter(among, hits)))
						.size(ids.size())
						.source((src) -> src.fetch(false))
						.trackTotalHits((t) -> t.enabled(false))));
			}
			return m;
		});
		return Mono.fromFuture(() -> this.client.msearch(request, Void.class))
			.flatMapIterable((response) -> matches(chunk, response));
	}

	private static <K> List<Match<K>> matches(List<Map.Entry<K, SavedQuery>> chunk, MsearchResponse<Void> response) {
		List<Match<K>> matches = new ArrayList<>();
		List<MultiSearchResponseItem<Void>> items = response.responses();
		for (int i = 0; i < items.size(); i++) {
			Map.Entry<K, SavedQuery> saved = chunk.get(i);
			MultiSearchResponseItem<Void> item = items.get(i);
			if (item.isFailure()) {
				refused(saved, item.failure());
				continue;
			}
			for (Hit<Void> hit : item.result().hits().hits()) {
				matches.add(new Match<>(saved.getKey(), UUID.fromString(hit.id())));
			}
		}
		return matches;
	}

	/**
	 * A search Elasticsearch could not run. Overloaded or failing: the whole batch fails
	 * and is tried again later. Refused for good (a query this version can no longer
	 * run): that saved search is skipped, so that it cannot hold up everyone's alerts.
	 */
	private static void refused(Map.Entry<?, SavedQuery> saved, ErrorResponse failure) {
		String reason = failure.error().type() + ": " + failure.error().reason();
		if (failure.status() == 429 || failure.status() >= 500) {
			throw new IllegalStateException("Elasticsearch could not match saved searches now: " + reason);
		}
		log.warn("Saved search " + saved.getKey() + " (" + saved.getValue() + ") was refused and skipped: " + reason);
	}

	private static <T> List<List<T>> chunks(List<T> items, int size) {
		List<List<T>> chunks = new ArrayList<>();
		for (int from = 0; from < items.size(); from += size) {
			chunks.add(items.subList(from, Math.min(items.size(), from + size)));
		}
		return chunks;
	}

	@SuppressWarnings("unchecked")
	private static List<FieldError> fieldErrors(InvalidRequestException ex) {
		Map<String, Object> properties = ex.getBody().getProperties();
		return (properties != null) ? (List<FieldError>) properties.get(ProblemDetails.ERRORS) : List.of();
	}

	/** The query string in its canonical form (see {@link SavedQuery#queryString}). */
	private static String canonical(SearchRequest r) {
		StringJoiner out = new StringJoiner("&");
		add(out, "q", (r.q() != null) ? List.of(r.q()) : null);
		add(out, "kind", r.kinds());
		add(out, "city", r.cities());
		add(out, "district", r.districts());
		add(out, "industryChain", r.industryChains());
		add(out, "tag", r.tags());
		add(out, "category", r.categories());
		add(out, "serviceMode", r.serviceModes());
		add(out, "dealMode", r.dealModes());
		add(out, "financingKind", r.financingKinds());
		add(out, "stage", r.stages());
		add(out, "needType", r.needTypes());
		add(out, "priceMinFen", (r.priceMinFen() != null) ? List.of(r.priceMinFen()) : null);
		add(out, "priceMaxFen", (r.priceMaxFen() != null) ? List.of(r.priceMaxFen()) : null);
		add(out, "ticketFen", (r.ticketFen() != null) ? List.of(r.ticketFen()) : null);
		if (r.near() != null) {
			add(out, "near", List.of(number(r.near().lat()) + "," + number(r.near().lon())));
		}
		add(out, "radiusKm", (r.radiusKm() != null) ? List.of(number(r.radiusKm())) : null);
		add(out, "sort", (r.sort() != null) ? List.of(r.sort()) : null);
		return out.toString();
	}

	/** Each value once, sorted, so that the order they were chosen in does not count. */
	private static void add(StringJoiner out, String name, List<?> values) {
		if (values == null) {
			return;
		}
		values.stream()
			.map((value) -> (value instanceof Enum<?> constant) ? constant.name() : value.toString())
			.distinct()
			.sorted()
			.forEach((value) -> out.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
	}

	private static String number(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

	/**
	 * @param key the caller's key of the saved query
	 * @param entryId an entry it finds
	 */
	private record Match<K>(K key, UUID entryId) {
	}

	/**
	 * A query string's parameters, read one by one with the rules of the search
	 * endpoint's own ({@code SearchController}); what is wrong with them is collected, so
	 * that one answer names every bad parameter.
	 */
	private static final class Parameters {

		private final Map<String, List<String>> values;

		private final List<FieldError> errors = new ArrayList<>();

		private Parameters(Map<String, List<String>> values) {
			this.values = values;
		}

		static Parameters decode(String queryString, String field) {
			Map<String, List<String>> values = new LinkedHashMap<>();
			String text = (queryString != null) ? queryString.strip() : "";
			if (text.startsWith("?")) {
				text = text.substring(1);
			}
			for (String pair : text.split("&")) {
				if (pair.isEmpty()) {
					continue;
				}
				int equals = pair.indexOf('=');
				String name = (equals >= 0) ? pair.substring(0, equals) : pair;
				String value = (equals >= 0) ? pair.substring(equals + 1) : "";
				try {
					name = URLDecoder.decode(name, StandardCharsets.UTF_8);
					value = URLDecoder.decode(value, StandardCharsets.UTF_8).strip();
				}
				catch (IllegalArgumentException ex) {
					throw new InvalidRequestException(field,
							"is not a query string: '" + pair + "' is not percent-encoded correctly");
				}
				// An empty value is no value, as for the endpoint (kind=&q=).
				List<String> list = values.computeIfAbsent(name, (key) -> new ArrayList<>());
				if (!value.isEmpty()) {
					list.add(value);
				}
			}
			Parameters parameters = new Parameters(values);
			values.keySet()
				.stream()
				.filter((name) -> !PARAMETERS.contains(name) && !PAGING.contains(name))
				.forEach((name) -> parameters.errors.add(new FieldError(name, "is not a search parameter")));
			return parameters;
		}

		/**
		 * The search the parameters make; the limits are those of the endpoint's
		 * parameters.
		 */
		SearchRequest request() {
			String q = single("q");
			if (q != null && q.length() > 200) {
				this.errors.add(new FieldError("q", "size must be between 0 and 200"));
			}
			List<ResourceKind> kinds = enums("kind", ResourceKind.class);
			List<City> cities = enums("city", City.class);
			List<String> districts = texts("district", 20, 100);
			List<IndustryChain> chains = enums("industryChain", IndustryChain.class);
			List<String> tags = texts("tag", 20, 30);
			List<InstrumentDetails.Category> categories = enums("category", InstrumentDetails.Category.class);
			List<InstrumentDetails.ServiceMode> serviceModes = enums("serviceMode",
					InstrumentDetails.ServiceMode.class);
			List<TechOfferingDetails.DealMode> dealModes = enums("dealMode", TechOfferingDetails.DealMode.class);
			List<FinancingDetails.FinancingKind> financingKinds = enums("financingKind",
					FinancingDetails.FinancingKind.class);
			List<FinancingDetails.Stage> stages = enums("stage", FinancingDetails.Stage.class);
			List<TechNeedDetails.NeedType> needTypes = enums("needType", TechNeedDetails.NeedType.class);
			Long priceMinFen = amount("priceMinFen");
			Long priceMaxFen = amount("priceMaxFen");
			Long ticketFen = amount("ticketFen");
			SearchRequest.GeoPoint near = near();
			Double radiusKm = radiusKm();
			List<SearchRequest.Sort> sort = enums("sort", SearchRequest.Sort.class);
			if (!this.errors.isEmpty()) {
				return null;
			}
			return new SearchRequest(q, kinds, cities, districts, chains, tags, categories, serviceModes, dealModes,
					financingKinds, stages, needTypes, priceMinFen, priceMaxFen, ticketFen, near, radiusKm,
					(sort != null) ? sort.get(0) : null, ENTRIES_PER_SEARCH, null);
		}

		/** The values of a parameter, or null when it is not given. */
		private List<String> all(String name) {
			List<String> values = this.values.get(name);
			return (values != null && !values.isEmpty()) ? values : null;
		}

		/** The value of a parameter that takes one value. */
		private String single(String name) {
			List<String> values = all(name);
			if (values != null && values.size() > 1) {
				this.errors.add(new FieldError(name, "must be given once"));
			}
			return (values != null) ? values.get(0) : null;
		}

		private <E extends Enum<E>> List<E> enums(String name, Class<E> type) {
			List<String> values = name.equals("sort") ? nullableList(single(name)) : all(name);
			if (values == null) {
				return null;
			}
			List<E> constants = new ArrayList<>();
			for (String value : values) {
				E constant = Arrays.stream(type.getEnumConstants())
					.filter((candidate) -> candidate.name().equals(value))
					.findFirst()
					.orElse(null);
				if (constant == null) {
					this.errors.add(new FieldError(name, "'" + value + "' is not one of "
							+ Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
				}
				constants.add(constant);
			}
			return constants;
		}

		private List<String> texts(String name, int maxCount, int maxLength) {
			List<String> values = all(name);
			if (values == null) {
				return null;
			}
			if (values.size() > maxCount) {
				this.errors.add(new FieldError(name, "size must be between 0 and " + maxCount));
			}
			if (values.stream().anyMatch((value) -> value.length() > maxLength)) {
				this.errors.add(new FieldError(name, "each must be at most " + maxLength + " characters"));
			}
			return values;
		}

		private Long amount(String name) {
			Long amount = number(name, Long::valueOf, "a whole number");
			if (amount != null && amount < 0) {
				this.errors.add(new FieldError(name, "must be greater than or equal to 0"));
			}
			return amount;
		}

		private Double radiusKm() {
			Double radius = number("radiusKm", Double::valueOf, "a number");
			if (radius != null && !(radius >= 0.1)) {
				this.errors.add(new FieldError("radiusKm", "must be greater than or equal to 0.1"));
			}
			if (radius != null && radius > 500) {
				this.errors.add(new FieldError("radiusKm", "must be less than or equal to 500"));
			}
			return radius;
		}

		private <N> N number(String name, Function<String, N> parse, String expected) {
			String value = single(name);
			if (value == null) {
				return null;
			}
			try {
				return parse.apply(value);
			}
			catch (NumberFormatException ex) {
				this.errors.add(new FieldError(name, "'" + value + "' is not " + expected));
				return null;
			}
		}

		private SearchRequest.GeoPoint near() {
			try {
				return SearchRequest.GeoPoint.parse(single("near"));
			}
			catch (InvalidRequestException ex) {
				this.errors.addAll(fieldErrors(ex));
				return null;
			}
		}

		private static List<String> nullableList(String value) {
			return (value != null) ? List.of(value) : null;
		}

	}

}
