package cn.cztexchange.matching;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.cztexchange.platform.OutboxHandler;
import cn.cztexchange.platform.OutboxRow;
import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;

/**
 * Brings the firms index in step with saved profiles
 * ({@value FirmProfileService#INDEX_TOPIC} rows, keyed by the firm): the card of a
 * discoverable firm is indexed, anyone else's removed. Saves are rare, so each batch is
 * searchable at once ({@code refresh=true}).
 */
@Component
class FirmProfileIndexer implements OutboxHandler {

	/** Removes a firm whose profile is gone whatever version the index holds. */
	private static final long GONE = Integer.MAX_VALUE;

	private final FirmProfileRepository profiles;

	private final FirmIndex index;

	private final ElasticsearchAsyncClient client;

	FirmProfileIndexer(FirmProfileRepository profiles, FirmIndex index, ElasticsearchAsyncClient client) {
		this.profiles = profiles;
		this.index = index;
		this.client = client;
	}

	@Override
	public String topic() {
		return FirmProfileService.INDEX_TOPIC;
	}

	@Override
	public Mono<Void> handle(List<OutboxRow> rows) {
		Set<UUID> ids = new LinkedHashSet<>();
		rows.forEach((row) -> ids.add(UUID.fromString(row.key())));
		return this.index.ensureExists()
			.then(this.profiles.findAll(ids).collectMap(StoredProfile::organisationId))
			.flatMap((found) -> bulk(ids, found, Refresh.True));
	}

	/** Indexes or removes each of the firms, in one bulk request. */
	Mono<Void> bulk(Set<UUID> ids, Map<UUID, StoredProfile> found, Refresh refresh) {
		if (ids.isEmpty()) {
			return Mono.empty();
		}
		BulkRequest.Builder request = new BulkRequest.Builder().index(FirmIndex.ALIAS).refresh(refresh);
		for (UUID id : ids) {
			StoredProfile stored = found.get(id);
			if (stored != null && stored.profile().discoverable()) {
				request.operations(this.index.indexOperation(stored));
			}
			else {
				request.operations(FirmIndex.deleteOperation(id, (stored != null) ? stored.version() : GONE));
			}
		}
		BulkRequest built = request.build();
		return Mono.fromFuture(() -> this.client.bulk(built)).flatMap(FirmProfileIndexer::failOnItemErrors);
	}

	/**
	 * Fails when Elasticsearch refused a document; a removal of a missing document and a
	 * version conflict (the index has a newer save) are what was wanted anyway.
	 */
	static Mono<Void> failOnItemErrors(BulkResponse response) {
		if (!response.errors()) {
			return Mono.empty();
		}
		List<String> reasons = new ArrayList<>();
		response.items()
			.stream()
			.filter((item) -> item.error() != null && item.status() != 404 && item.status() != 409)
			.forEach((item) -> reasons.add(item.id() + ": " + item.error().reason()));
		return reasons.isEmpty() ? Mono.empty() : Mono
			.error(new IllegalStateException("Elasticsearch refused " + reasons.size() + " firms: " + reasons));
	}

	/** Every discoverable firm into the given index, in batches (a rebuild). */
	Mono<Void> indexAll(String target) {
		return this.profiles.allIds()
			.buffer(500)
			.concatMap((batch) -> this.profiles.findAll(batch).collectList().flatMap((stored) -> {
				BulkRequest.Builder request = new BulkRequest.Builder().index(target);
				stored.stream()
					.filter((profile) -> profile.profile().discoverable())
					.forEach((profile) -> request.operations(this.index.indexOperation(profile)));
				BulkRequest built = request.build();
				return built.operations().isEmpty() ? Mono.empty()
						: Mono.fromFuture(() -> this.client.bulk(built)).flatMap(FirmProfileIndexer::failOnItemErrors);
			}))
			.then();
	}

}
