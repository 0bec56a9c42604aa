package cn.cztexchange.booking;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.cztexchange.IntegrationTest;
import cn.cztexchange.booking.BookingFixtures.Host;
import cn.cztexchange.booking.BookingRepository.NewBooking;
import cn.cztexchange.booking.BookingRepository.Outcome;
import cn.cztexchange.booking.Pricing.RateKind;
import cn.cztexchange.catalog.EntryContent.PriceUnit;
import cn.cztexchange.catalog.InstrumentDetails.ServiceMode;
import cn.cztexchange.notification.Notices;
import cn.cztexchange.platform.Ids;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests booked together in one statement ({@link BookingBatcher}) each get their own
 * answer, and one request's failure is never another's.
 */
@IntegrationTest
class BookingBatchingIntegrationTests {

	@Autowired
	BookingRepository bookings;

	@Autowired
	BookingBatcher batcher;

	@Autowired
	BookingFixtures fixtures;

	@Autowired
	DatabaseClient database;

	@Autowired
	WebTestClient client;

	@Test
	void requestsBookedInOneStatementEachGetTheirOwnAnswer() {
		Host host = this.fixtures.host(this.client, Map.of());
		UUID instrument = host.instrument();
		UUID booker = this.fixtures.user().id();
		UUID suspended = this.fixtures.user().id();
		this.database
			.sql("insert into booking_suspensions (user_id, until, reason, created_at) values (:user, :until, "
					+ "'no-shows', now())")
			.bind("user", suspended)
			.bind("until", Instant.now().plus(Duration.ofDays(30)))
			.then()
			.block();
		Instant nine = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);

		List<NewBooking> requests = List.of(request(host, booker, nine, 60),
				// Overlaps the first, earlier in the same statement.
				request(host, booker, nine.plus(Duration.ofMinutes(30)), 60),
				request(host, suspended, nine.plus(Duration.ofHours(3)), 60),
				request(host, booker, nine.plus(Duration.ofHours(1)), 60));
		List<Outcome> outcomes = this.bookings.insertAll(requests).block();

		assertThat(outcomes).hasSize(4);
		assertThat(outcomes.get(0).allowed()).isTrue();
		assertThat(outcomes.get(0).inserted()).isTrue();
		assertThat(outcomes.get(1).allowed()).isTrue();
		assertThat(outcomes.get(1).inserted()).as("its time was taken by the first").isFalse();
		assertThat(outcomes.get(2).suspendedUntil()).isNotNull();
		assertThat(outcomes.get(2).inserted()).isFalse();
		assertThat(outcomes.get(3).inserted()).isTrue();
		assertThat(count("select count(*) from bookings where instrument_id = :id", instrument)).isEqualTo(2);
		assertThat(count("select count(*) from booking_events e join bookings b on b.id = e.booking_id where "
				+ "b.instrument_id = :id", instrument))
			.isEqualTo(2);
	}

	@Test
	void whenAStatementForSeveralRequestsFailsEachIsBookedOnItsOwn() {
		Host host = this.fixtures.host(this.client, Map.of());
		UUID instrument = host.instrument();
		UUID booker = this.fixtures.user().id();
		Instant nine = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
		NewBooking broken = request(host, booker, nine.plus(Duration.ofHours(2)), 60);
		// A check-in code longer than its column fails the whole statement that carries
		// it.
		broken = new NewBooking(withCode(broken.booking(), "123456789"), broken.held(), false, broken.eventId(),
				broken.noticeTopic(), broken.notices());
		List<NewBooking> requests = List.of(request(host, booker, nine, 60),
				request(host, booker, nine.plus(Duration.ofHours(1)), 60), broken,
				request(host, booker, nine.plus(Duration.ofHours(3)), 60));

		// Submitted at once: those after the first queue while its statement runs, and
		// go together in the next.
		List<Object> answers = Flux.fromIterable(requests)
			.flatMapSequential((request) -> this.batcher.insert(request)
				.<Object>map(Outcome::inserted)
				.onErrorResume((error) -> Mono.just(error.getClass().getSimpleName())))
			.collectList()
			.block();

		assertThat(answers).hasSize(4);
		assertThat(answers.get(0)).isEqualTo(true);
		assertThat(answers.get(1)).isEqualTo(true);
		assertThat(answers.get(2)).isNotEqualTo(true).isNotEqualTo(false);
		assertThat(answers.get(3)).isEqualTo(true);
		assertThat(count("select count(*) from bookings where instrument_id = :id", instrument)).isEqualTo(3);
	}

	private static NewBooking request(Host host, UUID requester, Instant start, int minutes) {
		Instant end = start.plus(Duration.ofMinutes(minutes));
		Instant now = Instant.now();
		Booking booking = new Booking(Ids.newId(Clock.systemUTC()), host.instrument(), host.organisation(), requester,
				null, ServiceMode.MACHINE_TIME, BookingStatus.APPROVED, start, end, null, null, RateKind.EXTERNAL,
				PriceUnit.PER_HOUR, 10000, BigDecimal.ONE, 10000, null, null, null, null, null, null, null, null, 0,
				null, null, "123456", now, now, 1);
		return new NewBooking(booking, new Interval(start, end), false, UUID.randomUUID(), Notices.TOPIC,
				"{\"notices\":[]}");
	}

	private static Booking withCode(Booking b, String code) {
		return new Booking(b.id(), b.instrumentId(), b.hostOrganisationId(), b.requesterId(), b.organisationId(),
				b.mode(), b.status(), b.startsAt(), b.endsAt(), b.sample(), b.note(), b.rateKind(), b.unit(),
				b.rateFen(), b.quantity(), b.estimateFen(), b.proposal(), b.reason(), b.actualStart(), b.actualEnd(),
				b.samplesRun(), b.resultNote(), b.chargeFen(), b.voucherId(), b.subsidyFen(), b.rating(),
				b.ratingComment(), code, b.createdAt(), b.updatedAt(), b.version());
	}

	private long count(String sql, UUID instrument) {
		return this.database.sql(sql)
			.bind("id", instrument)
			.map((row) -> ((Number) row.get(0)).longValue())
			.one()
			.block();
	}

}
