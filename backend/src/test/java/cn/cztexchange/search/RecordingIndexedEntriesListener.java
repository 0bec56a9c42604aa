package cn.cztexchange.search;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Only on the test classpath: remembers what the indexer told its listeners. */
@Component
public class RecordingIndexedEntriesListener implements IndexedEntriesListener {

	private final Queue<IndexedEntry> told = new ConcurrentLinkedQueue<>();

	@Override
	public Mono<Void> indexed(List<IndexedEntry> entries) {
		this.told.addAll(entries);
		return Mono.empty();
	}

	/** What it was told, oldest first. */
	public List<IndexedEntry> told() {
		return List.copyOf(this.told);
	}

}
