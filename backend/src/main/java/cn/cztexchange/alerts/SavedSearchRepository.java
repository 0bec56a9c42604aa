package cn.cztexchange.alerts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.cztexchange.platform.Sql;

/** Saved searches and their hits. */
@Repository
class SavedSearchRepository {

	/**
	 * Advisory lock namespaces (the first key of the two-key locks): a user's saved
	 * searches while one is added, and a user's digest while it is sent.
	 */
	private static final int SAVING_LOCK = 1301;

	private static final int DIGEST_LOCK = 1302;

	/** Smaller than every other id: where paging by id starts. */
	private static final UUID FIRST = new UUID(0, 0);

	private final DatabaseClient database;

	SavedSearchRepository(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Makes the user's other additions wait until this transaction ends, so that two at
	 * once cannot both pass the limit or both save the same search.
	 */
	Mono<Void> lockSaving(UUID userId) {
		return this.database.sql("select pg_advisory_xact_lock(:namespace, hashtext(cast(:user as text)))")
			.bind("namespace", SAVING_LOCK)
			.bind("user", userId)
			.then();
	}

	Mono<Long> countOf(UUID userId) {
		return this.database.sql("select count(*) from saved_searches where user_id = :user")
			.bind("user", userId)
			.map((row) -> row.get(0, Long.class))
			.one();
	}

	Mono<SavedSearch> findByQuery(UUID userId, String query) {
		return this.database.sql("select * from saved_searches where user_id = :user and query = :query")
			.bind("user", userId)
			.bind("query", query)
			.map(SavedSearchRepository::savedSearch)
			.one();
	}

	Mono<Void> insert(SavedSearch search, List<String> kinds) {
		return Sql.bind(
				this.database
					.sql("insert into saved_searches (id, user_id, name, query, kinds, email_digest, "
							+ "created_at) values (:id, :user, :name, :query, :kinds, :digest, :created)")
					.bind("id", search.id())
					.bind("user", search.userId())
					.bind("name", search.name())
					.bind("query", search.query())
					.bind("digest", search.emailDigest())
					.bind("created", search.createdAt()),
				"kinds", kinds.isEmpty() ? null : kinds.toArray(String[]::new), String[].class)
			.then();
	}

	/** The user's saved searches, newest first, each with its count of hits. */
	Flux<Listed> ofUser(UUID userId) {
		return this.database
			.sql("select s.*, count(h.entry_id) as hit_count, max(h.found_at) as last_hit_at from saved_searches s "
					+ "left join saved_search_hits h on h.saved_search_id = s.id where s.user_id = :user "
					+ "group by s.id order by s.created_at desc, s.id")
			.bind("user", userId)
			.map((row) -> new Listed(savedSearch(row), row.get("hit_count", Long.class),
					row.get("last_hit_at", Instant.class)))
			.all()
			.as(Sql::whole);
	}

	/** One of the user's saved searches, with its count of hits; empty if not theirs. */
	Mono<Listed> findOwned(UUID id, UUID userId) {
		return this.database
			.sql("select s.*, count(h.entry_id) as hit_count, max(h.found_at) as last_hit_at from saved_searches s "
					+ "left join saved_search_hits h on h.saved_search_id = s.id where s.id = :id and s.user_id = :user "
					+ "group by s.id")
			.bind("id", id)
			.bind("user", userId)
			.map((row) -> new Listed(savedSearch(row), row.get("hit_count", Long.class),
					row.get("last_hit_at", Instant.class)))
			.one();
	}

	/**
	 * Renames the user's saved search and turns its digest on or off; answers whether it
	 * was theirs. Turning the digest off settles the hits it had not mailed yet, so that
	 * turning it on again later mails only what is found from then on.
	 */
	Mono<Boolean> update(UUID id, UUID userId, String name, boolean emailDigest, Instant now) {
		Mono<Long> updated = this.database
			.sql("update saved_searches set name = :name, email_digest = :digest where id = :id and user_id = :user")
			.bind("name", name)
			.bind("digest", emailDigest)
			.bind("id", id)
			.bind("user", userId)
			.fetch()
			.rowsUpdated();
		Mono<Void> settle = emailDigest ? Mono.empty() : this.database
			.sql("update saved_search_hits set digested_at = :now where saved_search_id = :id and digested_at is null")
			.bind("now", now)
			.bind("id", id)
			.then();
		return updated.flatMap((count) -> (count == 0) ? Mono.just(false) : settle.thenReturn(true));
	}

	/** Deletes the user's saved search with its hits; answers whether it was theirs. */
	Mono<Boolean> delete(UUID id, UUID userId) {
		return this.database.sql("delete from saved_searches where id = :id and user_id = :user")
			.bind("id", id)
			.bind("user", userId)
			.fetch()
			.rowsUpdated()
			.map((count) -> count > 0);
	}

	/** A page of a saved search's hits, newest first. */
	Flux<Hit> hits(UUID savedSearchId, int page, int size) {
		return this.database
			.sql("select entry_id, found_at from saved_search_hits where saved_search_id = :id "
					+ "order by found_at desc, entry_id limit :limit offset :offset")
			.bind("id", savedSearchId)
			.bind("limit", size)
			.bind("offset", (long) page * size)
			.map((row) -> new Hit(row.get("entry_id", UUID.class), row.get("found_at", Instant.class)))
			.all()
			.as(Sql::whole);
	}

	/**
	 * A page of the saved searches that can find entries of these kinds (limited to one
	 * of them, or to none), in id order after {@code after} (null: from the first).
	 */
	Mono<List<Candidate>> candidates(Collection<String> kinds, UUID after, int limit) {
		return this.database.sql("select id, user_id, name, query from saved_searches "
				+ "where (kinds is null or kinds && cast(:kinds as text[])) and id > :after order by id limit :limit")
			.bind("kinds", kinds.toArray(String[]::new))
			.bind("after", (after != null) ? after : FIRST)
			.bind("limit", limit)
			.map((row) -> new Candidate(row.get("id", UUID.class), row.get("user_id", UUID.class),
					row.get("name", String.class), row.get("query", String.class)))
			.all()
			.collectList();
	}

	/**
	 * Records hits, each pair once: answers the pairs that were new (an entry re-indexed
	 * after an edit is found again, but recorded, and so alerted, only the first time).
	 * Hits of saved searches without digest are born digested; pairs whose saved search
	 * was deleted meanwhile are dropped.
	 */
	Flux<Hit.Pair> insertHits(List<Hit.Pair> pairs, Instant now) {
		if (pairs.isEmpty()) {
			return Flux.empty();
		}
		return this.database
			.sql("insert into saved_search_hits (saved_search_id, entry_id, found_at, digested_at) "
					+ "select h.saved_search_id, h.entry_id, :now, case when s.email_digest then null else "
					+ "cast(:now as timestamptz) end from unnest(cast(:searches as uuid[]), cast(:entries as uuid[])) "
					+ "as h(saved_search_id, entry_id) join saved_searches s on s.id = h.saved_search_id "
					+ "on conflict do nothing returning saved_search_id, entry_id")
			.bind("now", now)
			.bind("searches", pairs.stream().map(Hit.Pair::savedSearchId).toArray(UUID[]::new))
			.bind("entries", pairs.stream().map(Hit.Pair::entryId).toArray(UUID[]::new))
			.map((row) -> new Hit.Pair(row.get("saved_search_id", UUID.class), row.get("entry_id", UUID.class)))
			.all()
			.as(Sql::whole);
	}

	/**
	 * A page of the users who have hits waiting for their digest, in id order after
	 * {@code after} (null: from the first).
	 */
	Mono<List<UUID>> digestRecipients(UUID after, int limit) {
		return this.database
			.sql("select distinct s.user_id from saved_searches s join saved_search_hits h on h.saved_search_id = s.id "
					+ "where s.email_digest and h.digested_at is null and s.user_id > :after order by s.user_id "
					+ "limit :limit")
			.bind("after", (after != null) ? after : FIRST)
			.bind("limit", limit)
			.map((row) -> row.get(0, UUID.class))
			.all()
			.collectList();
	}

	/**
	 * Takes the digest of each of these users whom no other replica is digesting now
	 * (until this transaction ends), and answers them: one replica sends a user's whole
	 * digest, so that nobody gets it in halves.
	 */
	Mono<List<UUID>> lockDigests(List<UUID> userIds) {
		return this.database
			.sql("select u from unnest(cast(:users as uuid[])) as u "
					+ "where pg_try_advisory_xact_lock(:namespace, hashtext(cast(u as text)))")
			.bind("users", userIds.toArray(UUID[]::new))
			.bind("namespace", DIGEST_LOCK)
			.map((row) -> row.get(0, UUID.class))
			.all()
			.collectList();
	}

	/**
	 * Claims the hits waiting for these users' digests ({@code FOR UPDATE SKIP LOCKED}):
	 * by user, saved search and newest first.
	 */
	Mono<List<Pending>> claimDigests(List<UUID> userIds) {
		return this.database
			.sql("select s.user_id, s.id, s.name, h.entry_id from saved_search_hits h "
					+ "join saved_searches s on s.id = h.saved_search_id "
					+ "where s.user_id = any(cast(:users as uuid[])) and s.email_digest and h.digested_at is null "
					+ "order by s.user_id, s.created_at, s.id, h.found_at desc, h.entry_id for update of h skip locked")
			.bind("users", userIds.toArray(UUID[]::new))
			.map((row) -> new Pending(row.get("user_id", UUID.class), row.get("id", UUID.class),
					row.get("name", String.class), row.get("entry_id", UUID.class)))
			.all()
			.collectList();
	}

	Mono<Void> markDigested(List<Pending> pending, Instant now) {
		if (pending.isEmpty()) {
			return Mono.empty();
		}
		return this.database
			.sql("update saved_search_hits h set digested_at = :now from unnest(cast(:searches as uuid[]), "
					+ "cast(:entries as uuid[])) as d(saved_search_id, entry_id) "
					+ "where h.saved_search_id = d.saved_search_id and h.entry_id = d.entry_id")
			.bind("now", now)
			.bind("searches", pending.stream().map(Pending::savedSearchId).toArray(UUID[]::new))
			.bind("entries", pending.stream().map(Pending::entryId).toArray(UUID[]::new))
			.then();
	}

	private static SavedSearch savedSearch(Readable row) {
		return new SavedSearch(row.get("id", UUID.class), row.get("user_id", UUID.class), row.get("name", String.class),
				row.get("query", String.class), row.get("email_digest", Boolean.class),
				row.get("created_at", Instant.class));
	}

	/**
	 * A saved search as its owner's list shows it.
	 *
	 * @param search the saved search
	 * @param hitCount how many entries it has found
	 * @param lastHitAt when it last found one, or null
	 */
	record Listed(SavedSearch search, long hitCount, Instant lastHitAt) {
	}

	/**
	 * An entry a saved search found.
	 *
	 * @param entryId the entry
	 * @param foundAt when
	 */
	record Hit(UUID entryId, Instant foundAt) {

		/**
		 * @param savedSearchId the saved search
		 * @param entryId the entry it found
		 */
		record Pair(UUID savedSearchId, UUID entryId) {
		}

	}

	/**
	 * A saved search that may find entries of a batch.
	 *
	 * @param id the saved search
	 * @param userId its owner
	 * @param name its name
	 * @param query its canonical query string
	 */
	record Candidate(UUID id, UUID userId, String name, String query) {
	}

	/**
	 * A hit waiting for its user's digest.
	 *
	 * @param userId the owner of the saved search
	 * @param savedSearchId the saved search
	 * @param name its name
	 * @param entryId the entry it found
	 */
	record Pending(UUID userId, UUID savedSearchId, String name, UUID entryId) {
	}

}
