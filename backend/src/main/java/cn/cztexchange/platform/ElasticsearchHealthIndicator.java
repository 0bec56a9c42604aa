package cn.cztexchange.platform;

import java.time.Duration;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import reactor.core.publisher.Mono;

/**
 * The {@code elasticsearch} health component: UP while the cluster is green or yellow (a
 * single-node cluster is yellow as soon as an index asks for replicas), DOWN when red or
 * unreachable.
 */
@Component("elasticsearchHealthIndicator")
class ElasticsearchHealthIndicator extends AbstractReactiveHealthIndicator {

	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	private final ElasticsearchAsyncClient client;

	ElasticsearchHealthIndicator(ElasticsearchAsyncClient client) {
		super("Elasticsearch health check failed");
		this.client = client;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return Mono.fromFuture(() -> this.client.cluster().health()).timeout(TIMEOUT).map((health) -> {
			builder.status((health.status() == HealthStatus.Red) ? Status.DOWN : Status.UP);
			return builder.withDetail("clusterName", health.clusterName())
				.withDetail("status", health.status().jsonValue())
				.withDetail("numberOfNodes", health.numberOfNodes())
				.build();
		});
	}

}
