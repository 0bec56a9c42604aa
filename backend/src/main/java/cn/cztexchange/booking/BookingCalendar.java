package cn.cztexchange.booking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import cn.cztexchange.identity.CurrentUser;
import cn.cztexchange.platform.DomainException;
import cn.cztexchange.platform.ICalendar;
import cn.cztexchange.platform.ICalendar.CalendarEvent;

/**
 * iCalendar (RFC 5545) for bookings: one booking, a user's feed behind a secret URL (a
 * calendar app cannot sign in), and an instrument's taken times for anyone, without
 * names.
 */
@Service
class BookingCalendar {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DatabaseClient database;

	private final BookingRepository bookings;

	private final BookingViews views;

	private final Instruments instruments;

	private final BookingProperties properties;

	private final Clock clock;

	BookingCalendar(DatabaseClient database, BookingRepository bookings, BookingViews views, Instruments instruments,
			BookingProperties properties, Clock clock) {
		this.database = database;
		this.bookings = bookings;
		this.views = views;
		this.instruments = instruments;
		this.properties = properties;
		this.clock = clock;
	}

	Mono<String> ofBooking(UUID id, CurrentUser user) {
		return this.views.visible(id, user)
			.filter((booking) -> booking.slot() != null)
			.switchIfEmpty(Mono.error(() -> DomainException.notFound("A calendar entry for this booking")))
			.flatMap((booking) -> this.instruments.findAll(List.of(booking.instrumentId()))
				.map((found) -> ICalendar.calendar("CZT booking",
						List.of(event(booking, found.get(booking.instrumentId()))), this.clock.instant())));
	}

	/** A new secret feed URL for the user; the previous one stops working. */
	Mono<String> rotateFeedToken(CurrentUser user) {
		byte[] secret = new byte[24];
		RANDOM.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		return this.database
			.sql("insert into calendar_feeds (user_id, token_hash, created_at) values (:user, :hash, :now) "
					+ "on conflict (user_id) do update set token_hash = :hash, created_at = :now")
			.bind("user", user.id())
			.bind("hash", hash(token))
			.bind("now", this.clock.instant())
			.then()
			.thenReturn(token);
	}

	/** The feed of the user the token belongs to; a 404 problem for an unknown token. */
	Mono<String> feed(String token) {
		return this.database.sql("select user_id from calendar_feeds where token_hash = :hash")
			.bind("hash", hash(token))
			.map((row) -> row.get(0, UUID.class))
			.one()
			.switchIfEmpty(Mono.error(() -> DomainException.notFound("The calendar feed")))
			.flatMap((userId) -> this.bookings
				.forCalendar(userId, this.clock.instant().minus(this.properties.calendarHistory()))
				.collectList())
			.flatMap((bookings) -> this.instruments.findAll(bookings.stream().map(Booking::instrumentId).toList())
				.map((found) -> bookings.stream()
					.map((booking) -> event(booking, found.get(booking.instrumentId())))
					.toList()))
			.map((events) -> ICalendar.calendar("My instrument bookings", events, this.clock.instant()));
	}

	/** The taken times of the next weeks, as busy blocks with no names. */
	Mono<String> ofInstrument(UUID instrumentId) {
		Instant now = this.clock.instant();
		return this.instruments.find(instrumentId)
			.flatMap((instrument) -> this.bookings
				.held(instrumentId, new Interval(now.minus(Duration.ofDays(7)), now.plus(Duration.ofDays(90))))
				.map((taken) -> new CalendarEvent(instrumentId + "-" + taken.start().getEpochSecond() + "@czt-exchange",
						taken.start(), taken.end(), "已预约 / Booked", null, null, ICalendar.Status.CONFIRMED, 0))
				.collectList()
				.map((events) -> ICalendar.calendar(instrument.title(), events, now)));
	}

	/** The booking as an event; its instrument is null when no longer published. */
	private static CalendarEvent event(Booking booking, Instruments.Instrument instrument) {
		return new CalendarEvent(booking.id() + "@czt-exchange", booking.startsAt(), booking.endsAt(),
				(instrument != null) ? instrument.title() : "Instrument",
				"Booking " + booking.id() + " — " + booking.status().name()
						+ ((booking.note() != null) ? "\n" + booking.note() : ""),
				null, status(booking.status()), booking.version());
	}

	private static ICalendar.Status status(BookingStatus status) {
		return switch (status) {
			case APPROVED, IN_PROGRESS, COMPLETED -> ICalendar.Status.CONFIRMED;
			case PENDING, ADJUSTED -> ICalendar.Status.TENTATIVE;
			default -> ICalendar.Status.CANCELLED;
		};
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
