package cn.cztexchange.booking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import cn.cztexchange.booking.Booking.Proposal;
import cn.cztexchange.booking.Pricing.RateKind;
import cn.cztexchange.catalog.EntryContent.PriceUnit;
import cn.cztexchange.catalog.InstrumentDetails.ServiceMode;
import cn.cztexchange.identity.OrganisationDirectory;
import cn.cztexchange.platform.DomainException;
import cn.cztexchange.platform.Sql;

@Repository
class BookingRepository {

	private final DatabaseClient database;

	private final JsonMapper json;

	BookingRepository(DatabaseClient database, JsonMapper json) {
		this.database = database;
		this.json = json;
	}

	/**
	 * Books several requests in one statement, which also decides, for each, the rules
	 * that depend on other rows: the requester must not be suspended, machine time must
	 * not meet a closure, and (when {@link NewBooking#trainingRequired}) the requester
	 * must be qualified. Each request that passes is inserted, keeping its held time from
	 * others, with its first event and the outbox row of its notices; one whose time
	 * overlaps a booking that holds it (stored, or earlier in the same list) is not. The
	 * answer, in the order of the requests, says which rule failed or whether the request
	 * was booked, and whether the requester is a member of the host (whose staff actions
	 * the answer lists).
	 */
	Mono<List<Outcome>> insertAll(List<NewBooking> requests) {
		// The requests arrive as one array per column: one statement, prepared once,
		// whatever their number. Where requests hold time, their instruments are locked
		// first, in one order for every statement: requests for the same instrument
		// queue here, where, inserted side by side, overlapping rows would each wait for
		// the other at the exclusion constraint until PostgreSQL broke the deadlock.
		return this.database.sql("with request as (select * from unnest(cast(:ids as uuid[]), "
				+ "cast(:instruments as uuid[]), cast(:hosts as uuid[]), cast(:requesters as uuid[]), "
				+ "cast(:organisations as uuid[]), cast(:events as uuid[]), cast(:modes as text[]), "
				+ "cast(:statuses as text[]), cast(:startsAt as timestamptz[]), cast(:endsAt as timestamptz[]), "
				+ "cast(:heldStart as timestamptz[]), cast(:heldEnd as timestamptz[]), cast(:samples as jsonb[]), "
				+ "cast(:notes as text[]), cast(:rateKinds as text[]), cast(:units as text[]), "
				+ "cast(:rates as bigint[]), cast(:quantities as numeric[]), cast(:estimates as bigint[]), "
				+ "cast(:codes as text[]), cast(:created as timestamptz[]), cast(:versions as integer[]), "
				+ "cast(:trainingRequired as boolean[]), cast(:topics as text[]), cast(:notices as jsonb[])) "
				+ "with ordinality as r(id, instrument_id, host, requester, organisation, event_id, mode, status, "
				+ "starts_at, ends_at, held_start, held_end, sample, note, rate_kind, unit, rate_fen, quantity, "
				+ "estimate_fen, code, created_at, version, training_required, topic, notices, ord)), "
				+ "locked as (select count(pg_advisory_xact_lock(hashtextextended('booking-instrument:' || "
				+ "instrument_id::text, 0))) from (select distinct instrument_id from request where held_start is "
				+ "not null order by instrument_id) as held), "
				+ "checks as (select r.*, (select until from booking_suspensions where user_id = r.requester and "
				+ "until > r.created_at) as suspended_until, c.id as closure_id, lower(c.during) as closure_start, "
				+ "upper(c.during) as closure_end, c.kind as closure_kind, c.planned as closure_planned, c.reason as "
				+ "closure_reason, (not r.training_required or exists (select 1 from instrument_qualifications q "
				+ "where q.instrument_id = r.instrument_id and q.user_id = r.requester and (q.expires_at is null or "
				+ "q.expires_at > r.created_at))) as trained, "
				+ OrganisationDirectory.isMemberCondition("r.host", "r.requester") + " as host_member "
				+ "from request as r cross join locked left join lateral (select * from instrument_closures where "
				+ "r.starts_at is not null and instrument_id = r.instrument_id and during && tstzrange(r.starts_at, "
				+ "r.ends_at) order by lower(during) limit 1) as c on true), "
				+ "booking as (insert into bookings (id, instrument_id, host_organisation_id, requester_id, "
				+ "organisation_id, mode, status, starts_at, ends_at, held, sample, note, rate_kind, unit, rate_fen, "
				+ "quantity, estimate_fen, check_in_code, created_at, updated_at, version) select id, instrument_id, "
				+ "host, requester, organisation, mode, status, starts_at, ends_at, "
				// tstzrange(null, null) would be all of time, not no time.
				+ "case when held_start is not null then tstzrange(held_start, held_end) end, sample, note, "
				+ "rate_kind, unit, rate_fen, quantity, estimate_fen, code, created_at, created_at, version from checks "
				+ "where suspended_until is null and closure_id is null and trained order by ord "
				// Any overlap with a booking that holds the time (the exclusion
				// constraint)
				// leaves the request out, not the whole statement.
				+ "on conflict do nothing returning id), "
				+ "event as (insert into booking_events (id, booking_id, at, actor_id, from_status, to_status, note) "
				+ "select r.event_id, r.id, r.created_at, r.requester, null, r.status, r.note from booking join "
				+ "request as r using (id)), "
				+ "notice as (insert into outbox (topic, key, payload, created_at) select r.topic, r.id::text, "
				+ "r.notices, r.created_at from booking join request as r using (id)) "
				+ "select c.suspended_until, c.closure_id, c.closure_start, c.closure_end, c.closure_kind, "
				+ "c.closure_planned, c.closure_reason, c.trained, c.host_member, (b.id is not null) as inserted "
				+ "from checks as c left join booking as b using (id) order by c.ord")
			.bind("ids", uuids(requests, (r) -> r.booking().id()))
			.bind("instruments", uuids(requests, (r) -> r.booking().instrumentId()))
			.bind("hosts", uuids(requests, (r) -> r.booking().hostOrganisationId()))
			.bind("requesters", uuids(requests, (r) -> r.booking().requesterId()))
			.bind("organisations", uuids(requests, (r) -> r.booking().organisationId()))
			.bind("events", uuids(requests, NewBooking::eventId))
			.bind("modes", texts(requests, (r) -> r.booking().mode()))
			.bind("statuses", texts(requests, (r) -> r.booking().status()))
			.bind("startsAt", texts(requests, (r) -> r.booking().startsAt()))
			.bind("endsAt", texts(requests, (r) -> r.booking().endsAt()))
			.bind("heldStart", texts(requests, (r) -> (r.held() != null) ? r.held().start() : null))
			.bind("heldEnd", texts(requests, (r) -> (r.held() != null) ? r.held().end() : null))
			.bind("samples", texts(requests,
					(r) -> (r.booking().sample() != null) ? this.json.writeValueAsString(r.booking().sample()) : null))
			.bind("notes", texts(requests, (r) -> r.booking().note()))
			.bind("rateKinds", texts(requests, (r) -> r.booking().rateKind()))
			.bind("units", texts(requests, (r) -> r.booking().unit()))
			.bind("rates", texts(requests, (r) -> r.booking().rateFen()))
			.bind("quantities", texts(requests, (r) -> r.booking().quantity().toPlainString()))
			.bind("estimates", texts(requests, (r) -> r.booking().estimateFen()))
			.bind("codes", texts(requests, (r) -> r.booking().checkInCode()))
			.bind("created", texts(requests, (r) -> r.booking().createdAt()))
			.bind("versions", texts(requests, (r) -> r.booking().version()))
			.bind("trainingRequired", texts(requests, NewBooking::trainingRequired))
			.bind("topics", texts(requests, NewBooking::noticeTopic))
			.bind("notices", texts(requests, NewBooking::notices))
			.map((row) -> {
				UUID closure = row.get("closure_id", UUID.class);
				return new Outcome(row.get("suspended_until", Instant.class),
						(closure != null) ? new Closure(closure, row.get("closure_start", Instant.class),
								row.get("closure_end", Instant.class),
								Closure.Kind.valueOf(row.get("closure_kind", String.class)),
								row.get("closure_planned", Boolean.class), row.get("closure_reason", String.class))
								: null,
						!row.get("trained", Boolean.class), row.get("host_member", Boolean.class),
						row.get("inserted", Boolean.class));
			})
			.all()
			.collectList();
	}

