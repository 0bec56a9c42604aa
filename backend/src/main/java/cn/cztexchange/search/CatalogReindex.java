package cn.cztexchange.search;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.cztexchange.catalog.CatalogReader;
import cn.cztexchange.catalog.CatalogReader.PublishedEntry;
import cn.cztexchange.search.ReindexRuns.Progress;
import cn.cztexchange.search.ReindexRuns.Reason;
import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;

/**
 * Rebuilds the search index from PostgreSQL: every published entry into a fresh
 * {@code catalog-vN}, then the {@code catalog} alias swapped to it atomically, so
 * searches go on throughout. Changes made while it runs reach the old index through the
 * outbox; after the swap, every entry changed since the start is indexed again into the
 * new one, so none is missed. Needed after a mapping change, and works without
 * Elasticsearch's {@code _reindex}. One rebuild at a time across all replicas (see
 * {@link ReindexRuns}).
 */
@Component
class CatalogReindex {

	private static final Log log = LogFactory.getLog(CatalogReindex.class);

	/** How often a rebuild shows it is alive while a long step runs. */
	private static final Duration HEARTBEAT = Duration.ofSeconds(5);

	private final CatalogReader catalog;

	private final CatalogIndex index;

	private final CatalogIndexer indexer;

	private final ElasticsearchAsyncClient client;

	private final SearchProperties properties;

	private final ReindexRuns runs;

	CatalogReindex(CatalogReader catalog, CatalogIndex index, CatalogIndexer indexer, ElasticsearchAsyncClient client,
			SearchProperties properties, ReindexRuns runs) {
		this.catalog = catalog;
		this.index = index;
		this.indexer = indexer;
		this.client = client;
		this.properties = properties;
		this.runs = runs;
	}

	/**
	 * Starts a rebuild in the background and answers its progress; 409 if one is running
	 * on any replica.
	 */
	Mono<Progress> start(Reason reason) {
		return this.runs.begin(reason).doOnNext((progress) -> run(progress).subscribe((ignored) -> {
		}, (ex) -> log.error("Reindex failed", ex)));
	}

	/** Rebuilds and completes when done: for the command line. */
	Mono<Progress> runNow(Reason reason) {
		return this.runs.begin(reason).flatMap((progress) -> run(progress).then(this.runs.latest()));
	}

	/** The latest rebuild on any replica, or empty when there was none. */
	Mono<Progress> progress() {
		return this.runs.latest();
	}

	private Mono<Void> run(Progress progress) {
		AtomicLong done = new AtomicLong();
		Mono<Void> rebuild = Mono.zip(this.index.nextName(), this.index.aliased(), this.catalog.countPublished())
			.flatMap((t) -> {
				String name = t.getT1();
				Set<String> previous = t.getT2();
				long total = t.getT3();
				log.info("Reindexing " + total + " published entries into " + name);
				return this.runs.update(progress.id(), name, total, 0)
					.then(this.index.create(name))
					.thenMany(this.catalog.allPublished(this.properties.batchSize())
						.buffer(this.properties.batchSize())
						.concatMap((batch) -> bulk(name, batch).then(Mono
							.defer(() -> this.runs.update(progress.id(), name, total, done.addAndGet(batch.size()))))))
					.then(this.index.swapTo(name, previous))
					.then(this.indexer.reindex(this.catalog.changedSince(progress.startedAt())))
					.doOnSuccess(
							(ignored) -> log.info("Reindexed " + done.get() + " entries; the alias points at " + name));
			});
		// The heartbeat stops with the rebuild, whichever way it ends; a flag rather than
		// a cancel, so that no heartbeat query is cut off mid-conversation.
		AtomicBoolean finished = new AtomicBoolean();
		Flux.interval(HEARTBEAT)
			.takeWhile((tick) -> !finished.get())
			.concatMap((tick) -> this.runs.beat(progress.id()).onErrorResume((ex) -> Mono.empty()))
			.subscribe();
		return rebuild.doFinally((signal) -> finished.set(true))
			.then(this.runs.finish(progress.id(), null))
			.onErrorResume(
					(ex) -> this.runs.finish(progress.id(), String.valueOf(ex.getMessage())).then(Mono.error(ex)));
	}

	private Mono<Void> bulk(String name, List<PublishedEntry> batch) {
		BulkRequest.Builder request = new BulkRequest.Builder().index(name);
		batch.forEach((entry) -> request.operations(this.index.indexOperation(entry)));
		return Mono.fromFuture(() -> this.client.bulk(request.build())).flatMap(CatalogIndexer::failOnItemErrors);
	}

}
