package cn.cztexchange;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ApplicationIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	@Test
	void healthIsUpWithPostgresAndElasticsearchComponents() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.r2dbc.status")
			.isEqualTo("UP")
			.jsonPath("$.components.elasticsearch.status")
			.isEqualTo("UP");
	}

	@Test
	void readinessIncludesTheDataStoresAndLivenessDoesNot() {
		this.client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.r2dbc.status")
			.isEqualTo("UP")
			.jsonPath("$.components.elasticsearch.status")
			.isEqualTo("UP");
		this.client.get()
			.uri("/actuator/health/liveness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.r2dbc")
			.doesNotExist();
	}

	@Test
	void openApiDocumentDescribesTheApi() {
		this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.openapi")
			.value((String version) -> assertThat(version).startsWith("3."))
			.jsonPath("$.info.title")
			.isEqualTo("CZT Innovation Exchange API")
			.jsonPath("$.paths['/api/v1/feedback'].post")
			.exists();
	}

	@Test
	void swaggerUiIsServed() {
		this.client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
	}

	@Test
	void webAppIsServedAtTheRootAndForItsClientRoutes() {
		for (String path : new String[] { "/", "/status", "/some/client/route" }) {
			this.client.get()
				.uri(path)
				.accept(MediaType.TEXT_HTML)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.TEXT_HTML)
				.expectBody(String.class)
				.value((html) -> assertThat(html).contains("<div id=\"root\">"));
		}
	}

	@Test
	void missingStaticFileIsA404NotTheWebApp() {
		this.client.get()
			.uri("/assets/missing.js")
			.accept(MediaType.TEXT_HTML, MediaType.ALL)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void migrationsHaveRun() {
		StepVerifier
			.create(this.database.sql("select count(*) from flyway_schema_history where success")
				.map((row) -> row.get(0, Long.class))
				.one())
			.assertNext((count) -> assertThat(count).isGreaterThanOrEqualTo(1))
			.verifyComplete();
	}

}
