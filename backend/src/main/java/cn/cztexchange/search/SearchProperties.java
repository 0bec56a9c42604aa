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
 * @param batchSize entries the indexer bulk-indexes in one request
 * @param claimBatches how many batches' worth of outbox rows the indexer claims in one
 * round (one transaction); within a round, the next batch is read from PostgreSQL while
 * the previous bulk request runs, but between rounds Elasticsearch waits for the commit
 * and the next claim, so a backlog drains faster in large rounds
 * @param pollInterval how often the indexer looks at the outbox without being woken by
 * NOTIFY
 * @param maxBackoff the longest pause between attempts while Elasticsearch fails
 * @param refreshWhenDrained whether a round that empties the outbox (it claimed fewer
 * rows than a full round: a trickle of fresh writes) bulk-indexes with
 * {@code refresh=true}, so that the writes are searchable at once rather than at the
 * index's next periodic refresh (up to 1 s later); the full rounds of a backlog never
 * force a refresh
 * @param reindexHeartbeatTimeout how long a rebuild may go without a sign of life before
 * another replica may take over (the one running it beats every few seconds)
 */
@ConfigurationProperties("app.search")
public record SearchProperties(@DefaultValue("1") int indexShards, @DefaultValue("0") int indexReplicas,
		@DefaultValue("500") int batchSize, @DefaultValue("20") int claimBatches,
		@DefaultValue("5s") Duration pollInterval, @DefaultValue("30s") Duration maxBackoff,
		@DefaultValue("true") boolean refreshWhenDrained, @DefaultValue("60s") Duration reindexHeartbeatTimeout) {
}
