package cn.cztexchange.localservices.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the embedded PostgreSQL is wanted: no {@code spring.r2dbc.url} configured.
 */
class OnEmbeddedPostgresCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		if (EmbeddedServerDecision.postgresWanted(context.getEnvironment(), context.getClassLoader())) {
			return ConditionOutcome
				.match("no " + EmbeddedServerDecision.R2DBC_URL + " configured: embedded PostgreSQL");
		}
		return ConditionOutcome.noMatch(EmbeddedServerDecision.R2DBC_URL
				+ " is configured (external PostgreSQL) or no R2DBC/Flyway/JDBC module is present");
	}

}
