package cn.cztexchange.search;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.cztexchange.IntegrationTest;
import cn.cztexchange.identity.Role;
import cn.cztexchange.identity.TestAccounts;
import cn.cztexchange.identity.TestAccounts.Account;
import co.elastic.clients.elasticsearch.ElasticsearchClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rebuild lock shared by all replicas, taking over from a replica that died, and the
 * rebuild a new mapping triggers at start.
 */
@IntegrationTest
class CatalogReindexIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	TestAccounts accounts;

	@Autowired
	ReindexRuns runs;

	@Autowired
	DatabaseClient database;

	@Autowired
	ElasticsearchClient elasticsearch;

	@Autowired
	IndexMappingCheck mappingCheck;

	@Autowired
	CatalogIndex index;

	@AfterEach
	void awaitNoRebuildRunning() {
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> this.database.sql("select count(*) as n from search_reindex where state = 'RUNNING'")
				.map((row) -> row.get("n", Long.class))
				.one()
				.block() == 0);
	}

	@Test
	void aRebuildRunningOnAnotherReplicaRefusesASecondOne() {
		Account admin = this.accounts.user(Role.ADMIN);
		// As another replica would have recorded it.
		ReindexRuns.Progress elsewhere = this.runs.begin(ReindexRuns.Reason.ADMIN).block();
		try {
			this.client.post()
				.uri("/api/v1/admin/search/reindex")
				.headers((h) -> h.setBearerAuth(admin.token()))
				.exchange()
				.expectStatus()
				.isEqualTo(409)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.detail")
				.isEqualTo("A reindex is already running.");
			// Its progress shows here too.
			this.client.get()
				.uri("/api/v1/admin/search/status")
				.headers((h) -> h.setBearerAuth(admin.token()))
				.exchange()
				.expectBody()
				.jsonPath("$.reindex.id")
				.isEqualTo(elsewhere.id().toString())
				.jsonPath("$.reindex.state")
				.isEqualTo("RUNNING");
		}
		finally {
			this.runs.finish(elsewhere.id(), null).block();
		}
		this.client.post()
			.uri("/api/v1/admin/search/reindex")
			.headers((h) -> h.setBearerAuth(admin.token()))
			.exchange()
			.expectStatus()
			.isAccepted();
	}

	@Test
	void aRebuildWhoseReplicaStoppedBeatingIsTakenOver() {
		Account admin = this.accounts.user(Role.ADMIN);
		UUID dead = UUID.randomUUID();
		Instant longAgo = Instant.now().minus(Duration.ofMinutes(10));
		this.database
			.sql("insert into search_reindex (id, state, reason, started_at, heartbeat_at) "
					+ "values (:id, 'RUNNING', 'ADMIN', :at, :at)")
			.bind("id", dead)
			.bind("at", longAgo)
			.then()
			.block();
		this.client.post()
			.uri("/api/v1/admin/search/reindex")
			.headers((h) -> h.setBearerAuth(admin.token()))
			.exchange()
			.expectStatus()
			.isAccepted();
		Map<String, Object> abandoned = this.database.sql("select state, error from search_reindex where id = :id")
			.bind("id", dead)
			.fetch()
			.one()
			.block();
		assertThat(abandoned).containsEntry("state", "FAILED");
		assertThat((String) abandoned.get("error")).contains("abandoned");
	}

	@Test
	void anIndexWithAnOlderMappingIsRebuiltAtStart() throws Exception {
		// Point the alias at an index as an older release left it: no mapping version.
		this.index.ensureExists().block();
		Set<String> current = aliased();
		String old = "catalog-v" + (900 + (int) (Math.random() * 99));
		this.elasticsearch.indices().create((c) -> c.index(old));
		this.elasticsearch.indices()
			.updateAliases((u) -> u.actions((a) -> a.add((add) -> add.index(old).alias("catalog").isWriteIndex(true)))
				.actions((a) -> a.remove((r) -> r.indices(current.stream().toList()).alias("catalog"))));
		assertThat(this.index.aliasedMappingVersion().block()).isZero();

		this.mappingCheck.run(null);

		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> this.index.aliasedMappingVersion().block() == this.index.mappingVersion());
		assertThat(aliased()).doesNotContain(old);
		assertThat(this.runs.latest().block().reason()).isEqualTo(ReindexRuns.Reason.MAPPING_CHANGED);
	}

	private Set<String> aliased() throws Exception {
		return this.elasticsearch.indices().getAlias((a) -> a.name("catalog")).result().keySet();
	}

}
