package cn.cztexchange.search;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.cztexchange.catalog.CatalogReader.PublishedEntry;
import cn.cztexchange.catalog.DemoCatalogEntries;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;

/**
 * For tests of other features (the matching relevance suite): the demo catalogue in an
 * index of its own, with the catalogue's mapping and documents, apart from the shared
 * {@code catalog} index that other tests write to.
 */
@Component
public class DemoCatalogIndex {

	private final ElasticsearchClient client;

	private final CatalogIndex catalogIndex;

	DemoCatalogIndex(ElasticsearchClient client, CatalogIndex catalogIndex) {
		this.client = client;
		this.catalogIndex = catalogIndex;
	}

	/** Creates the index with every demo entry, searchable at once; answers its name. */
	public String create(List<PublishedEntry> corpus) throws IOException {
		String index = "demo-catalogue-" + UUID.randomUUID();
		this.catalogIndex.create(index).block();
		BulkRequest.Builder bulk = new BulkRequest.Builder().index(index).refresh(Refresh.True);
		corpus.forEach((entry) -> bulk
			.operations((op) -> op.index((i) -> i.id(entry.id().toString()).document(CatalogIndex.document(entry)))));
		if (this.client.bulk(bulk.build()).errors()) {
			throw new IllegalStateException("Elasticsearch refused demo entries");
		}
		return index;
	}

	/** The demo catalogue the local run loads. */
	public static List<PublishedEntry> corpus() {
		return DemoCatalogEntries.defaultCatalogue().toList();
	}

	public void delete(String index) throws IOException {
		this.client.indices().delete((d) -> d.index(index));
	}

}
