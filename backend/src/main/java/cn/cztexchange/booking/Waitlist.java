package cn.cztexchange.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.cztexchange.identity.CurrentUser;
import cn.cztexchange.platform.DomainException;
import cn.cztexchange.platform.Sql;
import cn.cztexchange.platform.Ids;
import cn.cztexchange.platform.InvalidRequestException;

/**
 * Users waiting for a taken time. When a booking gives its time up, everyone whose wish
 * overlaps it and is now wholly free is told, in the order they joined; the first to book
 * it gets it.
 */
@Component
class Waitlist {

	private final DatabaseClient database;

	private final Instruments instruments;

	private final BookingNotifier notifier;

	private final Clock clock;

	Waitlist(DatabaseClient database, Instruments instruments, BookingNotifier notifier, Clock clock) {
		this.database = database;
		this.instruments = instruments;
		this.notifier = notifier;
		this.clock = clock;
	}

	Mono<Entry> join(UUID instrumentId, BookingRequests.Waitlist request, CurrentUser user) {
		if (!request.start().isBefore(request.end())) {
			return Mono.error(new InvalidRequestException("end", "must be after start"));
		}
		if (!request.end().isAfter(this.clock.instant())) {
			return Mono.error(new InvalidRequestException("end", "is in the past"));
		}
		Entry entry = new Entry(Ids.newId(this.clock), instrumentId, request.start(), request.end(),
				this.clock.instant(), null);
		return this.instruments.find(instrumentId)
			.then(this.database
				.sql("insert into booking_waitlist (id, instrument_id, user_id, starts_at, ends_at, created_at) "
						+ "values (:id, :instrument, :user, :start, :end, :now)")
				.bind("id", entry.id())
				.bind("instrument", instrumentId)
				.bind("user", user.id())
				.bind("start", entry.start())
				.bind("end", entry.end())
				.bind("now", entry.createdAt())
				.then())
			.thenReturn(entry);
	}

	Flux<Entry> mine(CurrentUser user) {
		return this.database
			.sql("select * from booking_waitlist where user_id = :user and ends_at > :now order by starts_at")
			.bind("user", user.id())
			.bind("now", this.clock.instant())
			.map((row) -> new Entry(row.get("id", UUID.class), row.get("instrument_id", UUID.class),
					row.get("starts_at", Instant.class), row.get("ends_at", Instant.class),
					row.get("created_at", Instant.class), row.get("offered_at", Instant.class)))
			.all()
			.as(Sql::whole);
	}

	Mono<Void> leave(UUID id, CurrentUser user) {
		return this.database.sql("delete from booking_waitlist where id = :id and user_id = :user")
			.bind("id", id)
			.bind("user", user.id())
			.fetch()
			.rowsUpdated()
			.flatMap((rows) -> (rows == 1) ? Mono.empty()
					: Mono.error(() -> DomainException.notFound("The waitlist entry")));
	}

	/**
	 * Tells those waiting for a time that overlaps the freed slot and is now free; runs
	 * in the transaction that frees it.
	 */
	Mono<Void> offerFreed(UUID instrumentId, String instrumentTitle, Interval freed) {
		Instant now = this.clock.instant();
		return this.database
			.sql("update booking_waitlist w set offered_at = :now where w.id in (select id from "
					+ "booking_waitlist where instrument_id = :instrument and offered_at is null and starts_at < :end "
					+ "and ends_at > :start and ends_at > :now and not exists (select 1 from bookings b where "
					+ "b.instrument_id = :instrument and b.status in " + BookingStatus.HOLDING_SQL
					+ " and b.held && tstzrange(booking_waitlist.starts_at, booking_waitlist.ends_at)) "
					+ "for update skip locked) returning w.user_id, w.starts_at, w.ends_at")
			.bind("now", now)
			.bind("instrument", instrumentId)
			.bind("start", freed.start())
			.bind("end", freed.end())
			.map((row) -> new Object[] { row.get("user_id", UUID.class),
					new Interval(row.get("starts_at", Instant.class), row.get("ends_at", Instant.class)) })
			.all()
			.as(Sql::whole)
			.concatMap((offer) -> this.notifier.slotFreed((UUID) offer[0], instrumentId, instrumentTitle,
					(Interval) offer[1]))
			.then();
	}

	/**
	 * @param id the entry
	 * @param instrumentId the instrument
	 * @param start the start of the wished-for time
	 * @param end its end
	 * @param createdAt when the user joined
	 * @param offeredAt when they were told it is free, or null
	 */
	record Entry(UUID id, UUID instrumentId, Instant start, Instant end, Instant createdAt, Instant offeredAt) {
	}

}
