package cn.cztexchange.localservices;

/**
 * Why the local PostgreSQL or Elasticsearch could not be provided, and what to do about
 * it.
 *
 * <p>
 * These errors reach developers who just typed {@code ./mvnw -Prun} or ran a test, so
 * every instance carries both halves: the {@link #problem() problem} as observed and the
 * {@link #action() action} that fixes it. Server start failures add the tail of the
 * server logs as {@link #details() details}, because that is where the real cause is.
 */
public class LocalServicesException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String problem;

	private final String action;

	private final String details;

	public LocalServicesException(String problem, String action) {
		this(problem, action, null, null);
	}

	public LocalServicesException(String problem, String action, String details, Throwable cause) {
		super(compose(problem, action, details), cause);
		this.problem = problem;
		this.action = action;
		this.details = details;
	}

	/** What happened. */
	public String problem() {
		return problem;
	}

	/** What to do about it. */
	public String action() {
		return action;
	}

	/** Supporting evidence such as log tails, or {@code null}. */
	public String details() {
		return details;
	}

	private static String compose(String problem, String action, String details) {
		StringBuilder message = new StringBuilder(problem).append(System.lineSeparator()).append(action);
		if (details != null && !details.isBlank()) {
			message.append(System.lineSeparator()).append(details);
		}
		return message.toString();
	}

}
