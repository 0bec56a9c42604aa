package cn.cztexchange.platform;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A rule of the domain that a request broke, answered as a problem detail with the status
 * that fits: 404 for what does not exist (or must not be revealed), 409 for a conflict
 * with the current state, 403 for what the caller may not do.
 */
public class DomainException extends ErrorResponseException {

	public DomainException(HttpStatus status, String title, String detail) {
		super(status, problem(status, title, detail), null);
	}

	public static DomainException notFound(String what) {
		return new DomainException(HttpStatus.NOT_FOUND, "Not found",
				what + " does not exist or is not visible to you.");
	}

	public static DomainException forbidden(String detail) {
		return new DomainException(HttpStatus.FORBIDDEN, "Forbidden", detail);
	}

	public static DomainException conflict(String detail) {
		return new DomainException(HttpStatus.CONFLICT, "Conflict", detail);
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
