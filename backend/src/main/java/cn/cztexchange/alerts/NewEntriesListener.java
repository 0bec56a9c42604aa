package cn.cztexchange.alerts;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.cztexchange.platform.Outbox;
import cn.cztexchange.search.IndexedEntriesListener;

/**
 * Hears from the indexer which entries have just become searchable, and leaves the
 * matching against saved searches to {@link SavedSearchCheckHandler}: inside the
 * indexer's transaction it only appends one outbox row per bulk request, so that alerts
 * never slow indexing down or make it fail.
 */
@Component
class NewEntriesListener implements IndexedEntriesListener {

	private final Outbox outbox;

	private final AlertsProperties properties;

	NewEntriesListener(Outbox outbox, AlertsProperties properties) {
		this.outbox = outbox;
		this.properties = properties;
	}

	@Override
	public Mono<Void> indexed(List<IndexedEntry> entries) {
		if (!this.properties.enabled()) {
			return Mono.empty();
		}
		// Removals alert nobody, and the hits they leave stay (an entry alerts a saved
		// search once, even if it is withdrawn and published again).
		List<Map<String, String>> published = entries.stream()
			.filter((entry) -> entry.published() && entry.kind() != null)
			.map((entry) -> Map.of("id", entry.id().toString(), "kind", entry.kind().name()))
			.toList();
		if (published.isEmpty()) {
			return Mono.empty();
		}
		return this.outbox.append(SavedSearchCheckHandler.TOPIC, published.get(0).get("id"),
				Map.of("entries", published));
	}

}
