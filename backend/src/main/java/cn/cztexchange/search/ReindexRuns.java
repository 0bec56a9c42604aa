package cn.cztexchange.search;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.cztexchange.platform.DomainException;
import cn.cztexchange.platform.Ids;
import cn.cztexchange.platform.Sql;

/**
 * The rebuilds of the search index, kept in PostgreSQL: the lock that lets one run at a
 * time across all replicas (a partial unique index on the running one), its heartbeat,
 * and the progress that every replica shows.
 */
@Component
class ReindexRuns {

	private final DatabaseClient database;

	private final SearchProperties properties;

	private final Clock clock;

	ReindexRuns(DatabaseClient database, SearchProperties properties, Clock clock) {
		this.database = database;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Records a new running rebuild, after marking one whose replica stopped beating as
	 * abandoned; 409 while another is running.
	 */
	Mono<Progress> begin(Reason reason) {
		Instant now = this.clock.instant();
		UUID id = Ids.newId(this.clock);
		Mono<Long> abandon = this.database
			.sql("update search_reindex set state = 'FAILED', finished_at = :now, "
					+ "error = 'abandoned: the replica running it stopped' "
					+ "where state = 'RUNNING' and heartbeat_at < :stale")
			.bind("now", now)
			.bind("stale", now.minus(this.properties.reindexHeartbeatTimeout()))
			.fetch()
			.rowsUpdated();
		Mono<Long> insert = this.database
			.sql("insert into search_reindex (id, state, reason, started_at, heartbeat_at) "
					+ "values (:id, 'RUNNING', :reason, :now, :now)")
			.bind("id", id)
			.bind("reason", reason.name())
			.bind("now", now)
			.fetch()
			.rowsUpdated();
		return abandon.then(insert)
			.onErrorMap(DataIntegrityViolationException.class,
					(ex) -> DomainException.conflict("A reindex is already running."))
			.thenReturn(new Progress(id, "RUNNING", reason, null, 0, 0, now, null, null));
	}

	/** Progress, which is also the heartbeat. */
	Mono<Void> update(UUID id, String index, long total, long done) {
		return this.database
			.sql("update search_reindex set index_name = :index, total = :total, done = :done, heartbeat_at = :now "
					+ "where id = :id and state = 'RUNNING'")
			.bind("index", index)
			.bind("total", total)
			.bind("done", done)
			.bind("now", this.clock.instant())
			.bind("id", id)
			.then();
	}

	/** A sign of life while a long step runs. */
	Mono<Void> beat(UUID id) {
		return this.database.sql("update search_reindex set heartbeat_at = :now where id = :id and state = 'RUNNING'")
			.bind("now", this.clock.instant())
			.bind("id", id)
			.then();
	}

	Mono<Void> finish(UUID id, String error) {
		return Sql
			.bind(this.database
				.sql("update search_reindex set state = :state, finished_at = :now, error = :error where id = :id")
				.bind("state", (error != null) ? "FAILED" : "DONE")
				.bind("now", this.clock.instant())
				.bind("id", id), "error", error, String.class)
			.then();
	}

	/** The latest rebuild, running or not; empty when there was none. */
	Mono<Progress> latest() {
		return this.database
			.sql("select id, state, reason, index_name, total, done, started_at, finished_at, error "
					+ "from search_reindex order by started_at desc limit 1")
			.map((row) -> new Progress(row.get("id", UUID.class), row.get("state", String.class),
					Reason.valueOf(row.get("reason", String.class)), row.get("index_name", String.class),
					row.get("total", Long.class), row.get("done", Long.class), row.get("started_at", Instant.class),
					row.get("finished_at", Instant.class), row.get("error", String.class)))
			.one();
	}

	/** Why a rebuild ran. */
	enum Reason {

		/** An admin asked for it. */
		ADMIN,
		/** The command line ({@code --app.command=reindex}). */
		COMMAND,
		/** A replica started with a newer mapping than the index has. */
		MAPPING_CHANGED

	}

	/**
	 * A rebuild's state.
	 *
	 * @param id the rebuild
	 * @param state RUNNING, DONE or FAILED
	 * @param reason why it ran
	 * @param index the index being built
	 * @param total the published entries to index
	 * @param done how many are indexed so far
	 * @param startedAt when it started
	 * @param finishedAt when it ended
	 * @param error why it failed
	 */
	record Progress(UUID id, String state, Reason reason, String index, long total, long done, Instant startedAt,
			Instant finishedAt, String error) {
	}

}
