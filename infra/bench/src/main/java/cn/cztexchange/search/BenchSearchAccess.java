package cn.cztexchange.search;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.context.ApplicationContext;

import cn.cztexchange.catalog.CatalogReader.PublishedEntry;
import cn.cztexchange.catalog.FinancingDetails;
import cn.cztexchange.catalog.IndustryChain;
import cn.cztexchange.catalog.InstrumentDetails;
import cn.cztexchange.catalog.ResourceKind;
import cn.cztexchange.catalog.TechNeedDetails;
import cn.cztexchange.catalog.TechOfferingDetails;
import cn.cztexchange.identity.City;
import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.json.JsonpUtils;

/**
 * What the benchmark needs of the search feature's package-private parts: the document an
 * entry becomes, the index definition, pausing the indexer, and the exact Elasticsearch
 * request that a search through the API sends. Lives in the search package only for that
 * access; it changes nothing.
 */
public final class BenchSearchAccess {

	/** The alias that the API searches and the indexer writes. */
	public static final String ALIAS = CatalogIndex.ALIAS;

	private final ApplicationContext context;

	public BenchSearchAccess(ApplicationContext context) {
		this.context = context;
	}

	/** The document the indexer writes for this entry. */
	public static Map<String, Object> document(PublishedEntry entry) {
		return CatalogIndex.document(entry);
	}

	/** The indexer's batch size ({@code app.search.batch-size}). */
	public int indexerBatchSize() {
		return this.context.getBean(SearchProperties.class).batchSize();
	}

	/** Stops the outbox indexer; the outbox keeps what arrives meanwhile. */
	public void pauseIndexer() {
		this.context.getBean(CatalogIndexer.class).stop();
	}

	/** Starts the outbox indexer again; it drains what the outbox holds at once. */
	public void resumeIndexer() {
		this.context.getBean(CatalogIndexer.class).start();
	}

	/** Creates an empty index with the catalogue's mapping and settings, no alias. */
	public void createIndexLikeCatalog(String name) {
		this.context.getBean(CatalogIndex.class).create(name).block();
	}

	/**
	 * The body of the Elasticsearch request that {@code GET /api/v1/search} with these
	 * query parameters sends, serialised by the client's own mapper (the index is not
	 * part of the body: it is the alias, {@link #ALIAS}).
	 * @param parameters the query parameters, as the controller binds them
	 * @return the JSON body
	 */
	public String elasticsearchBody(Map<String, List<String>> parameters) {
		CatalogSearch search = this.context.getBean(CatalogSearch.class);
		ElasticsearchAsyncClient client = this.context.getBean(ElasticsearchAsyncClient.class);
		co.elastic.clients.elasticsearch.core.SearchRequest request = search
			.elasticsearchRequest(searchRequest(parameters, search));
		return JsonpUtils.toJsonString(request, client._jsonpMapper());
	}

	/** What SearchController makes of these parameters (all of them valid). */
	private static SearchRequest searchRequest(Map<String, List<String>> parameters, CatalogSearch search) {
		String near = single(parameters, "near");
		SearchRequest.GeoPoint point = null;
		if (near != null) {
			String[] parts = near.split(",");
			point = new SearchRequest.GeoPoint(Double.parseDouble(parts[0].strip()),
					Double.parseDouble(parts[1].strip()));
		}
		String radius = single(parameters, "radiusKm");
		String sort = single(parameters, "sort");
		String size = single(parameters, "size");
		String after = single(parameters, "after");
		return new SearchRequest(single(parameters, "q"), list(parameters, "kind", ResourceKind::valueOf),
				list(parameters, "city", City::valueOf), list(parameters, "district", Function.identity()),
				list(parameters, "industryChain", IndustryChain::valueOf), list(parameters, "tag", Function.identity()),
				list(parameters, "category", InstrumentDetails.Category::valueOf),
				list(parameters, "serviceMode", InstrumentDetails.ServiceMode::valueOf),
				list(parameters, "dealMode", TechOfferingDetails.DealMode::valueOf),
				list(parameters, "financingKind", FinancingDetails.FinancingKind::valueOf),
				list(parameters, "stage", FinancingDetails.Stage::valueOf),
				list(parameters, "needType", TechNeedDetails.NeedType::valueOf), number(parameters, "priceMinFen"),
				number(parameters, "priceMaxFen"), number(parameters, "ticketFen"), point,
				(radius != null) ? Double.valueOf(radius) : null,
				(sort != null) ? SearchRequest.Sort.valueOf(sort) : null, (size != null) ? Integer.parseInt(size) : 20,
				(after != null) ? search.parseCursor(after) : null);
	}

	private static String single(Map<String, List<String>> parameters, String name) {
		List<String> values = parameters.get(name);
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	private static Long number(Map<String, List<String>> parameters, String name) {
		String value = single(parameters, name);
		return (value != null) ? Long.valueOf(value) : null;
	}

	private static <T> List<T> list(Map<String, List<String>> parameters, String name, Function<String, T> parse) {
		List<String> values = parameters.get(name);
		return (values != null) ? values.stream().map(parse).toList() : null;
	}

}
