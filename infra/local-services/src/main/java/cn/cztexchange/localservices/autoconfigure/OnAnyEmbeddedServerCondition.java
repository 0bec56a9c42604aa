package cn.cztexchange.localservices.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when at least one embedded server is wanted; otherwise nothing needs to start.
 */
class OnAnyEmbeddedServerCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		var wanted = EmbeddedServerDecision.wanted(context.getEnvironment(), context.getClassLoader());
		return wanted.isEmpty()
				? ConditionOutcome.noMatch("external servers configured for everything: no embedded server needed")
				: ConditionOutcome.match("embedded servers wanted: " + wanted);
	}

}
