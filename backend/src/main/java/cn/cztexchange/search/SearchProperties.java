package cn.cztexchange.search;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Search index settings.
 *
 * @param indexShards primary shards of a new catalogue index
 * @param indexReplicas replica shards of a new catalogue index (0 on a single node, at
 * least 1 on a cluster)
 * @param batchSize outbox rows the indexer claims and bulk-indexes at once
 * @param pollInterval how often the indexer looks at the outbox without being woken by
 * NOTIFY
 * @param maxBackoff the longest pause between attempts while Elasticsearch fails
 * @param readConcurrency in how many slices, read at once, the indexer reads a batch's
 * entries from PostgreSQL (each slice on a pooled connection of its own; keep it well
 * below the R2DBC pool size)
 * @param refreshPartialBatches whether a batch smaller than {@code batchSize} (the outbox
 * is drained: a trickle of fresh writes) is bulk-indexed with {@code refresh=true}, so
 * that it is searchable at once rather than at the index's next refresh (up to 1 s); full
 * batches of a backlog never force a refresh
 */
@ConfigurationProperties("app.search")
public record SearchProperties(@DefaultValue("1") int indexShards, @DefaultValue("0") int indexReplicas,
		@DefaultValue("500") int batchSize, @DefaultValue("5s") Duration pollInterval,
		@DefaultValue("30s") Duration maxBackoff, @DefaultValue("4") int readConcurrency,
		@DefaultValue("true") boolean refreshPartialBatches) {
}
