package cn.cztexchange.matching;

import java.util.UUID;

import org.springframework.context.ApplicationContext;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;

/**
 * What the benchmark needs of the matching engine's package-private parts: the exact
 * Elasticsearch request that a firm's match list through the API sends, built by the
 * engine itself from the firm's stored profile. Lives in the matching package only for
 * that access; it changes nothing.
 */
public final class BenchMatchingAccess {

	/** The index (alias) both match lists of a firm search. */
	public static final String INDEX = MatchingEngine.CATALOG;

	private final ApplicationContext context;

	public BenchMatchingAccess(ApplicationContext context) {
		this.context = context;
	}

	/**
	 * The body of the request that {@code GET /api/v1/matching/firms/{orgId}/financing}
	 * without filters sends for this firm, serialised by the client's own mapper (the
	 * index is not part of the body: it is {@link #INDEX}, with
	 * {@code ignore_unavailable=true}).
	 * @param firm the firm's organisation id; it must have a profile
	 * @return the JSON body
	 */
	public String financingBody(UUID firm) {
		FirmProfile profile = profile(firm);
		return json(
				engine().financingRequest(profile, MatchingEngine.firmSide(profile, true), MatchFilters.NONE, INDEX));
	}

	/**
	 * The body of the request that {@code GET /api/v1/matching/firms/{orgId}/offerings}
	 * without filters sends for this firm (see {@link #financingBody}).
	 * @param firm the firm's organisation id; it must have a profile
	 * @return the JSON body
	 */
	public String offeringsBody(UUID firm) {
		return json(engine().offeringsRequest(profile(firm), MatchFilters.NONE, INDEX));
	}

	private FirmProfile profile(UUID firm) {
		StoredProfile stored = this.context.getBean(FirmProfileRepository.class).find(firm).block();
		if (stored == null) {
			throw new IllegalStateException("The firm " + firm + " has no profile");
		}
		return stored.profile();
	}

	private MatchingEngine engine() {
		return this.context.getBean(MatchingEngine.class);
	}

	private String json(SearchRequest request) {
		return JsonpUtils.toJsonString(request, this.context.getBean(ElasticsearchAsyncClient.class)._jsonpMapper());
	}

}