	/** One column of the requests, for {@code unnest}. */
	private static UUID[] uuids(List<NewBooking> requests, Function<NewBooking, UUID> column) {
		return requests.stream().map(column).toArray(UUID[]::new);
	}

	/**
	 * One column of the requests as text (enums by name, instants in ISO-8601), which the
	 * statement casts to the column's type; null stays null.
	 */
	private static String[] texts(List<NewBooking> requests, Function<NewBooking, Object> column) {
		return requests.stream()
			.map(column)
			.map((value) -> (value != null) ? value.toString() : null)
			.toArray(String[]::new);
	}

	/**
	 * A booking request to insert.
	 *
	 * @param booking the booking
	 * @param held the time it keeps from others (machine time), or null
	 * @param trainingRequired whether its requester must be qualified on the instrument
	 * @param eventId the id of its first event
	 * @param noticeTopic the outbox topic of its notices
	 * @param notices the notices, as the outbox row's payload
	 */
	record NewBooking(Booking booking, Interval held, boolean trainingRequired, UUID eventId, String noticeTopic,
			String notices) {
	}

	/**
	 * What {@link #insertAll} found for one request: why it wrote nothing, or that it
	 * booked, or that its time was taken.
	 *
	 * @param suspendedUntil the end of the requester's suspension, or null
	 * @param closure the first closure the time meets, or null
	 * @param untrained whether the requester lacks the training the instrument needs
	 * @param hostMember whether the requester is a member of the host organisation
	 * @param inserted whether it was booked; passing every rule but not booked means its
	 * time was taken
	 */
	record Outcome(Instant suspendedUntil, Closure closure, boolean untrained, boolean hostMember, boolean inserted) {

