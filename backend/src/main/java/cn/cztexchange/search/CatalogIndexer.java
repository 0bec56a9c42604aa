package cn.cztexchange.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import cn.cztexchange.catalog.CatalogReader;
import cn.cztexchange.catalog.CatalogReader.IndexState;
import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;

/**
 * Keeps the search index in step with PostgreSQL by draining the outbox. Each round
 * claims a batch of rows with {@code FOR UPDATE SKIP LOCKED} (so that replicas share the
 * work without waiting on each other), reads the current state of every entry they name,
 * bulk-indexes it (or removes it), and deletes the rows in the same transaction. If
 * Elasticsearch fails, the transaction rolls back: the rows stay and are tried again
 * after a growing pause. Nothing is lost, and as documents are keyed by entry id, nothing
 * is indexed twice.
 *
 * <p>
 * Woken by {@code NOTIFY outbox} on a connection of its own, and by a poll as a fallback.
 */
@Component
class CatalogIndexer implements SmartLifecycle {

	private static final Log log = LogFactory.getLog(CatalogIndexer.class);

	private final DatabaseClient database;

	private final ConnectionFactory connectionFactory;

	private final TransactionalOperator transaction;

	private final CatalogReader catalog;

	private final CatalogIndex index;

	private final ElasticsearchAsyncClient client;

	private final SearchProperties properties;

	private final List<IndexedEntriesListener> listeners;

	private final AtomicLong failures = new AtomicLong();

	private volatile Disposable running;

	CatalogIndexer(DatabaseClient database, ConnectionFactory connectionFactory, TransactionalOperator transaction,
			CatalogReader catalog, CatalogIndex index, ElasticsearchAsyncClient client, SearchProperties properties,
			List<IndexedEntriesListener> listeners) {
		this.listeners = listeners;
		this.database = database;
		this.connectionFactory = connectionFactory;
		this.transaction = transaction;
		this.catalog = catalog;
		this.index = index;
		this.client = client;
		this.properties = properties;
	}

