package cn.cztexchange.engagement;

import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The problem details that only engagements answer with. */
final class EngagementProblems {

	/** The unique index that allows one active engagement per pair and subject. */
	private static final String ONE_ACTIVE = "engagements_one_active_idx";

	private EngagementProblems() {
	}

	/** A step that the engagement's state does not allow; names the state. */
	static ErrorResponseException wrongState(EngagementStatus status, String what) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"An engagement that is " + status.name() + " cannot " + what + ".");
		problem.setTitle("Not allowed in this state");
		problem.setProperty("state", status.name());
		return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
	}

	/** There is an active engagement for the same pair and subject: points to it. */
	static ErrorResponseException duplicate(UUID existing) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"There is already an active engagement between these parties about this subject: continue it at "
						+ "/api/v1/engagements/" + existing + ".");
		problem.setTitle("Engagement already under way");
		problem.setProperty("engagementId", existing.toString());
		problem.setProperty("engagement", "/api/v1/engagements/" + existing);
		return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
	}

	/** The caller's copy is older than the engagement: someone took a step meanwhile. */
	static ErrorResponseException stale(int current) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"Someone changed this engagement since you read it: reload it and try again.");
		problem.setTitle("Changed meanwhile");
		problem.setProperty("version", current);
		return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
	}

	/** Whether the database refused a second active engagement (a lost race). */
	static boolean isDuplicate(Throwable error) {
		return error instanceof DataIntegrityViolationException && error.getMessage() != null
				&& error.getMessage().contains(ONE_ACTIVE);
	}

}
