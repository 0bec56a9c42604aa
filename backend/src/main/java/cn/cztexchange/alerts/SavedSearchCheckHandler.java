package cn.cztexchange.alerts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import cn.cztexchange.alerts.SavedSearchRepository.Candidate;
import cn.cztexchange.alerts.SavedSearchRepository.Hit;
import cn.cztexchange.catalog.CatalogReader;
import cn.cztexchange.catalog.CatalogReader.PublishedContent;
import cn.cztexchange.identity.UserDirectory;
import cn.cztexchange.identity.UserDirectory.UserContact;
import cn.cztexchange.notification.Notice;
import cn.cztexchange.notification.Notices;
import cn.cztexchange.platform.InvalidRequestException;
import cn.cztexchange.platform.OutboxHandler;
import cn.cztexchange.platform.OutboxRow;
import cn.cztexchange.search.SavedQueries;
import cn.cztexchange.search.SavedQuery;

/**
 * Matches entries that have just become searchable against the saved searches, records
 * the hits and tells each owner in the app, all in the transaction that claimed the
 * outbox rows ({@link NewEntriesListener} appends them). One round, whatever the number
 * of entries and saved searches, costs:
 * <ul>
 * <li>per {@value #CANDIDATES_PER_PAGE} saved searches that can find the entries' kinds
 * (chosen in SQL by their kinds): one read of them, and one {@code _msearch} request per
 * {@code SavedQueries.SEARCHES_PER_REQUEST} of them (and per
 * {@code SavedQueries.ENTRIES_PER_SEARCH} entries), each search looking only among the
 * new entries;</li>
 * <li>one Elasticsearch search to make sure the entries are searchable (plus a refresh
 * and a second search when a backlog's bulk requests have not been refreshed yet);</li>
 * <li>one insert of all new hits ({@code on conflict do nothing}, so that an entry
 * re-indexed after an edit alerts nobody again), one read of the owners' languages, one
 * read of the titles listed, and one outbox row of notices (one notice per saved search
 * with new hits).</li>
 * </ul>
 * No query runs per saved search or per entry, and an indexed batch that no saved search
 * can find costs one read.
 */
@Component
class SavedSearchCheckHandler implements OutboxHandler {

	/** The outbox topic of indexed batches waiting to be matched. */
	static final String TOPIC = "saved-search-check";

	/** Saved searches read and matched at a time. */
	static final int CANDIDATES_PER_PAGE = 500;

	private static final Log log = LogFactory.getLog(SavedSearchCheckHandler.class);

	private final SavedSearchRepository searches;

	private final SavedQueries savedQueries;

	private final CatalogReader catalog;

	private final UserDirectory users;

	private final Notices notices;

	private final JsonMapper json;

	private final AlertsProperties properties;

	private final Clock clock;