		/** Whether it passed every rule, which says nothing of the time being free. */
		boolean allowed() {
			return this.suspendedUntil == null && this.closure == null && !this.untrained;
		}

	}

	Mono<Booking> findById(UUID id) {
		return this.database.sql("select * from bookings where id = :id").bind("id", id).map(this::map).one();
	}

	/** The booking, its row locked until the transaction ends. */
	Mono<Booking> lock(UUID id) {
		return this.database.sql("select * from bookings where id = :id for update")
			.bind("id", id)
			.map(this::map)
			.one();
	}

	/** Changes of one booking, applied only if nobody changed it since it was read. */
	Update update(Booking booking, Instant now) {
		return new Update(booking, now);
	}

	/**
	 * A user's bookings ({@code requesterId} given), the bookings of instruments that
	 * these organisations host, or (neither given) all bookings; newest first.
	 */
	Flux<Booking> find(UUID requesterId, Collection<UUID> hosts, BookingStatus status, UUID instrumentId, int page,
			int size) {
		return filter("select * from bookings", requesterId, hosts, status, instrumentId,
				" order by created_at desc, id limit :limit offset :offset")
			.bind("limit", size)
			.bind("offset", (long) page * size)
			.map(this::map)
			.all()
			.as(Sql::whole);
	}

	Mono<Long> count(UUID requesterId, Collection<UUID> hosts, BookingStatus status, UUID instrumentId) {
		return filter("select count(*) from bookings", requesterId, hosts, status, instrumentId, "")
			.map((row) -> row.get(0, Long.class))
			.one();
	}

	private GenericExecuteSpec filter(String select, UUID requesterId, Collection<UUID> hosts, BookingStatus status,
			UUID instrumentId, String tail) {
		String whose = (requesterId != null) ? "requester_id = :requester"
				: (hosts != null) ? "host_organisation_id = any(:hosts)" : "true";
		GenericExecuteSpec spec = this.database
			.sql(select + " where " + whose + " and (cast(:status as text) is null or status = :status)"
					+ " and (cast(:instrument as uuid) is null or instrument_id = :instrument)" + tail);
		if (requesterId != null) {
			spec = spec.bind("requester", requesterId);
		}
		else if (hosts != null) {
			spec = spec.bind("hosts", hosts.toArray(UUID[]::new));
		}
		spec = Sql.bind(spec, "status", (status != null) ? status.name() : null, String.class);
		return Sql.bind(spec, "instrument", instrumentId, UUID.class);
	}

	/** Times held on the instrument that meet the range (buffers included), in order. */
	Flux<Interval> held(UUID instrumentId, Interval range) {
		return this.database
			.sql("select lower(held) as s, upper(held) as e from bookings where instrument_id = :instrument "
					+ "and status in " + BookingStatus.HOLDING_SQL + " and held && tstzrange(:from, :to) order by 1")
			.bind("instrument", instrumentId)
			.bind("from", range.start())
			.bind("to", range.end())
			.map((row) -> new Interval(row.get("s", Instant.class), row.get("e", Instant.class)))
			.all()
			.as(Sql::whole);
	}

