package cn.cztexchange.platform;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The shapes of the RFC 9457 problem details this API answers with, so that the
 * controller advice and the last-resort {@code WebExceptionHandler} speak alike.
 */
public final class ProblemDetails {

	/** Extension member listing the bad fields of a request. */
	public static final String ERRORS = "errors";

	private ProblemDetails() {
	}

	/** A 400 that names every bad field. */
	public static ProblemDetail invalidRequest(List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.");
		problem.setTitle("Invalid request");
		problem.setProperty(ERRORS, errors);
		return problem;
	}

	/** A 500 that tells nothing of the server's insides; the details go to the log. */
	public static ProblemDetail internalError() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The server could not complete the request. It has been logged; please try again later.");
		problem.setTitle("Internal error");
		return problem;
	}

}