	SavedSearchCheckHandler(SavedSearchRepository searches, SavedQueries savedQueries, CatalogReader catalog,
			UserDirectory users, Notices notices, JsonMapper json, AlertsProperties properties, Clock clock) {
		this.searches = searches;
		this.savedQueries = savedQueries;
		this.catalog = catalog;
		this.users = users;
		this.notices = notices;
		this.json = json;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public String topic() {
		return TOPIC;
	}

	/** Each row is one bulk request of the indexer: up to its batch size of entries. */
	@Override
	public int batchSize() {
		return 10;
	}

	@Override
	public Mono<Void> handle(List<OutboxRow> rows) {
		Map<UUID, String> entries = new LinkedHashMap<>();
		for (OutboxRow row : rows) {
			this.json.readValue(row.payload(), Payload.class)
				.entries()
				.forEach((entry) -> entries.put(entry.id(), entry.kind()));
		}
		if (!this.properties.enabled() || entries.isEmpty()) {
			return Mono.empty();
		}
		Set<String> kinds = new TreeSet<>(entries.values());
		return this.searches.candidates(kinds, null, CANDIDATES_PER_PAGE)
			.filter((first) -> !first.isEmpty())
			.flatMap((first) -> this.savedQueries.searchable(entries.keySet())
				.filter((searchable) -> !searchable.isEmpty())
				.flatMap(
						(searchable) -> pages(first, kinds).concatMap((page) -> match(page, searchable)).collectList()))
			.flatMap((found) -> record(found, rows.get(0).key()));
	}

	/** The candidates, page after page, from the first. */
	private Flux<List<Candidate>> pages(List<Candidate> first, Set<String> kinds) {
		return Mono.just(first)
			.expand((page) -> (page.size() == CANDIDATES_PER_PAGE)
					? this.searches.candidates(kinds, page.get(page.size() - 1).id(), CANDIDATES_PER_PAGE)
					: Mono.empty());
	}

	/** Which of the entries each saved search of the page finds. */
	private Flux<Found> match(List<Candidate> page, Set<UUID> entryIds) {
		Map<UUID, Candidate> byId = new LinkedHashMap<>();
		Map<UUID, SavedQuery> queries = new LinkedHashMap<>();
		for (Candidate candidate : page) {
			try {
				queries.put(candidate.id(), SavedQueries.parse(candidate.query(), "query"));
				byId.put(candidate.id(), candidate);
			}
			catch (InvalidRequestException ex) {
				// Saved by an earlier version whose search took it (a filter value since
				// removed): it can no longer find anything; its owner still sees it.
				log.warn("Saved search " + candidate.id() + " no longer reads as a search and was skipped: "
						+ ex.getBody().getProperties());
			}
		}
		return this.savedQueries.matching(queries, entryIds)
			.flatMapIterable((matches) -> matches.entrySet()
				.stream()
				.flatMap((match) -> match.getValue()
					.stream()
					.map((entryId) -> new Found(byId.get(match.getKey()), entryId)))
				.toList());
	}

	/**
	 * Records the hits, and queues one notice per saved search that has new ones (an
	 * entry found before, re-indexed after an edit, is not new).
	 */
	private Mono<Void> record(List<Found> found, String key) {
		if (found.isEmpty()) {
			return Mono.empty();
		}
		Map<UUID, Candidate> candidates = new LinkedHashMap<>();
		found.forEach((hit) -> candidates.put(hit.search().id(), hit.search()));
		List<Hit.Pair> pairs = found.stream().map((hit) -> new Hit.Pair(hit.search().id(), hit.entryId())).toList();
		return this.searches.insertHits(pairs, this.clock.instant()).collectList().flatMap((inserted) -> {
			if (inserted.isEmpty()) {
				return Mono.empty();
			}
			Map<UUID, List<UUID>> newHits = new LinkedHashMap<>();
			inserted.forEach((pair) -> newHits.computeIfAbsent(pair.savedSearchId(), (id) -> new ArrayList<>())
				.add(pair.entryId()));
			Set<UUID> owners = new LinkedHashSet<>();
			Set<UUID> shown = new LinkedHashSet<>();
			newHits.forEach((id, entryIds) -> {
				owners.add(candidates.get(id).userId());
				shown.addAll(entryIds.subList(0, Math.min(AlertNotices.TITLES_IN_NOTICE, entryIds.size())));
			});
			// One query after the other: they share the transaction's connection.
			return this.users.contacts(owners)
				.flatMap((contacts) -> this.catalog.publishedContents(shown)
					.collectMap(PublishedContent::id, Function.identity())
					.flatMap((published) -> this.notices.announce(key,
							notices(newHits, candidates, contacts, published))));
		});
	}

	private static List<Notice> notices(Map<UUID, List<UUID>> newHits, Map<UUID, Candidate> candidates,
			Map<UUID, UserContact> owners, Map<UUID, PublishedContent> published) {
		List<Notice> notices = new ArrayList<>();
		newHits.forEach((id, entryIds) -> {
			Candidate search = candidates.get(id);
			UserContact owner = owners.get(search.userId());
			// An owner deleted meanwhile is nobody to tell.
			if (owner != null) {
				List<PublishedContent> shown = entryIds.stream()
					.limit(AlertNotices.TITLES_IN_NOTICE)
					.map(published::get)
					.filter(Objects::nonNull)
					.toList();
				notices.add(AlertNotices.hits(search, entryIds.size(), shown, owner.locale()));
			}
		});
		return notices;
	}

	/**
	 * @param search a saved search
	 * @param entryId an entry it finds
	 */
	private record Found(Candidate search, UUID entryId) {
	}

	/**
	 * An outbox row's payload: the entries of one bulk request that became searchable.
	 *
	 * @param entries the entries
	 */
	record Payload(List<Entry> entries) {

		/**
		 * @param id the entry
		 * @param kind its kind's name (read as text, so that a kind that a newer replica
		 * knows cannot make this one fail the batch)
		 */
		record Entry(UUID id, String kind) {
		}

	}

}