	/** Bookings not yet started that hold time in the range. */
	Flux<Booking> activeDuring(UUID instrumentId, Interval range) {
		return this.database
			.sql("select * from bookings where instrument_id = :instrument and status in ('PENDING', 'ADJUSTED', "
					+ "'APPROVED') and held && tstzrange(:from, :to) order by starts_at")
			.bind("instrument", instrumentId)
			.bind("from", range.start())
			.bind("to", range.end())
			.map(this::map)
			.all()
			.as(Sql::whole);
	}

	/** Minutes of machine time the user holds with bookings starting in the range. */
	Mono<Long> minutesBooked(UUID requesterId, Interval range) {
		return this.database
			.sql("select coalesce(sum(extract(epoch from (ends_at - starts_at)) / 60), 0)::bigint from bookings "
					+ "where requester_id = :requester and mode = 'MACHINE_TIME' and status in "
					+ BookingStatus.HOLDING_SQL + " and starts_at >= :from and starts_at < :to")
			.bind("requester", requesterId)
			.bind("from", range.start())
			.bind("to", range.end())
			.map((row) -> row.get(0, Long.class))
			.one();
	}

	/**
	 * A user's machine-time bookings ending after {@code since}, for their calendar feed.
	 */
	Flux<Booking> forCalendar(UUID requesterId, Instant since) {
		return this.database
			.sql("select * from bookings where requester_id = :requester and mode = 'MACHINE_TIME' "
					+ "and status in ('PENDING', 'ADJUSTED', 'APPROVED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED') "
					+ "and ends_at > :since order by starts_at")
			.bind("requester", requesterId)
			.bind("since", since)
			.map(this::map)
			.all()
			.as(Sql::whole);
	}

	/**
	 * Approved machine time that nobody started within the instrument's grace period,
	 * locked (skipping rows another replica holds), a batch at a time.
	 */
	Flux<Booking> lockUnstartedAfterGrace(Instant now, int limit) {
		return this.database
			.sql("select b.* from bookings b left join booking_rules r "
					+ "on r.instrument_id = b.instrument_id where b.status = 'APPROVED' and b.mode = 'MACHINE_TIME' "
					+ "and b.starts_at + make_interval(mins => coalesce(r.no_show_grace_minutes, 15)) < :now "
					+ "order by b.starts_at limit :limit for update of b skip locked")
			.bind("now", now)
			.bind("limit", limit)
			.map(this::map)
			.all()
			.as(Sql::whole);
	}

	/** Approved bookings starting before {@code until} that were not yet reminded of. */
	Flux<Booking> lockDueForReminder(Instant now, Instant until, int limit) {
		return this.database
			.sql("select * from bookings where status = 'APPROVED' and reminded_at is null and starts_at > :now "
					+ "and starts_at <= :until order by starts_at limit :limit for update skip locked")
			.bind("now", now)
			.bind("until", until)
			.bind("limit", limit)
			.map(this::map)
			.all()
			.as(Sql::whole);
	}

	Mono<Void> markReminded(UUID id, Instant at) {
		return this.database.sql("update bookings set reminded_at = :at where id = :id")
			.bind("at", at)
			.bind("id", id)
			.then();
	}

	/** No-shows of the user since the given time. */
	Mono<Long> countNoShows(UUID requesterId, Instant since) {
		return this.database
			.sql("select count(*) from bookings where requester_id = :requester and status = 'NO_SHOW' "
					+ "and starts_at >= :since")
			.bind("requester", requesterId)
			.bind("since", since)
			.map((row) -> row.get(0, Long.class))
			.one();
	}

	/** One step in the booking's history (全程留痕). */
	Mono<Void> recordEvent(UUID id, UUID bookingId, Instant at, UUID actorId, BookingStatus from, BookingStatus to,
			String note) {
		GenericExecuteSpec spec = this.database
			.sql("insert into booking_events (id, booking_id, at, actor_id, from_status, to_status, note) "
					+ "values (:id, :booking, :at, :actor, :from, :to, :note)")
			.bind("id", id)
			.bind("booking", bookingId)
			.bind("at", at)
			.bind("to", to.name());
		spec = Sql.bind(spec, "actor", actorId, UUID.class);
		spec = Sql.bind(spec, "from", (from != null) ? from.name() : null, String.class);
		return Sql.bind(spec, "note", note, String.class).then();
	}

