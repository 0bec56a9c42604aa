package cn.cztexchange.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import cn.cztexchange.platform.Sql;

/**
 * The imports' progress. Every change but the insert applies only while the import is
 * RUNNING, so that an import once finished (or found dead) never changes again.
 */
@Repository
class CatalogImportRepository {

	private static final TypeReference<List<ImportJob.RowError>> ERRORS = new TypeReference<>() {
	};

	private static final TypeReference<List<UUID>> IDS = new TypeReference<>() {
	};

	private final DatabaseClient database;

	private final JsonMapper json;

	CatalogImportRepository(DatabaseClient database, JsonMapper json) {
		this.database = database;
		this.json = json;
	}

	Mono<Void> insert(ImportJob job, UUID createdBy) {
		return this.database
			.sql("insert into catalog_import (id, organisation_id, kind, file_name, dry_run, submit_for_review, status, "
					+ "phase, total_rows, processed_rows, created_count, error_count, errors, created_by, created_at, "
					+ "updated_at) values (:id, :organisation, :kind, :fileName, :dryRun, :submit, :status, :phase, "
					+ ":total, 0, 0, 0, '[]'::jsonb, :createdBy, :createdAt, :createdAt)")
			.bind("id", job.id())
			.bind("organisation", job.organisationId())
			.bind("kind", job.kind().name())
			.bind("fileName", job.fileName())
			.bind("dryRun", job.dryRun())
			.bind("submit", job.submitForReview())
			.bind("status", job.status().name())
			.bind("phase", job.phase().name())
			.bind("total", job.totalRows())
			.bind("createdBy", createdBy)
			.bind("createdAt", job.createdAt())
			.then();
	}

	Mono<Void> progress(UUID id, ImportJob.Phase phase, int processedRows, Instant now) {
		return this.database
			.sql("update catalog_import set phase = :phase, processed_rows = :processed, updated_at = :now "
					+ "where id = :id and status = 'RUNNING'")
			.bind("id", id)
			.bind("phase", phase.name())
			.bind("processed", processedRows)
			.bind("now", now)
			.then();
	}

	/** Ends the import; tells whether it was still running. */
	Mono<Boolean> finish(UUID id, ImportJob.Status status, int processedRows, int createdCount, int errorCount,
			List<ImportJob.RowError> errors, List<UUID> createdEntryIds, Instant now) {
		return Sql
			.bind(this.database
				.sql("update catalog_import set status = :status, phase = 'DONE', processed_rows = :processed, "
						+ "created_count = :created, error_count = :errorCount, errors = :errors, "
						+ "created_entry_ids = :ids, updated_at = :now, finished_at = :now "
						+ "where id = :id and status = 'RUNNING'")
				.bind("id", id)
				.bind("status", status.name())
				.bind("processed", processedRows)
				.bind("created", createdCount)
				.bind("errorCount", errorCount)
				.bind("errors", Json.of(this.json.writeValueAsString(errors)))
				.bind("now", now), "ids",
					(createdEntryIds != null) ? Json.of(this.json.writeValueAsString(createdEntryIds)) : null,
					Json.class)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows == 1);
	}

	/**
	 * Fails the running imports (or the one given) whose progress has not moved since
	 * {@code cutoff}: their server died.
	 */
	Mono<Long> failStale(UUID id, Instant cutoff, ImportJob.RowError error, Instant now) {
		return Sql.bind(this.database.sql("update catalog_import set status = 'FAILED', phase = 'DONE', "
				+ "error_count = error_count + 1, errors = errors || :errors, updated_at = :now, finished_at = :now "
				+ "where status = 'RUNNING' and updated_at < :cutoff and (cast(:id as uuid) is null or id = :id)"),
				"id", id, UUID.class)
			.bind("errors", Json.of(this.json.writeValueAsString(List.of(error))))
			.bind("cutoff", cutoff)
			.bind("now", now)
			.fetch()
			.rowsUpdated();
	}

	Mono<ImportJob> findById(UUID id) {
		return this.database.sql("select * from catalog_import where id = :id").bind("id", id).map(this::map).one();
	}

	private ImportJob map(Readable row) {
		Json ids = row.get("created_entry_ids", Json.class);
		return new ImportJob(row.get("id", UUID.class), row.get("organisation_id", UUID.class),
				ResourceKind.valueOf(row.get("kind", String.class)), row.get("file_name", String.class),
				row.get("dry_run", Boolean.class), row.get("submit_for_review", Boolean.class),
				ImportJob.Status.valueOf(row.get("status", String.class)),
				ImportJob.Phase.valueOf(row.get("phase", String.class)), row.get("total_rows", Integer.class),
				row.get("processed_rows", Integer.class), row.get("created_count", Integer.class),
				row.get("error_count", Integer.class),
				this.json.readValue(row.get("errors", Json.class).asString(), ERRORS),
				row.get("created_at", Instant.class), row.get("finished_at", Instant.class),
				(ids != null) ? this.json.readValue(ids.asString(), IDS) : null);
	}

}
