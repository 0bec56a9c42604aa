package cn.cztexchange.platform;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cztexchange.IntegrationTest;
import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.GetResponse;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ElasticsearchClientIntegrationTests {

	@Autowired
	ElasticsearchAsyncClient client;

	@Test
	void readsClusterHealth() {
		// Not info(): GET / answers 405 in the integration-test distribution the tests
		// run on.
		StepVerifier.create(Mono.fromFuture(() -> this.client.cluster().health())).assertNext((health) -> {
			assertThat(health.numberOfNodes()).isGreaterThanOrEqualTo(1);
			assertThat(health.status()).isNotEqualTo(HealthStatus.Red);
		}).verifyComplete();
	}

	@Test
	@SuppressWarnings({ "rawtypes", "unchecked" })
	void indexesAndReadsBackADocument() {
		Mono<GetResponse<Map>> roundTrip = Mono
			.fromFuture(() -> this.client.index((index) -> index.index("client-smoke-test")
				.id("1")
				.document(Map.of("title", "质谱仪 mass spectrometer"))
				.refresh(Refresh.True)))
			.then(Mono.fromFuture(() -> this.client.get((get) -> get.index("client-smoke-test").id("1"), Map.class)));
		StepVerifier.create(roundTrip)
			.assertNext((response) -> assertThat(response.source()).containsEntry("title", "质谱仪 mass spectrometer"))
			.verifyComplete();
	}

}
