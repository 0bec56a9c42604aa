package cn.cztexchange.booking;

import java.time.Instant;
import java.util.Map;

import io.r2dbc.spi.R2dbcException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import reactor.util.retry.Retry;

/** The problem details that only bookings answer with. */
final class BookingProblems {

	/** PostgreSQL's code for a row that an exclusion constraint refused. */
	private static final String EXCLUSION_VIOLATION = "23P01";

	/** PostgreSQL's code for a transaction it rolled back to break a deadlock. */
	private static final String DEADLOCK = "40P01";

	/**
	 * Runs a write again that PostgreSQL rolled back to break a deadlock (two changes of
	 * the same instrument's times, each waiting at the exclusion constraint for the
	 * other): the retry then sees the winner's row and gets its clear answer.
	 */
	static final Retry DEADLOCK_RETRY = Retry.max(2)
		.filter((error) -> hasSqlState(error, DEADLOCK))
		.onRetryExhaustedThrow((spec, signal) -> signal.failure());

	private BookingProblems() {
	}

	/** The time is taken: says which time, so that the user can pick another. */
	static ErrorResponseException taken(Interval conflict) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The instrument is already booked " + BookingTime.describe(conflict) + ". Pick another time.");
		problem.setTitle("Time already booked");
		problem.setProperty("conflict", Map.of("start", conflict.start().toString(), "end", conflict.end().toString()));
		return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
	}

	/** Taken, but freed again before we could tell by whom: ask to reload. */
	static ErrorResponseException takenMeanwhile() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"Someone else booked an overlapping time a moment ago. Reload the calendar and try again.");
		problem.setTitle("Time already booked");
		return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
	}

	static ErrorResponseException closed(Closure closure) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The instrument is closed (" + closure.kind().name().toLowerCase() + ") "
						+ BookingTime.describe(closure.interval()) + ": " + closure.reason());
		problem.setTitle("Instrument closed");
		problem.setProperty("conflict", Map.of("start", closure.start().toString(), "end", closure.end().toString()));
		return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
	}

	static ErrorResponseException quotaExceeded(SlotRules.Quota quota, long booked, int limit) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"This booking would exceed your quota of " + limit + " minutes per " + quota.name().toLowerCase()
						+ " on this instrument; you already hold " + booked + ".");
		problem.setTitle("Quota exceeded");
		return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
	}

	static ErrorResponseException suspended(Instant until) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				"Your booking rights are suspended after repeated no-shows until " + BookingTime.describe(until) + ".");
		problem.setTitle("Booking suspended");
		problem.setProperty("until", until.toString());
		return new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
	}

	/** A step that the booking's state does not allow. */
	static ErrorResponseException wrongState(BookingStatus status, String action) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"A booking that is " + status.name() + " cannot be " + action + ".");
		problem.setTitle("Not allowed in this state");
		problem.setProperty("status", status.name());
		return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
	}

	static boolean isOverlap(Throwable error) {
		return hasSqlState(error, EXCLUSION_VIOLATION);
	}

	private static boolean hasSqlState(Throwable error, String state) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof R2dbcException r2dbc && state.equals(r2dbc.getSqlState())) {
				return true;
			}
		}
		return false;
	}

}
