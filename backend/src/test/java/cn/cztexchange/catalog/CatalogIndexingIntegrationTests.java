package cn.cztexchange.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.cztexchange.IntegrationTest;
import cn.cztexchange.identity.MembershipRole;
import cn.cztexchange.identity.Role;
import cn.cztexchange.identity.TestAccounts;
import cn.cztexchange.identity.TestAccounts.Account;
import cn.cztexchange.search.IndexedEntriesListener.IndexedEntry;
import cn.cztexchange.search.RecordingIndexedEntriesListener;
import cn.cztexchange.search.SearchIndexProbe;
import cn.cztexchange.text.AnalysedText;
import cn.cztexchange.text.TextAnalysis;
import co.elastic.clients.elasticsearch.ElasticsearchClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexer: publishing goes on while Elasticsearch refuses writes (its index closed);
 * the outbox keeps every change, and once Elasticsearch takes writes again each entry is
 * searchable exactly once. It copies the text analysed at publication.
 */
@IntegrationTest
class CatalogIndexingIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	TestAccounts accounts;

	@Autowired
	SearchIndexProbe search;

	@Autowired
	ElasticsearchClient elasticsearch;

	@Autowired
	DatabaseClient database;

	@Autowired
	RecordingIndexedEntriesListener listener;

	@Test
	void writesDuringAnOutageBecomeSearchableWhenElasticsearchIsBack() throws Exception {
		UUID organisation = this.accounts.organisation(true);
		Account manager = this.accounts.user(Role.PUBLISHER);
		this.accounts.join(organisation, manager, MembershipRole.MANAGER);
		Account admin = this.accounts.user(Role.ADMIN);
		UUID first = publish(manager, admin, organisation, "停机前发布的仪器");
		this.search.awaitIndexed(first, "停机前发布的仪器");
		String index = this.elasticsearch.indices()
			.getAlias((a) -> a.name("catalog"))
			.result()
			.keySet()
			.iterator()
			.next();

		this.elasticsearch.indices().close((c) -> c.index(index));
		List<UUID> duringOutage = new ArrayList<>();
		try {
			for (int i = 0; i < 3; i++) {
				duringOutage.add(publish(manager, admin, organisation, "停机期间发布的仪器 " + i));
			}
			Thread.sleep(3000);
			assertThat(waitingInOutbox(duringOutage)).isEqualTo(3);
		}
		finally {
			this.elasticsearch.indices().open((o) -> o.index(index));
		}
		for (int i = 0; i < 3; i++) {
			this.search.awaitIndexed(duringOutage.get(i), "停机期间发布的仪器 " + i);
		}
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> waitingInOutbox(duringOutage) == 0);
		this.elasticsearch.indices().refresh((r) -> r.index("catalog"));
		long hits = this.elasticsearch
			.count((c) -> c.index("catalog")
				.query((q) -> q.ids((ids) -> ids.values(duringOutage.stream().map(UUID::toString).toList()))))
			.count();
		assertThat(hits).isEqualTo(3);
	}

	@Test
	void theIndexerCopiesTheTextAnalysedAtPublicationUnlessAnOlderAnalysisMadeIt() {
		UUID organisation = this.accounts.organisation(true);
		Account manager = this.accounts.user(Role.PUBLISHER);
		this.accounts.join(organisation, manager, MembershipRole.MANAGER);
		Account admin = this.accounts.user(Role.ADMIN);
		String title = "高分辨率质谱仪";
		UUID id = publish(manager, admin, organisation, title);
		String words = String.join(" ", TextAnalysis.chineseTokens(title));
		assertThat(this.database
			.sql("select published_text ->> 'titleZhWords' || '/' || (published_text ->> 'version') "
					+ "from catalog_entries where id = :id")
			.bind("id", id)
			.map((row) -> row.get(0, String.class))
			.one()
			.block()).isEqualTo(words + "/" + AnalysedText.VERSION);
		awaitIndexedField(id, "titleZhWords", words);

		// Made by the current analysis: copied as stored, not analysed again.
		storeTitleWordsAndReindex(id, "存储的 分词", AnalysedText.VERSION);
		awaitIndexedField(id, "titleZhWords", "存储的 分词");

		// Made by an older analysis: analysed again.
		storeTitleWordsAndReindex(id, "旧的 分词", AnalysedText.VERSION - 1);
		awaitIndexedField(id, "titleZhWords", words);
	}

	@Test
	void listenersHearOfEachEntryTheIndexerPublishesOrRemoves() {
		UUID organisation = this.accounts.organisation(true);
		Account manager = this.accounts.user(Role.PUBLISHER);
		this.accounts.join(organisation, manager, MembershipRole.MANAGER);
		Account admin = this.accounts.user(Role.ADMIN);
		UUID id = publish(manager, admin, organisation, "监听者应听到的仪器");
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> this.listener.told().contains(new IndexedEntry(id, ResourceKind.INSTRUMENT, true)));

		this.client.post()
			.uri("/api/v1/catalog/entries/{id}/archive", id)
			.headers((headers) -> headers.setBearerAuth(manager.token()))
			.exchange()
			.expectStatus()
			.isOk();
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> this.listener.told().contains(new IndexedEntry(id, null, false)));
	}

	private void storeTitleWordsAndReindex(UUID id, String words, int version) {
		this.database
			.sql("update catalog_entries set published_text = published_text || jsonb_build_object('titleZhWords', "
					+ "cast(:words as text), 'version', cast(:version as int)) where id = :id")
			.bind("words", words)
			.bind("version", version)
			.bind("id", id)
			.then()
			.then(this.database
				.sql("insert into outbox (topic, key, payload, created_at) values (:topic, :key, "
						+ "cast('{\"event\": \"PUBLISHED\"}' as jsonb), now())")
				.bind("topic", CatalogReader.OUTBOX_TOPIC)
				.bind("key", id.toString())
				.then())
			.block();
	}

	private void awaitIndexedField(UUID id, String field, String value) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> this.search.indexedField(id, field).filter(value::equals).isPresent());
	}

	private long waitingInOutbox(List<UUID> ids) {
		return this.database.sql("select count(*) from outbox where key = any(:keys)")
			.bind("keys", ids.stream().map(UUID::toString).toArray(String[]::new))
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

	private UUID publish(Account publisher, Account admin, UUID organisation, String title) {
		return CatalogTestEntries.publish(this.client, publisher, admin,
				CatalogTestEntries.instrument(organisation, title));
	}

}
