package cn.cztexchange.platform;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * Consumes the outbox rows of one topic. {@link OutboxWorkers} claims a batch of them
 * ({@code FOR UPDATE SKIP LOCKED}, so that any number of replicas share the work without
 * waiting on each other) and calls {@link #handle} inside the claiming transaction: when
 * it succeeds, the rows are deleted in that same transaction; when it fails, everything
 * rolls back and the rows are tried again after a pause that grows with each failure.
 * Delivery is therefore at least once: a handler whose effects reach outside the database
 * must tolerate a batch again.
 */
public interface OutboxHandler {

	/** The topic whose rows this handler consumes (and no other handler does). */
	String topic();

	/** The most rows one round claims. */
	default int batchSize() {
		return 100;
	}

	/**
	 * Whether inserting a row of this topic wakes this handler ({@code NOTIFY outbox});
	 * when not, it is polled every {@code app.outbox.quiet-poll-interval}. See migration
	 * V9 for which topics are quiet, and why.
	 */
	default boolean notified() {
		return true;
	}

	/** Does what the rows ask, in the transaction that claimed them. */
	Mono<Void> handle(List<OutboxRow> rows);

}
