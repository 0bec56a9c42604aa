package cn.cztexchange.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.DistanceUnit;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.NumberRangeQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.ObjectBuilder;

import cn.cztexchange.platform.InvalidRequestException;

/**
 * The catalogue search: one query box over every kind (see {@link TextQuery}), the
 * filters, the facet counts, highlighting and stable deep pagination with
 * {@code search_after}.
 */
@Component
class CatalogSearch {

	/** The fields of an entry's document that a result shows. */
	static final List<String> RESULT_FIELDS = List.of("id", "kind", "titleZh", "titleEn", "summaryZh", "city",
			"district", "organisation", "priceFen", "location", "coverImageId");

	/** Facet name → indexed field. */
	static final Map<String, String> FACETS = facets();

	private static final TypeReference<List<Object>> CURSOR = new TypeReference<>() {
	};

	private final ElasticsearchAsyncClient client;

	private final JsonMapper json;

	CatalogSearch(ElasticsearchAsyncClient client, JsonMapper json) {
		this.client = client;
		this.json = json;
	}

	@SuppressWarnings("rawtypes")
	Mono<SearchResponse> search(SearchRequest request) {
		SearchRequest.Sort sort = effectiveSort(request);
		co.elastic.clients.elasticsearch.core.SearchRequest search = elasticsearchRequest(request);
		return Mono.fromFuture(() -> this.client.search(search, Map.class)).map((response) -> {
			List<SearchResponse.Item> items = response.hits().hits().stream().map((hit) -> item(hit, sort)).toList();
			Map<String, List<SearchResponse.FacetValue>> facets = new LinkedHashMap<>();
			FACETS.keySet()
				.forEach((name) -> facets.put(name, response.aggregations()
					.get(name)
					.filter()
					.aggregations()
					.get("values")
					.sterms()
					.buckets()
					.array()
					.stream()
					.map((bucket) -> new SearchResponse.FacetValue(bucket.key().stringValue(), bucket.docCount()))
					.toList()));
			List<Hit<Map>> hits = response.hits().hits();
			String next = (hits.size() == request.size()) ? cursor(hits.get(hits.size() - 1).sort()) : null;
			long total = (response.hits().total() != null) ? response.hits().total().value() : hits.size();
			return new SearchResponse(total, items, facets, next);
		});
	}

	/**
	 * The Elasticsearch request a search becomes. The benchmark (infra/bench) sends the
	 * very same request straight to Elasticsearch to measure what the API adds.
	 */
	co.elastic.clients.elasticsearch.core.SearchRequest elasticsearchRequest(SearchRequest request) {
		return elasticsearchRequest(request, CatalogIndex.ALIAS);
	}

	/**
	 * The same, over another index with the catalogue's mapping (the relevance suite).
	 */
	co.elastic.clients.elasticsearch.core.SearchRequest elasticsearchRequest(SearchRequest request, String index) {
		SearchRequest.Sort sort = effectiveSort(request);
		Map<String, Query> facetFilters = facetFilters(request);
		TextQuery text = TextQuery.parse(request.q());
		return co.elastic.clients.elasticsearch.core.SearchRequest.of((s) -> {
			s.index(index)
				.size(request.size())
				// Only what a result shows: less for Elasticsearch to read and for us to
				// parse.
				.source((src) -> src.filter((f) -> f.includes(RESULT_FIELDS)))
				.trackTotalHits((t) -> t.enabled(true))
				.query((q) -> q.bool((b) -> filters(
						b.must((text != null) ? text.query() : Query.of((all) -> all.matchAll((m) -> m))), request)))
				.postFilter(allOf(facetFilters.values()))
				.sort(sortOptions(sort, request))
				.highlight((h) -> {
					if (text != null) {
						h.highlightQuery(text.highlight());
					}
					return h.preTags("<em>")
						.postTags("</em>")
						.fields("titleZh", (f) -> f.numberOfFragments(0))
						.fields("titleEn", (f) -> f.numberOfFragments(0))
						.fields("summaryZh", (f) -> f.fragmentSize(120).numberOfFragments(2))
						.fields("summaryEn", (f) -> f.fragmentSize(160).numberOfFragments(2));
				});
			// A facet counts with every filter but its own, so that choosing 长沙 still
			// shows how many there are in 株洲 and 湘潭.
			FACETS.forEach((name, field) -> s.aggregations(name,
					(a) -> a
						.filter(allOf(facetFilters.entrySet()
							.stream()
							.filter((filter) -> !filter.getKey().equals(name))
							.map(Map.Entry::getValue)
							.toList()))
						.aggregations("values", (values) -> values.terms((t) -> t.field(field).size(30)))));
			if (request.after() != null) {
				s.searchAfter(request.after().stream().map(CatalogSearch::fieldValue).toList());
			}
			return s;
		});
	}

