package cn.cztexchange.booking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import cn.cztexchange.booking.BookingRules.WeeklyHours;
import cn.cztexchange.platform.Sql;

/** An instrument's booking rules, closures and qualified users. */
@Repository
class InstrumentSettingsRepository {

	private static final TypeReference<List<WeeklyHours>> WEEKLY_HOURS = new TypeReference<>() {
	};

	private final DatabaseClient database;

	private final JsonMapper json;

	InstrumentSettingsRepository(DatabaseClient database, JsonMapper json) {
		this.database = database;
		this.json = json;
	}

	/** The rules that apply to the instrument: its staff's, or the defaults. */
	Mono<BookingRules> rulesOrDefaults(Instruments.Instrument instrument) {
		return rules(instrument.id()).defaultIfEmpty(BookingRules.defaults(instrument.details()));
	}

	Mono<BookingRules> rules(UUID instrumentId) {
		return this.database.sql("select * from booking_rules where instrument_id = :id")
			.bind("id", instrumentId)
			.map(this::mapRules)
			.one();
	}

	/**
	 * Writes the rules if they are still at {@code expectedVersion} (null: never set);
	 * tells whether it did.
	 */
	Mono<Boolean> saveRules(UUID instrumentId, BookingRules rules, Integer expectedVersion, UUID by, Instant now) {
		String sql = (expectedVersion == null) ? "insert into booking_rules (instrument_id, weekly_hours, "
				+ "slot_minutes, min_minutes, max_minutes, min_notice_minutes, max_advance_days, buffer_minutes, "
				+ "quota_minutes_per_day, quota_minutes_per_week, quota_minutes_per_month, approval_required, "
				+ "training_required, cancellation_deadline_hours, no_show_grace_minutes, version, updated_at, "
				+ "updated_by) values (:id, :hours, :slot, :min, :max, :notice, :advance, :buffer, :day, :week, :month, "
				+ ":approval, :training, :deadline, :grace, 1, :now, :by) on conflict (instrument_id) do nothing"
				: "update booking_rules set weekly_hours = :hours, slot_minutes = :slot, min_minutes = :min, "
						+ "max_minutes = :max, min_notice_minutes = :notice, max_advance_days = :advance, "
						+ "buffer_minutes = :buffer, quota_minutes_per_day = :day, quota_minutes_per_week = :week, "
						+ "quota_minutes_per_month = :month, approval_required = :approval, "
						+ "training_required = :training, cancellation_deadline_hours = :deadline, "
						+ "no_show_grace_minutes = :grace, version = version + 1, updated_at = :now, updated_by = :by "
						+ "where instrument_id = :id and version = :expected";
		GenericExecuteSpec spec = this.database.sql(sql)
			.bind("id", instrumentId)
			.bind("hours", Json.of(this.json.writeValueAsString(rules.weeklyHours())))
			.bind("slot", rules.slotMinutes())
			.bind("min", rules.minMinutes())
			.bind("max", rules.maxMinutes())
			.bind("notice", rules.minNoticeMinutes())
			.bind("advance", rules.maxAdvanceDays())
			.bind("buffer", rules.bufferMinutes())
			.bind("approval", rules.approvalRequired())
			.bind("training", rules.trainingRequired())
			.bind("deadline", rules.cancellationDeadlineHours())
			.bind("grace", rules.noShowGraceMinutes())
			.bind("now", now)
			.bind("by", by);
		spec = Sql.bind(spec, "day", rules.quotaMinutesPerDay(), Integer.class);
		spec = Sql.bind(spec, "week", rules.quotaMinutesPerWeek(), Integer.class);
		spec = Sql.bind(spec, "month", rules.quotaMinutesPerMonth(), Integer.class);
		if (expectedVersion != null) {
			spec = spec.bind("expected", expectedVersion);
		}
		return spec.fetch().rowsUpdated().map((rows) -> rows == 1);
	}

	Flux<Closure> closures(UUID instrumentId, Interval range) {
		return this.database
			.sql("select id, lower(during) as s, upper(during) as e, kind, planned, reason from instrument_closures "
					+ "where instrument_id = :id and during && tstzrange(:from, :to) order by 2")
			.bind("id", instrumentId)
			.bind("from", range.start())
			.bind("to", range.end())
			.map((row) -> new Closure(row.get("id", UUID.class), row.get("s", Instant.class),
					row.get("e", Instant.class), Closure.Kind.valueOf(row.get("kind", String.class)),
					row.get("planned", Boolean.class), row.get("reason", String.class)))
			.all()
			.as(Sql::whole);
	}

