package cn.cztexchange.catalog;

import java.time.Instant;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import cn.cztexchange.platform.Sql;
import cn.cztexchange.text.AnalysedText;

@Repository
class CatalogEntryRepository {

	private final DatabaseClient database;

	private final JsonMapper json;

	CatalogEntryRepository(DatabaseClient database, JsonMapper json) {
		this.database = database;
		this.json = json;
	}

	Mono<Void> insert(CatalogEntry entry) {
		return bindState(this.database.sql("insert into catalog_entries (id, kind, owner_organisation_id, status, "
				+ "review, draft, published, rejection_reason, created_by, created_at, updated_at, submitted_at, "
				+ "published_at, version, published_text) values (:id, :kind, :owner, :status, :review, :draft, :published, "
				+ ":reason, :createdBy, :createdAt, :updatedAt, :submittedAt, :publishedAt, :version, :publishedText)"),
				entry)
			.bind("kind", entry.kind().name())
			.bind("owner", entry.ownerOrganisationId())
			.bind("createdBy", entry.createdBy())
			.bind("createdAt", entry.createdAt())
			.then();
	}

	/** Inserts the entry unless one with its id exists; tells which happened. */
	Mono<Boolean> insertIfAbsent(CatalogEntry entry) {
		return bindState(this.database.sql("insert into catalog_entries (id, kind, owner_organisation_id, status, "
				+ "review, draft, published, rejection_reason, created_by, created_at, updated_at, submitted_at, "
				+ "published_at, version, published_text) values (:id, :kind, :owner, :status, :review, :draft, :published, "
				+ ":reason, :createdBy, :createdAt, :updatedAt, :submittedAt, :publishedAt, :version, :publishedText) on conflict (id) do nothing"),
				entry)
			.bind("kind", entry.kind().name())
			.bind("owner", entry.ownerOrganisationId())
			.bind("createdBy", entry.createdBy())
			.bind("createdAt", entry.createdAt())
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows == 1);
	}

	/**
	 * Writes the entry if nobody else changed it since {@code expectedVersion} was read;
	 * tells whether it did.
	 */
	Mono<Boolean> update(CatalogEntry entry, int expectedVersion) {
		return bindState(
				this.database.sql("update catalog_entries set status = :status, review = :review, draft = :draft, "
						+ "published = :published, rejection_reason = :reason, updated_at = :updatedAt, "
						+ "submitted_at = :submittedAt, published_at = :publishedAt, version = :version, "
						+ "published_text = :publishedText " + "where id = :id and version = :expected"),
				entry)
			.bind("expected", expectedVersion)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows == 1);
	}

	/**
	 * Published entries in id order, a batch after the given id (null: from the start).
	 */
	Flux<PublishedRow> publishedAfter(UUID after, int limit) {
		return Sql.bind(
				this.database.sql("select " + PUBLISHED_ONLY + " from catalog_entries where status = 'PUBLISHED' "
						+ "and (cast(:after as uuid) is null or id > :after) order by id limit :limit"),
				"after", after, UUID.class)
			.bind("limit", limit)
			.map(this::mapPublishedRow)
			.all();
	}

	/**
	 * These entries without their working copy (see {@link #PUBLISHED_ONLY}), in no
	 * particular order.
	 */
	Flux<PublishedRow> findPublishedParts(UUID[] ids) {
		return this.database.sql("select " + PUBLISHED_ONLY + " from catalog_entries where id = any(:ids)")
			.bind("ids", ids)
			.map(this::mapPublishedRow)
			.all();
	}

	Mono<Long> countPublished() {
		return this.database.sql("select count(*) from catalog_entries where status = 'PUBLISHED'")
			.map((row) -> row.get(0, Long.class))
			.one();
	}

	/** Entries changed since the given time, in whatever status. */
	Flux<UUID> changedSince(Instant since) {
		return this.database.sql("select id from catalog_entries where updated_at >= :since")
			.bind("since", since)
			.map((row) -> row.get(0, UUID.class))
			.all();
	}

	Mono<CatalogEntry> findById(UUID id) {
		return this.database.sql("select * from catalog_entries where id = :id").bind("id", id).map(this::map).one();
	}

	/**
	 * Locks the entry's row until the transaction ends, so that concurrent changes to
	 * what belongs to it (its images) happen one after the other; empty when it does not
	 * exist.
	 */
	Mono<UUID> lock(UUID id) {
		return this.database.sql("select id from catalog_entries where id = :id for update")
			.bind("id", id)
			.map((row) -> row.get(0, UUID.class))
			.one();
	}

	Flux<CatalogEntry> findByOwner(UUID organisationId, int page, int size) {
		return this.database
			.sql("select * from catalog_entries where owner_organisation_id = :owner order by updated_at desc, id "
					+ "limit :limit offset :offset")
			.bind("owner", organisationId)
			.bind("limit", size)
			.bind("offset", (long) page * size)
			.map(this::map)
			.all();
	}

	Mono<Long> countByOwner(UUID organisationId) {
		return this.database.sql("select count(*) from catalog_entries where owner_organisation_id = :owner")
			.bind("owner", organisationId)
			.map((row) -> row.get(0, Long.class))
			.one();
	}

	/** Entries waiting for an admin, oldest submission first. */
	Flux<CatalogEntry> pendingReview(int page, int size) {
		return this.database.sql(
				"select * from catalog_entries where review = 'PENDING' order by submitted_at, id limit :limit offset :offset")
			.bind("limit", size)
			.bind("offset", (long) page * size)
			.map(this::map)
			.all();
	}

	Mono<Long> countPendingReview() {
		return this.database.sql("select count(*) from catalog_entries where review = 'PENDING'")
			.map((row) -> row.get(0, Long.class))
			.one();
	}

	/** Binds what changes over an entry's life; the insert adds what never changes. */
	private GenericExecuteSpec bindState(GenericExecuteSpec spec, CatalogEntry entry) {
		spec = spec.bind("id", entry.id())
			.bind("status", entry.status().name())
			.bind("review", entry.review().name())
			.bind("draft", Json.of(this.json.writeValueAsString(entry.draft())))
			.bind("updatedAt", entry.updatedAt())
			.bind("version", entry.version());
		spec = Sql.bind(spec, "published",
				(entry.published() != null) ? Json.of(this.json.writeValueAsString(entry.published())) : null,
				Json.class);
		// Analysed on every write of a published entry, though a draft edit leaves it
		// unchanged: a few tens of microseconds, and never stale.
		spec = Sql.bind(spec, "publishedText", (entry.published() != null)
				? Json.of(this.json.writeValueAsString(entry.published().analyseText())) : null, Json.class);
		spec = Sql.bind(spec, "reason", entry.rejectionReason(), String.class);
		spec = Sql.bind(spec, "submittedAt", entry.submittedAt(), Instant.class);
		return Sql.bind(spec, "publishedAt", entry.publishedAt(), Instant.class);
	}

	/**
	 * Every column but the working copy, which comes back null: what the search index
	 * reads, in bulk, and need not parse twice (infra/bench).
	 */
	private static final String PUBLISHED_ONLY = "id, kind, owner_organisation_id, status, review, "
			+ "null::jsonb as draft, published, rejection_reason, created_by, created_at, updated_at, submitted_at, "
			+ "published_at, version, published_text";

	private CatalogEntry map(Readable row) {
		return new CatalogEntry(row.get("id", UUID.class), ResourceKind.valueOf(row.get("kind", String.class)),
				row.get("owner_organisation_id", UUID.class), EntryStatus.valueOf(row.get("status", String.class)),
				ReviewState.valueOf(row.get("review", String.class)), content(row.get("draft", Json.class)),
				content(row.get("published", Json.class)), row.get("rejection_reason", String.class),
				row.get("created_by", UUID.class), row.get("created_at", Instant.class),
				row.get("updated_at", Instant.class), row.get("submitted_at", Instant.class),
				row.get("published_at", Instant.class), row.get("version", Integer.class));
	}

	private PublishedRow mapPublishedRow(Readable row) {
		Json text = row.get("published_text", Json.class);
		return new PublishedRow(map(row),
				(text != null) ? this.json.readValue(text.asString(), AnalysedText.class) : null);
	}

	private EntryContent content(Json json) {
		return (json != null) ? this.json.readValue(json.asString(), EntryContent.class) : null;
	}

	/**
	 * An entry read for the search index, with its published content's analysed text
	 * (null when it has none stored).
	 */
	record PublishedRow(CatalogEntry entry, AnalysedText text) {
	}

}
