package cn.cztexchange.localservices.autoconfigure;

import cn.cztexchange.localservices.LocalServicesException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Shows a failed local-services start as Spring Boot's "APPLICATION FAILED TO START"
 * report (description and action) instead of a long BeanCreationException stack trace.
 */
class LocalServicesFailureAnalyzer extends AbstractFailureAnalyzer<LocalServicesException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, LocalServicesException cause) {
		String description = cause.details() == null ? cause.problem()
				: cause.problem() + System.lineSeparator() + cause.details();
		return new FailureAnalysis(description, cause.action(), cause);
	}

}
