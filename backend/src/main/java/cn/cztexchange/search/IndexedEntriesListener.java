package cn.cztexchange.search;

import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import cn.cztexchange.catalog.ResourceKind;

/**
 * Told which entries the indexer has just brought up to date, so that other features can
 * react to what became searchable (alerts for saved searches, fresh matches). Called
 * inside the indexer's transaction after each successful bulk request, not for a full
 * rebuild: append to the outbox and do the real work in a consumer of your own, as a slow
 * listener holds up indexing and a failing one makes the batch be indexed again.
 */
public interface IndexedEntriesListener {

	Mono<Void> indexed(List<IndexedEntry> entries);

	/**
	 * @param id the entry
	 * @param kind its kind, when it is published
	 * @param published whether it is now searchable (false: it was removed)
	 */
	record IndexedEntry(UUID id, ResourceKind kind, boolean published) {
	}

}
