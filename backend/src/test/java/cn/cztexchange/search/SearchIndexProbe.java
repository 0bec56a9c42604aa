package cn.cztexchange.search;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.springframework.stereotype.Component;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;

/**
 * For tests: looks into the catalogue index (a realtime get by id, no refresh needed) and
 * waits for the indexer to bring it in step.
 */
@Component
public class SearchIndexProbe {

	private final ElasticsearchClient client;

	SearchIndexProbe(ElasticsearchClient client) {
		this.client = client;
	}

	/**
	 * The indexed document's Chinese title, or empty when the entry is not in the index.
	 */
	public Optional<String> indexedTitle(UUID id) {
		return indexedField(id, "titleZh");
	}

	/**
	 * A text field of the indexed document, or empty when the entry is not in the index.
	 */
	@SuppressWarnings("rawtypes")
	public Optional<String> indexedField(UUID id, String field) {
		try {
			if (!this.client.indices().existsAlias((a) -> a.name(CatalogIndex.ALIAS)).value()) {
				return Optional.empty();
			}
			GetResponse<Map> response = this.client.get((g) -> g.index(CatalogIndex.ALIAS).id(id.toString()),
					Map.class);
			return response.found() ? Optional.ofNullable((String) response.source().get(field)) : Optional.empty();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The version Elasticsearch holds for the entry's document: the entry's own version,
	 * as the indexer indexes with external versions.
	 */
	public long indexedVersion(UUID id) {
		try {
			return this.client.get((g) -> g.index(CatalogIndex.ALIAS).id(id.toString()), Map.class).version();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public void awaitIndexed(UUID id, String titleZh) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> indexedTitle(id).filter(titleZh::equals).isPresent());
	}

	public void awaitRemoved(UUID id) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> indexedTitle(id).isEmpty());
	}

}
