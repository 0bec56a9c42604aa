package cn.cztexchange.search;

import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import cn.cztexchange.catalog.CatalogReader;
import cn.cztexchange.platform.Outbox;
import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;

/**
 * What operators see of the search index and do to it (ADMIN only, like all of
 * /api/v1/admin).
 */
@RestController
@Tag(name = "Search administration", description = "Index health, outbox lag and rebuilding the index (ADMIN)")
class SearchAdminController {

	private final Outbox outbox;

	private final CatalogReindex reindex;

	private final ElasticsearchAsyncClient client;

	SearchAdminController(Outbox outbox, CatalogReindex reindex, ElasticsearchAsyncClient client) {
		this.outbox = outbox;
		this.reindex = reindex;
		this.client = client;
	}

	@GetMapping("/api/v1/admin/search/status")
	@Operation(summary = "Outbox lag, index health and size, and the last rebuild's progress")
	Mono<SearchStatus> status() {
		Mono<String> health = Mono.fromFuture(() -> this.client.cluster().health())
			.map((h) -> h.status().jsonValue())
			.onErrorReturn("UNREACHABLE");
		Mono<Long> documents = Mono.fromFuture(() -> this.client.count((c) -> c.index(CatalogIndex.ALIAS)))
			.map((count) -> count.count())
			.onErrorReturn(-1L);
		Mono<Optional<ReindexRuns.Progress>> reindex = this.reindex.progress()
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty());
		return Mono.zip(this.outbox.lag(CatalogReader.OUTBOX_TOPIC), health, documents, reindex)
			.map((t) -> new SearchStatus(t.getT1(), t.getT2(), t.getT3(), t.getT4().orElse(null)));
	}

	@PostMapping("/api/v1/admin/search/reindex")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Rebuild the index from PostgreSQL and swap the alias atomically; follow it in the status",
			description = "409 while a rebuild runs on any replica.")
	Mono<ReindexRuns.Progress> reindex() {
		return this.reindex.start(ReindexRuns.Reason.ADMIN);
	}

	/**
	 * @param outbox changes waiting to be indexed
	 * @param clusterHealth green, yellow, red or UNREACHABLE
	 * @param documents entries in the index (-1 when it cannot be counted)
	 * @param reindex the latest rebuild (on any replica), if any
	 */
	record SearchStatus(Outbox.Lag outbox, String clusterHealth, long documents, ReindexRuns.Progress reindex) {
	}

}
