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
 * @param reindexHeartbeatTimeout how long a rebuild may go without a sign of life before
 * another replica may take over (the one running it beats every few seconds)
 */
@ConfigurationProperties("app.search")
public record SearchProperties(@DefaultValue("1") int indexShards, @DefaultValue("0") int indexReplicas,
		@DefaultValue("500") int batchSize, @DefaultValue("5s") Duration pollInterval,
		@DefaultValue("30s") Duration maxBackoff, @DefaultValue("60s") Duration reindexHeartbeatTimeout) {
}