	Mono<Void> insertClosure(UUID instrumentId, Closure closure, UUID by, Instant now) {
		return this.database
			.sql("insert into instrument_closures (id, instrument_id, during, kind, planned, reason, created_by, "
					+ "created_at) values (:id, :instrument, tstzrange(:start, :end), :kind, :planned, :reason, :by, :now)")
			.bind("id", closure.id())
			.bind("instrument", instrumentId)
			.bind("start", closure.start())
			.bind("end", closure.end())
			.bind("kind", closure.kind().name())
			.bind("planned", closure.planned())
			.bind("reason", closure.reason())
			.bind("by", by)
			.bind("now", now)
			.then();
	}

	Mono<Boolean> deleteClosure(UUID instrumentId, UUID closureId) {
		return this.database.sql("delete from instrument_closures where id = :id and instrument_id = :instrument")
			.bind("id", closureId)
			.bind("instrument", instrumentId)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows == 1);
	}

	Mono<Boolean> isQualified(UUID instrumentId, UUID userId, Instant now) {
		return this.database
			.sql("select count(*) from instrument_qualifications where instrument_id = :instrument "
					+ "and user_id = :user and (expires_at is null or expires_at > :now)")
			.bind("instrument", instrumentId)
			.bind("user", userId)
			.bind("now", now)
			.map((row) -> row.get(0, Long.class) > 0)
			.one();
	}

	Flux<Qualification> qualifications(UUID instrumentId) {
		return this.database
			.sql("select user_id, granted_at, expires_at from instrument_qualifications "
					+ "where instrument_id = :instrument order by granted_at desc")
			.bind("instrument", instrumentId)
			.map((row) -> new Qualification(row.get("user_id", UUID.class), row.get("granted_at", Instant.class),
					row.get("expires_at", Instant.class)))
			.all()
			.as(Sql::whole);
	}

	Mono<Void> grant(UUID instrumentId, UUID userId, Instant expiresAt, UUID by, Instant now) {
		return Sql.bind(this.database.sql("insert into instrument_qualifications (instrument_id, user_id, granted_by, "
				+ "granted_at, expires_at) values (:instrument, :user, :by, :now, :expires) on conflict "
				+ "(instrument_id, user_id) do update set granted_by = :by, granted_at = :now, expires_at = :expires")
			.bind("instrument", instrumentId)
			.bind("user", userId)
			.bind("by", by)
			.bind("now", now), "expires", expiresAt, Instant.class).then();
	}

	Mono<Boolean> revoke(UUID instrumentId, UUID userId) {
		return this.database
			.sql("delete from instrument_qualifications where instrument_id = :instrument and user_id = :user")
			.bind("instrument", instrumentId)
			.bind("user", userId)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows == 1);
	}

	/** Whether the user may not book now; the end of their suspension if so. */
	Mono<Instant> suspendedUntil(UUID userId, Instant now) {
		return this.database.sql("select until from booking_suspensions where user_id = :user and until > :now")
			.bind("user", userId)
			.bind("now", now)
			.map((row) -> row.get(0, Instant.class))
			.one();
	}

	Mono<Void> suspend(UUID userId, Instant until, String reason, Instant now) {
		return this.database
			.sql("insert into booking_suspensions (user_id, until, reason, created_at) values (:user, :until, "
					+ ":reason, :now) on conflict (user_id) do update set until = greatest(booking_suspensions.until, "
					+ ":until), reason = :reason, created_at = :now")
			.bind("user", userId)
			.bind("until", until)
			.bind("reason", reason)
			.bind("now", now)
			.then();
	}

	private BookingRules mapRules(Readable row) {
		return new BookingRules(this.json.readValue(row.get("weekly_hours", Json.class).asString(), WEEKLY_HOURS),
				row.get("slot_minutes", Integer.class), row.get("min_minutes", Integer.class),
				row.get("max_minutes", Integer.class), row.get("min_notice_minutes", Integer.class),
				row.get("max_advance_days", Integer.class), row.get("buffer_minutes", Integer.class),
				row.get("quota_minutes_per_day", Integer.class), row.get("quota_minutes_per_week", Integer.class),
				row.get("quota_minutes_per_month", Integer.class), row.get("approval_required", Boolean.class),
				row.get("training_required", Boolean.class), row.get("cancellation_deadline_hours", Integer.class),
				row.get("no_show_grace_minutes", Integer.class), row.get("version", Integer.class));
	}

	/**
	 * @param userId who was trained
	 * @param grantedAt when staff recorded it
	 * @param expiresAt when it lapses, or null
	 */
	record Qualification(UUID userId, Instant grantedAt, Instant expiresAt) {
	}

}
