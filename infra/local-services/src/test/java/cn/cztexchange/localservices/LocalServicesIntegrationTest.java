package cn.cztexchange.localservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Both servers for real: start in parallel, answer, keep their data across a stop and a
 * start on the same data directory. Elasticsearch starts twice here, the minimum for the
 * reuse check.
 */
class LocalServicesIntegrationTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void startsBothServersSharesThemAndKeepsTheirDataAcrossRestarts() throws Exception {
		LocalServicesSettings settings = LocalServicesSettings.forTests(TestDirectories.named("integration"));
		String marker = UUID.randomUUID().toString();
		int postgresPort;
		int elasticsearchPort;

		LocalServices services = LocalServices.acquire(settings);
		try {
			// A second user of the same data directory shares the running servers.
			LocalServices shared = LocalServices.acquirePostgres(settings);
			assertThat(shared).isSameAs(services);
			shared.release();
			assertThat(services.isRunning(LocalService.POSTGRES)).isTrue();

			PostgresEndpoint postgres = services.postgres();
			postgresPort = postgres.port();
			assertThat(postgres.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + postgresPort + "/czt");
			assertThat(postgres.r2dbcUrl()).isEqualTo("r2dbc:postgresql://127.0.0.1:" + postgresPort + "/czt");
			try (Connection connection = connect(postgres); Statement sql = connection.createStatement()) {
				assertThat(single(sql, "select 1")).isEqualTo("1");
				assertThat(single(sql, "select current_database()")).isEqualTo("czt");
				assertThat(single(sql, "show server_version")).startsWith("17.");
				assertThat(single(sql, "show fsync")).isEqualTo("off");
				sql.execute("CREATE EXTENSION IF NOT EXISTS btree_gist");
				sql.execute("CREATE TABLE IF NOT EXISTS survivor (marker text PRIMARY KEY)");
				sql.execute("INSERT INTO survivor VALUES ('" + marker + "')");
			}

			ElasticsearchEndpoint elasticsearch = services.elasticsearch();
			elasticsearchPort = elasticsearch.port();
			HttpResponse<String> health = get(elasticsearch.httpUri().resolve("/_cluster/health"));
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(health.headers().firstValue("X-Elastic-Product")).hasValue("Elasticsearch");
			assertThat(health.body()).contains("\"cluster_name\":\"czt-local\"");
			HttpResponse<String> indexed = send(HttpRequest
				.newBuilder(elasticsearch.httpUri().resolve("/survivor/_doc/" + marker + "?refresh=true"))
				.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString("{\"marker\":\"" + marker + "\"}")));
			assertThat(indexed.statusCode()).isEqualTo(201);
		}
		finally {
			services.release();
		}

		// The last release stopped both servers and gave their ports back.
		assertThat(services.isRunning(LocalService.POSTGRES)).isFalse();
		assertThat(services.isRunning(LocalService.ELASTICSEARCH)).isFalse();
		assertThat(LoopbackPorts.isFree(postgresPort)).isTrue();
		assertThat(LoopbackPorts.isFree(elasticsearchPort)).isTrue();

		LocalServices restarted = LocalServices.acquire(settings);
		try {
			assertThat(restarted).isNotSameAs(services);
			try (Connection connection = connect(restarted.postgres()); Statement sql = connection.createStatement()) {
				assertThat(single(sql, "select count(*) from survivor where marker = '" + marker + "'")).isEqualTo("1");
			}
			HttpResponse<String> document = get(
					restarted.elasticsearch().httpUri().resolve("/survivor/_doc/" + marker));
			assertThat(document.statusCode()).isEqualTo(200);
			assertThat(document.body()).contains(marker);
		}
		finally {
			restarted.release();
		}
	}

	private static Connection connect(PostgresEndpoint endpoint) throws SQLException {
		return DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.username(), endpoint.password());
	}

	private static String single(Statement sql, String query) throws SQLException {
		try (ResultSet result = sql.executeQuery(query)) {
			assertThat(result.next()).isTrue();
			return result.getString(1);
		}
	}

	private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri).GET());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
