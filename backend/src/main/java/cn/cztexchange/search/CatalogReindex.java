package cn.cztexchange.search;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.cztexchange.catalog.CatalogReader;
import cn.cztexchange.catalog.CatalogReader.PublishedEntry;
import cn.cztexchange.platform.DomainException;
import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;

/**
 * Rebuilds the search index from PostgreSQL: every published entry into a fresh
 * {@code catalog-vN}, then the {@code catalog} alias swapped to it atomically, so
 * searches go on throughout. Changes made while it runs reach the old index through the
 * outbox; after the swap, every entry changed since the start is indexed again into the
 * new one, so none is missed. Needed after a mapping change, and works without
 * Elasticsearch's {@code _reindex}.
 */
@Component
class CatalogReindex {

	private static final Log log = LogFactory.getLog(CatalogReindex.class);

	private final CatalogReader catalog;

	private final CatalogIndex index;

	private final CatalogIndexer indexer;

	private final ElasticsearchAsyncClient client;

	private final SearchProperties properties;

	private final Clock clock;

	private final AtomicBoolean running = new AtomicBoolean();

	private final AtomicReference<Progress> progress = new AtomicReference<>();

	CatalogReindex(CatalogReader catalog, CatalogIndex index, CatalogIndexer indexer, ElasticsearchAsyncClient client,
			SearchProperties properties, Clock clock) {
		this.catalog = catalog;
		this.index = index;
		this.indexer = indexer;
		this.client = client;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Starts a rebuild in the background and answers its progress; 409 if one is running
	 * here.
	 */
	Progress start() {
		if (!this.running.compareAndSet(false, true)) {
			throw DomainException.conflict("A reindex is already running.");
		}
		Instant started = this.clock.instant();
		this.progress.set(new Progress("RUNNING", null, 0, 0, started, null, null));
		run(started).subscribe((ignored) -> {
		}, (ex) -> {
			log.error("Reindex failed", ex);
			this.progress.updateAndGet((p) -> p.ended("FAILED", this.clock.instant(), ex.getMessage()));
			this.running.set(false);
		}, () -> {
			this.progress.updateAndGet((p) -> p.ended("DONE", this.clock.instant(), null));
			this.running.set(false);
		});
		return this.progress.get();
	}

	/** The last rebuild's progress on this replica, or null when there was none. */
	Progress progress() {
		return this.progress.get();
	}

	/** Rebuilds and completes when done: for the command line. */
	Mono<Void> runNow() {
		if (!this.running.compareAndSet(false, true)) {
			return Mono.error(DomainException.conflict("A reindex is already running."));
		}
		Instant started = this.clock.instant();
		this.progress.set(new Progress("RUNNING", null, 0, 0, started, null, null));
		return run(started).doFinally((signal) -> this.running.set(false));
	}

	private Mono<Void> run(Instant started) {
		AtomicLong done = new AtomicLong();
		return Mono.zip(this.index.nextName(), this.index.aliased(), this.catalog.countPublished()).flatMap((t) -> {
			String name = t.getT1();
			Set<String> previous = t.getT2();
			this.progress.updateAndGet((p) -> p.withIndex(name, t.getT3()));
			log.info("Reindexing " + t.getT3() + " published entries into " + name);
			return this.index.create(name)
				.thenMany(this.catalog.allPublished(this.properties.batchSize())
					.buffer(this.properties.batchSize())
					.concatMap((batch) -> bulk(name, batch).doOnSuccess(
							(ignored) -> this.progress.updateAndGet((p) -> p.withDone(done.addAndGet(batch.size()))))))
				.then(this.index.swapTo(name, previous))
				.then(this.indexer.reindex(this.catalog.changedSince(started)))
				.doOnSuccess(
						(ignored) -> log.info("Reindexed " + done.get() + " entries; the alias points at " + name));
		});
	}

	private Mono<Void> bulk(String name, List<PublishedEntry> batch) {
		BulkRequest.Builder request = new BulkRequest.Builder().index(name);
		batch.forEach((entry) -> request
			.operations((op) -> op.index((i) -> i.id(entry.id().toString()).document(CatalogIndex.document(entry)))));
		return Mono.fromFuture(() -> this.client.bulk(request.build())).flatMap(CatalogIndexer::failOnItemErrors);
	}

	/**
	 * A rebuild's state.
	 *
	 * @param state RUNNING, DONE or FAILED
	 * @param index the index being built
	 * @param total the published entries to index
	 * @param done how many are indexed so far
	 * @param startedAt when it started
	 * @param finishedAt when it ended
	 * @param error why it failed
	 */
	record Progress(String state, String index, long total, long done, Instant startedAt, Instant finishedAt,
			String error) {

		Progress withIndex(String index, long total) {
			return new Progress(this.state, index, total, this.done, this.startedAt, null, null);
		}

		Progress withDone(long done) {
			return new Progress(this.state, this.index, this.total, done, this.startedAt, null, null);
		}

		Progress ended(String state, Instant at, String error) {
			return new Progress(state, this.index, this.total, this.done, this.startedAt, at, error);
		}

	}

}
