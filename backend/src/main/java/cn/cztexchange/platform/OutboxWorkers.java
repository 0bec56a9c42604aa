package cn.cztexchange.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs every {@link OutboxHandler}: each drains the rows of its topic in rounds (claim a
 * batch, handle it, delete it, in one transaction) until fewer than a batch remain, then
 * waits to be woken: by {@code NOTIFY outbox} for its topic (the outbox's insert trigger
 * sends the row's topic; see {@link DatabaseNotifications}), and by a poll, should a
 * notification be lost while the listening connection is re-established.
 */
@Component
class OutboxWorkers implements SmartLifecycle {

	private static final Log log = LogFactory.getLog(OutboxWorkers.class);

	private final List<OutboxHandler> handlers;

	private final DatabaseClient database;

	private final DatabaseNotifications notifications;

	private final TransactionalOperator transaction;

	private final OutboxProperties properties;

	private volatile Disposable running;

	OutboxWorkers(List<OutboxHandler> handlers, DatabaseClient database, DatabaseNotifications notifications,
			TransactionalOperator transaction, OutboxProperties properties) {
		this.handlers = handlers;
		this.database = database;
		this.notifications = notifications;
		this.transaction = transaction;
		this.properties = properties;
		Set<String> topics = new HashSet<>();
		for (OutboxHandler handler : handlers) {
			if (!topics.add(handler.topic())) {
				throw new IllegalStateException("Two outbox handlers consume the topic " + handler.topic());
			}
		}
	}

	@Override
	public void start() {
		if (this.handlers.isEmpty()) {
			return;
		}
		Flux<String> notified = this.notifications.messages()
			.filter((message) -> message.channel().equals("outbox"))
			.map(DatabaseNotifications.Message::payload);
		List<Disposable> workers = new ArrayList<>();
		for (OutboxHandler handler : this.handlers) {
			Worker worker = new Worker(handler);
			Flux<Object> wakeUps = handler.notified()
					? Flux.merge(notified.filter(handler.topic()::equals),
							Flux.interval(Duration.ZERO, this.properties.pollInterval()))
					: Flux.interval(Duration.ZERO, this.properties.quietPollInterval()).map(Object.class::cast);
			workers.add(wakeUps.onBackpressureLatest().concatMap((wakeUp) -> worker.drain(), 1).subscribe());
		}
		this.running = Disposables.composite(workers);
	}

	@Override
	public void stop() {
		Disposable running = this.running;
		if (running != null) {
			running.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running != null && !this.running.isDisposed();
	}

	/** One handler's rounds and its count of failures in a row. */
	private final class Worker {

		private final OutboxHandler handler;

		private long failures;

		Worker(OutboxHandler handler) {
			this.handler = handler;
		}

		/** Rounds until a round claims less than a batch; after a failure, a pause. */
		Mono<Void> drain() {
			return round().expand((count) -> (count == this.handler.batchSize()) ? round() : Mono.empty())
				.then()
				.doOnSuccess((ignored) -> this.failures = 0)
				.onErrorResume((ex) -> {
					this.failures++;
					Duration pause = backoff(this.failures);
					log.warn("Outbox consumer of " + this.handler.topic() + " failed (" + this.failures
							+ " in a row), retrying in " + pause.toMillis() + " ms: " + ex.getMessage(), ex);
					return Mono.delay(pause).then();
				});
		}

		/**
		 * Claim, handle, delete, in one transaction; answers how many rows it claimed.
		 */
		Mono<Integer> round() {
			return OutboxWorkers.this.database
				.sql("select id, key, payload::text as payload, created_at from outbox where topic = :topic "
						+ "order by id limit :limit for update skip locked")
				.bind("topic", this.handler.topic())
				.bind("limit", this.handler.batchSize())
				.map((row) -> new OutboxRow(row.get("id", Long.class), row.get("key", String.class),
						row.get("payload", String.class), row.get("created_at", java.time.Instant.class)))
				.all()
				.collectList()
				.flatMap((rows) -> rows.isEmpty() ? Mono.just(0)
						: this.handler.handle(rows)
							.then(OutboxWorkers.this.database.sql("delete from outbox where id = any(:ids)")
								.bind("ids", rows.stream().map(OutboxRow::id).toArray(Long[]::new))
								.then())
							.thenReturn(rows.size()))
				.as(OutboxWorkers.this.transaction::transactional);
		}

		private Duration backoff(long failures) {
			Duration pause = Duration.ofMillis(500L << Math.min(failures - 1, 12));
			return (pause.compareTo(OutboxWorkers.this.properties.maxBackoff()) > 0)
					? OutboxWorkers.this.properties.maxBackoff() : pause;
		}

	}

}