	/**
	 * What an entry must match to be among a search's hits, as one unscored query: the
	 * words (if any), every filter and every facet filter. Saved searches are matched
	 * against new entries with it ({@link SavedQueries}), so that an alert finds exactly
	 * what the search would.
	 */
	static Query hitsQuery(SearchRequest request) {
		TextQuery text = TextQuery.parse(request.q());
		return Query.of((q) -> q.bool((b) -> {
			if (text != null) {
				b.filter(text.query());
			}
			return filters(b, request).filter(List.copyOf(facetFilters(request).values()));
		}));
	}

	/**
	 * Reads a cursor from a previous page; a 400 naming {@code after} if it is not one.
	 */
	List<Object> parseCursor(String cursor) {
		try {
			List<Object> values = this.json.readValue(Base64.getUrlDecoder().decode(cursor), CURSOR);
			if (values.isEmpty()) {
				throw new IllegalArgumentException("empty");
			}
			return values;
		}
		catch (RuntimeException ex) {
			throw new InvalidRequestException("after", "is not a cursor from a previous page");
		}
	}

	private String cursor(List<FieldValue> sortValues) {
		List<Object> values = new ArrayList<>();
		sortValues.forEach((value) -> values.add(value._get()));
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(this.json.writeValueAsString(values).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The filters that have a facet, by facet name. They apply to the hits after the
	 * aggregations ({@code post_filter}), and to each facet but their own.
	 */
	private static Map<String, Query> facetFilters(SearchRequest r) {
		Map<String, Query> filters = new LinkedHashMap<>();
		terms(filters, "kind", r.kinds());
		terms(filters, "city", r.cities());
		terms(filters, "district", r.districts());
		terms(filters, "industryChain", r.industryChains());
		terms(filters, "category", r.categories());
		terms(filters, "serviceMode", r.serviceModes());
		terms(filters, "dealMode", r.dealModes());
		terms(filters, "financingKind", r.financingKinds());
		terms(filters, "stage", r.stages());
		terms(filters, "needType", r.needTypes());
		return filters;
	}

	private static void terms(Map<String, Query> filters, String facet, List<?> values) {
		if (values != null && !values.isEmpty()) {
			filters.put(facet, terms(FACETS.get(facet), values));
		}
	}

	private static Query terms(String field, List<?> values) {
		List<FieldValue> fieldValues = values.stream().map((v) -> FieldValue.of(v.toString())).toList();
		return Query.of((f) -> f.terms((t) -> t.field(field).terms((v) -> v.value(fieldValues))));
	}

	private static Query allOf(Collection<Query> filters) {
		return Query.of((q) -> q.bool((b) -> b.filter(List.copyOf(filters))));
	}

	/** The filters without a facet: they narrow the hits and every facet alike. */
	private static BoolQuery.Builder filters(BoolQuery.Builder bool, SearchRequest r) {
		if (r.tags() != null && !r.tags().isEmpty()) {
			bool.filter(terms("tags", r.tags().stream().map((t) -> t.toLowerCase(Locale.ROOT)).toList()));
		}
		if (r.priceMinFen() != null || r.priceMaxFen() != null) {
			bool.filter((f) -> f.range((range) -> range.number((n) -> {
				n.field("priceFen");
				if (r.priceMinFen() != null) {
					n.gte(r.priceMinFen().doubleValue());
				}
				if (r.priceMaxFen() != null) {
					n.lte(r.priceMaxFen().doubleValue());
				}
				return n;
			})));
		}
		if (r.ticketFen() != null) {
			double ticket = r.ticketFen().doubleValue();
			bool.filter((f) -> f.exists((e) -> e.field("financingKind")));
			bool.filter(unboundedOr("ticketMinFen", (n) -> n.field("ticketMinFen").lte(ticket)));
			bool.filter(unboundedOr("ticketMaxFen", (n) -> n.field("ticketMaxFen").gte(ticket)));
		}
		if (r.near() != null && r.radiusKm() != null) {
			bool.filter((f) -> f.geoDistance((g) -> g.field("location")
				.distance(r.radiusKm() + "km")
				.location((l) -> l.latlon((ll) -> ll.lat(r.near().lat()).lon(r.near().lon())))));
		}
		return bool;
	}

	/** The range, or the bound not given at all (an open-ended ticket range). */
	private static Query unboundedOr(String field,
			Function<NumberRangeQuery.Builder, ObjectBuilder<NumberRangeQuery>> range) {
		return Query.of((q) -> q.bool((b) -> b.should((s) -> s.range((r) -> r.number(range)))
			.should((s) -> s.bool((none) -> none.mustNot((m) -> m.exists((e) -> e.field(field)))))
			.minimumShouldMatch("1")));
	}

	private static List<SortOptions> sortOptions(SearchRequest.Sort sort, SearchRequest r) {
		List<SortOptions> options = new ArrayList<>();
		switch (sort) {
			case RELEVANCE -> options.add(SortOptions.of((o) -> o.score((s) -> s.order(SortOrder.Desc))));
			case NEWEST ->
				options.add(SortOptions.of((o) -> o.field((f) -> f.field("publishedAt").order(SortOrder.Desc))));
			case PRICE -> options
				.add(SortOptions.of((o) -> o.field((f) -> f.field("priceFen").order(SortOrder.Asc).missing("_last"))));
			case DISTANCE -> options.add(SortOptions.of((o) -> o.geoDistance((g) -> g.field("location")
				.location((l) -> l.latlon((ll) -> ll.lat(r.near().lat()).lon(r.near().lon())))
				.order(SortOrder.Asc)
				.unit(DistanceUnit.Kilometers))));
		}
		// The entry id breaks ties, so that pages never overlap or skip.
		options.add(SortOptions.of((o) -> o.field((f) -> f.field("id").order(SortOrder.Asc))));
		return options;
	}

	private static SearchRequest.Sort effectiveSort(SearchRequest request) {
		if (request.sort() != null) {
			return request.sort();
		}
		return (request.q() == null || request.q().isBlank()) ? SearchRequest.Sort.NEWEST
				: SearchRequest.Sort.RELEVANCE;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static SearchResponse.Item item(Hit<Map> hit, SearchRequest.Sort sort) {
		Map<String, Object> source = hit.source();
		Double distance = (sort == SearchRequest.Sort.DISTANCE && !hit.sort().isEmpty() && hit.sort().get(0).isDouble())
				? hit.sort().get(0).doubleValue() : null;
		Object price = source.get("priceFen");
		return new SearchResponse.Item((String) source.get("id"), (String) source.get("kind"),
				(String) source.get("titleZh"), (String) source.get("titleEn"), (String) source.get("summaryZh"),
				(String) source.get("city"), (String) source.get("district"), source.get("organisation"),
				(price instanceof Number number) ? number.longValue() : null, hit.highlight(), distance,
				source.get("location"),
				(source.get("coverImageId") != null) ? "/api/v1/images/" + source.get("coverImageId") : null);
	}

	private static FieldValue fieldValue(Object value) {
		if (value instanceof Integer || value instanceof Long) {
			return FieldValue.of(((Number) value).longValue());
		}
		if (value instanceof Number number) {
			return FieldValue.of(number.doubleValue());
		}
		if (value instanceof Boolean bool) {
			return FieldValue.of(bool);
		}
		return FieldValue.of(String.valueOf(value));
	}

	private static Map<String, String> facets() {
		Map<String, String> facets = new LinkedHashMap<>();
		facets.put("kind", "kind");
		facets.put("city", "city");
		facets.put("district", "district");
		facets.put("industryChain", "industryChains");
		facets.put("category", "category");
		facets.put("serviceMode", "serviceModes");
		facets.put("dealMode", "dealModes");
		facets.put("financingKind", "financingKind");
		facets.put("stage", "stages");
		facets.put("needType", "techNeed.needType");
		return facets;
	}

}
