package cn.cztexchange.alerts;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The problem details that only saved searches answer with. */
final class AlertsProblems {

	private AlertsProblems() {
	}

	/** The user keeps as many saved searches as allowed. */
	static ErrorResponseException tooMany(int limit) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"You already keep " + limit + " saved searches, the most allowed. Delete one to save another.");
		problem.setTitle("Too many saved searches");
		problem.setProperty("limit", limit);
		return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
	}

	/** The user saved this very search before: says under which name. */
	static ErrorResponseException alreadySaved(SavedSearch existing) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"You already saved this search as \"" + existing.name() + "\".");
		problem.setTitle("Search already saved");
		problem.setProperty("savedSearchId", existing.id().toString());
		return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
	}

}
