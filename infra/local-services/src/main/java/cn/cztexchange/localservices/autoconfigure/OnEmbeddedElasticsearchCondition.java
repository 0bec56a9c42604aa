package cn.cztexchange.localservices.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the embedded Elasticsearch is wanted: no {@code spring.elasticsearch.uris}
 * configured.
 */
class OnEmbeddedElasticsearchCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		if (EmbeddedServerDecision.elasticsearchWanted(context.getEnvironment(), context.getClassLoader())) {
			return ConditionOutcome
				.match("no " + EmbeddedServerDecision.ELASTICSEARCH_URIS + " configured: embedded Elasticsearch");
		}
		return ConditionOutcome.noMatch(EmbeddedServerDecision.ELASTICSEARCH_URIS
				+ " is configured (external Elasticsearch) or spring-boot-elasticsearch is absent");
	}

}
