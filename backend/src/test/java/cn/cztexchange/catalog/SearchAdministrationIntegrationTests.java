package cn.cztexchange.catalog;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.cztexchange.IntegrationTest;
import cn.cztexchange.identity.MembershipRole;
import cn.cztexchange.identity.Role;
import cn.cztexchange.identity.TestAccounts;
import cn.cztexchange.identity.TestAccounts.Account;
import cn.cztexchange.search.SearchIndexProbe;
import co.elastic.clients.elasticsearch.ElasticsearchClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operators see the outbox lag and index health, and rebuild the index with no downtime.
 */
@IntegrationTest
class SearchAdministrationIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	TestAccounts accounts;

	@Autowired
	SearchIndexProbe search;

	@Autowired
	ElasticsearchClient elasticsearch;

	@Test
	void aRebuildSwapsTheAliasToANewIndexAndKeepsEveryEntry() throws Exception {
		UUID organisation = this.accounts.organisation(true);
		Account manager = this.accounts.user(Role.PUBLISHER);
		this.accounts.join(organisation, manager, MembershipRole.MANAGER);
		Account admin = this.accounts.user(Role.ADMIN);
		UUID entry = publish(manager, admin, organisation, "重建索引前的仪器");
		this.search.awaitIndexed(entry, "重建索引前的仪器");
		Set<String> before = aliased();

		this.client.post()
			.uri("/api/v1/admin/search/reindex")
			.headers((h) -> h.setBearerAuth(admin.token()))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("RUNNING");
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> "DONE".equals(reindexState(admin)));

		Set<String> after = aliased();
		assertThat(after).hasSize(1).doesNotContainAnyElementsOf(before);
		assertThat(this.elasticsearch.indices().exists((e) -> e.index(before.iterator().next())).value()).isFalse();
		assertThat(this.search.indexedTitle(entry)).contains("重建索引前的仪器");
		this.client.get()
			.uri("/api/v1/admin/search/status")
			.headers((h) -> h.setBearerAuth(admin.token()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.clusterHealth")
			.value((String health) -> assertThat(health).isIn("green", "yellow"))
			.jsonPath("$.documents")
			.value((Integer documents) -> assertThat(documents).isPositive())
			.jsonPath("$.outbox.pending")
			.exists();
	}

	@Test
	void onlyAdminsRebuild() {
		Account publisher = this.accounts.user(Role.PUBLISHER);
		this.client.post()
			.uri("/api/v1/admin/search/reindex")
			.headers((h) -> h.setBearerAuth(publisher.token()))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.post().uri("/api/v1/admin/search/reindex").exchange().expectStatus().isUnauthorized();
	}

	@SuppressWarnings("unchecked")
	private String reindexState(Account admin) {
		Map<String, Object> status = this.client.get()
			.uri("/api/v1/admin/search/status")
			.headers((h) -> h.setBearerAuth(admin.token()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<String, Object> reindex = (Map<String, Object>) status.get("reindex");
		return (reindex != null) ? (String) reindex.get("state") : null;
	}

	private Set<String> aliased() throws Exception {
		return this.elasticsearch.indices().getAlias((a) -> a.name("catalog")).result().keySet();
	}

	private UUID publish(Account publisher, Account admin, UUID organisation, String title) {
		return CatalogTestEntries.publish(this.client, publisher, admin,
				CatalogTestEntries.instrument(organisation, title));
	}

}