	@Override
	public void start() {
		Flux<Object> wakeUps = Flux.merge(notifications(),
				Flux.interval(Duration.ZERO, this.properties.pollInterval()));
		this.running = wakeUps.onBackpressureLatest().concatMap((wakeUp) -> drain(), 1).subscribe();
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

	/**
	 * Rounds until the outbox is empty; after a failure, a pause that grows with each
	 * one.
	 */
	Mono<Void> drain() {
		return round().expand((count) -> (count == claimSize()) ? round() : Mono.empty())
			.then()
			.doOnSuccess((ignored) -> this.failures.set(0))
			.onErrorResume((ex) -> {
				long failed = this.failures.incrementAndGet();
				Duration pause = backoff(failed);
				log.warn("Indexing the catalogue failed (" + failed + " in a row), retrying in " + pause.toSeconds()
						+ " s: " + ex.getMessage());
				return Mono.delay(pause).then();
			});
	}

	/**
	 * One batch: claim, index, delete, all in one transaction; answers how many rows it
	 * took.
	 */
	Mono<Integer> round() {
		Mono<Integer> work = this.database
			.sql("select id, key from outbox where topic = :topic order by id limit :limit for update skip locked")
			.bind("topic", CatalogReader.OUTBOX_TOPIC)
			.bind("limit", claimSize())
			.map((row) -> new Claimed(row.get("id", Long.class), row.get("key", String.class)))
			.all()
			.collectList()
			.flatMap((claimed) -> claimed.isEmpty() ? Mono.just(0) : index(claimed).thenReturn(claimed.size()));
		return this.index.ensureExists().then(work.as(this.transaction::transactional));
	}

	private Mono<Void> index(List<Claimed> claimed) {
		Set<UUID> ids = new LinkedHashSet<>();
		claimed.forEach((row) -> ids.add(UUID.fromString(row.key())));
		// Fewer rows than a full round: the outbox is drained, and these are the latest
		// writes, which searches should find now rather than at the next periodic
		// refresh (up to a second later). A backlog comes in full rounds, which leave
		// refreshing to the index.
		boolean refresh = this.properties.refreshWhenDrained() && claimed.size() < claimSize();
		return reindex(Flux.fromIterable(ids), refresh, true)
			.then(this.database.sql("delete from outbox where id = any(:ids)")
				.bind("ids", claimed.stream().map(Claimed::id).toArray(Long[]::new))
				.then());
	}

	/**
	 * Brings these entries in the index to their current state: indexed if published,
	 * removed if not.
	 */
	Mono<Void> reindex(Flux<UUID> ids) {
		return reindex(ids, false, false);
	}

	/** {@code tell}: whether the listeners hear of each batch (not in a rebuild). */
	private Mono<Void> reindex(Flux<UUID> ids, boolean refresh, boolean tell) {
		// concatMap(bulk) asks for the next batches while a bulk request runs, so the
		// next batch is read from PostgreSQL and its documents built meanwhile: one bulk
		// request at a time, but Elasticsearch does not wait for the reads.
		return ids.buffer(this.properties.batchSize())
			.concatMap((batch) -> read(batch).map((states) -> new Batch(states, bulkRequest(states, refresh))))
			.concatMap((batch) -> bulk(batch.request()).then(tell ? tell(batch.states()) : Mono.empty()))
			.then();
	}

	private Mono<Void> tell(List<IndexState> states) {
		if (this.listeners.isEmpty()) {
			return Mono.empty();
		}
		List<IndexedEntriesListener.IndexedEntry> entries = states.stream()
			.map((state) -> new IndexedEntriesListener.IndexedEntry(state.id(),
					(state.published() != null) ? state.published().kind() : null, state.published() != null))
			.toList();
		return Flux.fromIterable(this.listeners).concatMap((listener) -> listener.indexed(entries)).then();
	}

	/** Outbox rows one round claims: {@code claimBatches} bulk requests' worth. */
	private int claimSize() {
		return this.properties.batchSize() * Math.max(1, this.properties.claimBatches());
	}

	/**
	 * The current state of these entries, read in one query (read one by one, they took
	 * longer than the bulk request itself: infra/bench).
	 */
	private Mono<List<IndexState>> read(List<UUID> ids) {
		return this.catalog.indexStates(ids)
			.collectMap(IndexState::id)
			.map((found) -> ids.stream()
				// An entry that does not exist at all is removed like an unpublished one.
				.map((id) -> found.getOrDefault(id, new IndexState(id, 0, null)))
				.toList());
	}

	/** Indexes what is published and removes what is not. */
	private BulkRequest bulkRequest(List<IndexState> states, boolean refresh) {
		BulkRequest.Builder request = new BulkRequest.Builder().index(CatalogIndex.ALIAS);
		if (refresh) {
			request.refresh(Refresh.True);
		}
		for (IndexState state : states) {
			request.operations((state.published() != null) ? this.index.indexOperation(state.published())
					: CatalogIndex.deleteOperation(state.id(), state.version()));
		}
		return request.build();
	}

	/** Sends the bulk request; fails if any item failed. */
	private Mono<Void> bulk(BulkRequest request) {
		return Mono.fromFuture(() -> this.client.bulk(request)).flatMap(CatalogIndexer::failOnItemErrors);
	}

	static Mono<Void> failOnItemErrors(BulkResponse response) {
		if (!response.errors()) {
			return Mono.empty();
		}
		List<String> reasons = new ArrayList<>();
		response.items()
			.stream()
			// Removing a document that is not there is what we wanted anyway; a version
			// conflict means the index already has a newer state.
			.filter((item) -> item.error() != null && item.status() != 404 && item.status() != 409)
			.forEach((item) -> reasons.add(item.id() + ": " + item.error().reason()));
		return reasons.isEmpty() ? Mono.empty() : Mono
			.error(new IllegalStateException("Elasticsearch refused " + reasons.size() + " documents: " + reasons));
	}

	/** LISTEN on a connection of its own, re-established with back-off if it drops. */
	private Flux<Object> notifications() {
		ConnectionFactory factory = unwrapped(this.connectionFactory);
		return Flux.usingWhen(Mono.from(factory.create()), (connection) -> listen(connection), Connection::close)
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(this.properties.maxBackoff()))
			.onErrorResume((ex) -> Flux.empty());
	}

	private static Flux<Object> listen(Connection connection) {
		if (!(connection instanceof PostgresqlConnection postgres)) {
			return Flux.never();
		}
		return postgres.createStatement("LISTEN outbox")
			.execute()
			.flatMap((result) -> result.getRowsUpdated())
			.thenMany(postgres.getNotifications()
				// The trigger sends the row's topic: other consumers' rows are none of
				// ours.
				.filter((notification) -> CatalogReader.OUTBOX_TOPIC.equals(notification.getParameter()))
				.map((notification) -> (Object) notification));
	}

	/** The pool's connections cannot LISTEN for long; the factory underneath can. */
	private static ConnectionFactory unwrapped(ConnectionFactory factory) {
		Object current = factory;
		while (current instanceof Wrapped<?> wrapped && wrapped.unwrap() instanceof ConnectionFactory inner) {
			current = inner;
		}
		return (ConnectionFactory) current;
	}

	private Duration backoff(long failures) {
		long seconds = 1L << Math.min(failures - 1, 10);
		Duration pause = Duration.ofSeconds(seconds);
		return (pause.compareTo(this.properties.maxBackoff()) > 0) ? this.properties.maxBackoff() : pause;
	}

	private record Claimed(Long id, String key) {
	}

	private record Batch(List<IndexState> states, BulkRequest request) {
	}

}