	/**
	 * Makes the user's concurrent requests wait for each other until the transaction
	 * ends, so that two of them cannot both pass a quota that only one fits in.
	 */
	Mono<Void> lockRequester(UUID requesterId) {
		return this.database.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
			.bind("key", "booking-requester:" + requesterId)
			.then();
	}

	private Json json(Object value) {
		return (value != null) ? Json.of(this.json.writeValueAsString(value)) : null;
	}

	private <T> T read(Json value, Class<T> type) {
		return (value != null) ? this.json.readValue(value.asString(), type) : null;
	}

	private Booking map(Readable row) {
		return new Booking(row.get("id", UUID.class), row.get("instrument_id", UUID.class),
				row.get("host_organisation_id", UUID.class), row.get("requester_id", UUID.class),
				row.get("organisation_id", UUID.class), ServiceMode.valueOf(row.get("mode", String.class)),
				BookingStatus.valueOf(row.get("status", String.class)), row.get("starts_at", Instant.class),
				row.get("ends_at", Instant.class), read(row.get("sample", Json.class), SampleDetails.class),
				row.get("note", String.class), RateKind.valueOf(row.get("rate_kind", String.class)),
				PriceUnit.valueOf(row.get("unit", String.class)), row.get("rate_fen", Long.class),
				row.get("quantity", BigDecimal.class), row.get("estimate_fen", Long.class),
				read(row.get("proposal", Json.class), Proposal.class), row.get("reason", String.class),
				row.get("actual_start", Instant.class), row.get("actual_end", Instant.class),
				row.get("samples_run", Integer.class), row.get("result_note", String.class),
				row.get("charge_fen", Long.class), row.get("voucher_id", UUID.class),
				row.get("subsidy_fen", Long.class),
				(row.get("rating", Short.class) != null) ? row.get("rating", Short.class).intValue() : null,
				row.get("rating_comment", String.class), row.get("check_in_code", String.class),
				row.get("created_at", Instant.class), row.get("updated_at", Instant.class),
				row.get("version", Integer.class));
	}

	/**
	 * The columns a step changes; {@link #apply()} writes them with the status check of
	 * an optimistic lock (the version read), and tells whether it did.
	 */
	final class Update {

		private final Booking booking;

		private final Instant now;

		private final List<String> assignments = new ArrayList<>();

		private final List<Object[]> values = new ArrayList<>();

		private Update(Booking booking, Instant now) {
			this.booking = booking;
			this.now = now;
		}

		Update status(BookingStatus status) {
			return set("status", status.name(), String.class);
		}

		Update set(String column, Object value, Class<?> type) {
			this.assignments.add(column + " = :" + column);
			this.values.add(new Object[] { column, value, type });
			return this;
		}

		Update json(String column, Object value) {
			return set(column, BookingRepository.this.json(value), Json.class);
		}

		/** The time kept from others (null: none). */
		Update held(Interval held) {
			if (held == null) {
				this.assignments.add("held = null");
				return this;
			}
			this.assignments.add("held = tstzrange(:heldStart, :heldEnd)");
			this.values.add(new Object[] { "heldStart", held.start(), Instant.class });
			this.values.add(new Object[] { "heldEnd", held.end(), Instant.class });
			return this;
		}

		/**
		 * Writes the change and answers the booking as it now is; a 409 problem if
		 * someone changed it since it was read.
		 */
		Mono<Booking> apply() {
			return write().flatMap((written) -> written ? findById(this.booking.id()) : Mono.error(() -> DomainException
				.conflict("Someone changed this booking a moment ago: reload it and try again.")));
		}

		@SuppressWarnings({ "unchecked", "rawtypes" })
		private Mono<Boolean> write() {
			GenericExecuteSpec spec = BookingRepository.this.database
				.sql("update bookings set " + String.join(", ", this.assignments)
						+ ", updated_at = :updatedAt, version = version + 1 where id = :id and version = :version")
				.bind("updatedAt", this.now)
				.bind("id", this.booking.id())
				.bind("version", this.booking.version());
			for (Object[] value : this.values) {
				spec = Sql.bind(spec, (String) value[0], value[1], (Class) value[2]);
			}
			return spec.fetch().rowsUpdated().map((rows) -> rows == 1);
		}

	}

}
