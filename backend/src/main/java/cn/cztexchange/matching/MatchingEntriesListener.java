package cn.cztexchange.matching;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.cztexchange.platform.Outbox;
import cn.cztexchange.search.IndexedEntriesListener;

/**
 * Hears from the catalogue indexer which entries became searchable or were removed, and
 * appends one {@value MatchingRefresh#TOPIC} row per batch for those that matching cares
 * about (financing entries, offerings, technology needs, and every removal, whose kind is
 * no longer known): cheap, inside the indexer's transaction; the work is the consumer's.
 */
@Component
class MatchingEntriesListener implements IndexedEntriesListener {

	/** The kinds whose entries take part in matching. */
	static final Set<String> MATCHED_KINDS = Set.of("FINANCING", "TECH_OFFERING", "TECH_NEED");

	private final Outbox outbox;

	MatchingEntriesListener(Outbox outbox) {
		this.outbox = outbox;
	}

	@Override
	public Mono<Void> indexed(List<IndexedEntry> entries) {
		List<IndexedEntry> relevant = entries.stream()
			.filter((entry) -> !entry.published()
					|| (entry.kind() != null && MATCHED_KINDS.contains(entry.kind().name())))
			.toList();
		if (relevant.isEmpty()) {
			return Mono.empty();
		}
		return this.outbox.append(MatchingRefresh.TOPIC, relevant.get(0).id(),
				MatchingRefresh.entriesIndexed(relevant));
	}

}
