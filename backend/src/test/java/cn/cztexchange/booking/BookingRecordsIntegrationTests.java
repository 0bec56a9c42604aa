package cn.cztexchange.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.cztexchange.IntegrationTest;
import cn.cztexchange.booking.BookingFixtures.Host;
import cn.cztexchange.booking.BookingFixtures.Member;
import cn.cztexchange.identity.TestAccounts.Account;
import cn.cztexchange.notification.TestMailServer;

import static cn.cztexchange.booking.BookingFixtures.awaitNewestNotification;
import static cn.cztexchange.booking.BookingFixtures.book;
import static cn.cztexchange.booking.BookingFixtures.bookedId;
import static cn.cztexchange.booking.BookingFixtures.machineTime;
import static cn.cztexchange.booking.BookingFixtures.monday;
import static cn.cztexchange.booking.BookingFixtures.openAllDay;
import static cn.cztexchange.booking.BookingFixtures.putRules;
import static cn.cztexchange.booking.BookingFixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What bookings leave behind: statements with the voucher's share, calendars, the no-show
 * sweep and reminders, the waitlist, weekly repetitions.
 */
@IntegrationTest
class BookingRecordsIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	BookingFixtures fixtures;

	@Autowired
	DatabaseClient database;

	@Autowired
	BookingSweeper sweeper;

	Host host;

	Member firm;

	@BeforeEach
	void instrument() {
		this.host = this.fixtures.host(this.client, Map.of());
		putRules(this.client, this.host, this.host.staff(), openAllDay(Map.of())).expectStatus().isOk();
		this.firm = this.fixtures.member();
	}

	@Test
	void aVoucherPaysPartOfTheChargeAndTheMonthlyStatementShowsBothShares() {
		String voucher = issueVoucher(50_000);
		this.client.post()
			.uri("/api/v1/vouchers")
			.headers((h) -> h.setBearerAuth(this.firm.account().token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("organisationId", this.firm.organisation().toString(), "budgetFen", 100, "validUntil",
					"2099-01-01"))
			.exchange()
			.expectStatus()
			.isForbidden();
		Map<String, Object> request = machineTime(this.host.instrument(), monday(1, 9, 0), monday(1, 11, 0));
		request.put("organisationId", this.firm.organisation().toString());
		String id = bookedId(this.client, this.firm.account(), request);
		step(this.client, this.firm.account(), id, "voucher", Map.of("voucherId", voucher)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.subsidyFen")
			.isEqualTo(50_000)
			.jsonPath("$.payableFen")
			.isEqualTo(70_000);
		step(this.client, this.firm.account(), id, "voucher", Map.of("voucherId", voucher)).expectStatus()
			.isEqualTo(409);
		// Cancelling gives the voucher its money back.
		step(this.client, this.firm.account(), id, "cancel", Map.of()).expectStatus().isOk();
		this.client.get()
			.uri("/api/v1/vouchers?organisationId={org}", this.firm.organisation())
			.headers((h) -> h.setBearerAuth(this.firm.account().token()))
			.exchange()
			.expectBody()
			.jsonPath("$[0].remainingFen")
			.isEqualTo(50_000);
		this.client.get()
			.uri("/api/v1/vouchers?organisationId={org}", this.firm.organisation())
			.headers((h) -> h.setBearerAuth(this.fixtures.user().token()))
			.exchange()
			.expectStatus()
			.isNotFound();

		Instant start = Instant.now().minus(Duration.ofHours(3));
		start = start.minusSeconds(start.getEpochSecond() % 1800).minusNanos(start.getNano());
		String used = completedBooking(start, start.plus(Duration.ofHours(1)));
		step(this.client, this.firm.account(), used, "voucher", Map.of("voucherId", voucher)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.subsidyFen")
			.isEqualTo(50_000)
			.jsonPath("$.payableFen")
			.isEqualTo(10_000);
		this.client.get()
			.uri("/api/v1/bookings/{id}/statement", used)
			.headers((h) -> h.setBearerAuth(this.firm.account().token()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.charged")
			.isEqualTo(true)
			.jsonPath("$.totalFen")
			.isEqualTo(60_000)
			.jsonPath("$.payableFen")
			.isEqualTo(10_000);
		String month = YearMonth.from(start.atZone(BookingFixtures.SHANGHAI)).toString();
		this.client.get()
			.uri("/api/v1/organisations/{id}/statements?month={month}", this.firm.organisation(), month)
			.headers((h) -> h.setBearerAuth(this.firm.account().token()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.lines.length()")
			.isEqualTo(1)
			.jsonPath("$.totalFen")
			.isEqualTo(60_000)
			.jsonPath("$.subsidyFen")
			.isEqualTo(50_000)
			.jsonPath("$.payableFen")
			.isEqualTo(10_000);
		this.client.get()
			.uri("/api/v1/organisations/{id}/statements?month={month}&format=csv", this.firm.organisation(), month)
			.headers((h) -> h.setBearerAuth(this.firm.account().token()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("text/csv")
			.expectBody(String.class)
			.value((csv) -> assertThat(csv).contains(BookingFixtures.TITLE).contains("600.00,500.00,100.00"));
		this.client.get()
			.uri("/api/v1/organisations/{id}/statements?month=2026-13", this.firm.organisation())
			.headers((h) -> h.setBearerAuth(this.firm.account().token()))
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.client.get()
			.uri("/api/v1/organisations/{id}/statements?month={month}", this.firm.organisation(), month)
			.headers((h) -> h.setBearerAuth(this.fixtures.user().token()))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void anExpiredVoucherOrOneOfAnotherFirmPaysNothing() {
		Member other = this.fixtures.member();
		String othersVoucher = issueVoucher(other.organisation(), 10_000, LocalDate.now().plusYears(1));
		Map<String, Object> request = machineTime(this.host.instrument(), monday(1, 9, 0), monday(1, 10, 0));
		request.put("organisationId", this.firm.organisation().toString());
		String id = bookedId(this.client, this.firm.account(), request);
		step(this.client, this.firm.account(), id, "voucher", Map.of("voucherId", othersVoucher)).expectStatus()
			.isBadRequest();
		String expired = issueVoucher(20_000);
		this.database.sql("update vouchers set valid_until = current_date - 1 where id = :id")
			.bind("id", UUID.fromString(expired))
			.then()
			.block();
		step(this.client, this.firm.account(), id, "voucher", Map.of("voucherId", expired)).expectStatus()
			.isEqualTo(409);
	}

	@Test
	void theBookingItsUsersFeedAndTheInstrumentAreICalendars() {
		Account researcher = this.fixtures.user();
		String id = book(this.client, researcher,
				machineTime(this.host.instrument(), monday(1, 9, 0), monday(1, 11, 0)))
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.toString();
		this.client.get()
			.uri("/api/v1/bookings/{id}/calendar.ics", id)
			.headers((h) -> h.setBearerAuth(researcher.token()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("text/calendar")
			.expectBody(String.class)
			.value((ics) -> assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n")
				.contains("UID:" + id + "@czt-exchange")
				.contains("DTSTART:" + ical(monday(1, 9, 0)))
				.contains("STATUS:TENTATIVE"));
		String url = this.client.post()
			.uri("/api/v1/me/calendar-feed")
			.headers((h) -> h.setBearerAuth(researcher.token()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("url")
			.toString();
		this.client.get()
			.uri(url)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((ics) -> assertThat(ics).contains("UID:" + id + "@czt-exchange"));
		this.client.get().uri("/api/v1/calendar/not-a-token.ics").exchange().expectStatus().isNotFound();
		this.client.get()
			.uri("/api/v1/instruments/{id}/calendar.ics", this.host.instrument())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((ics) -> assertThat(ics).contains("DTSTART:" + ical(monday(1, 9, 0)))
				.doesNotContain(id)
				.doesNotContain(researcher.email()));
	}

	@Test
	void theSweepReleasesUnstartedBookingsAfterTheGracePeriod() {
		Account researcher = this.fixtures.user();
		Instant start = Instant.now().minus(Duration.ofMinutes(40));
		UUID late = insertApproved(researcher, start, start.plus(Duration.ofMinutes(30)));
		Instant recent = Instant.now().minus(Duration.ofMinutes(5));
		UUID withinGrace = insertApproved(researcher, recent, recent.plus(Duration.ofHours(1)));
		this.sweeper.sweepOnce().block();
		assertThat(status(late)).isEqualTo("NO_SHOW");
		assertThat(status(withinGrace)).isEqualTo("APPROVED");
	}

	@Test
	void whoWaitsForATakenTimeIsToldWhenItFrees() {
		Account first = this.fixtures.user();
		Account waiting = this.fixtures.user();
		String id = bookedId(this.client, first,
				machineTime(this.host.instrument(), monday(1, 9, 0), monday(1, 11, 0)));
		this.client.post()
			.uri("/api/v1/instruments/{id}/waitlist", this.host.instrument())
			.headers((h) -> h.setBearerAuth(waiting.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("start", monday(1, 10, 0), "end", monday(1, 11, 0)))
			.exchange()
			.expectStatus()
			.isCreated();
		this.client.post()
			.uri("/api/v1/instruments/{id}/waitlist", this.host.instrument())
			.headers((h) -> h.setBearerAuth(waiting.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("start", monday(1, 11, 0), "end", monday(1, 10, 0)))
			.exchange()
			.expectStatus()
			.isBadRequest();
		step(this.client, first, id, "cancel", Map.of()).expectStatus().isOk();
		this.client.get()
			.uri("/api/v1/waitlist")
			.headers((h) -> h.setBearerAuth(waiting.token()))
			.exchange()
			.expectBody()
			.jsonPath("$[0].offeredAt")
			.isNotEmpty();
		awaitNewestNotification(this.client, waiting, "BOOKING_SLOT_FREED");
	}

	@Test
	void weeklyRepetitionsAreBookedOneByOneAndTheTakenOnesReported() {
		Account researcher = this.fixtures.user();
		book(this.client, this.fixtures.user(), machineTime(this.host.instrument(), monday(3, 9, 0), monday(3, 10, 0)))
			.expectStatus()
			.isCreated();
		this.client.post()
			.uri("/api/v1/bookings/recurring")
			.headers((h) -> h.setBearerAuth(researcher.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("request", machineTime(this.host.instrument(), monday(1, 9, 0), monday(1, 10, 0)),
					"weeks", 4, "exceptDates", List.of(monday(2, 0, 0).atZone(BookingFixtures.SHANGHAI).toLocalDate())))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.booked.length()")
			.isEqualTo(2)
			.jsonPath("$.refused.length()")
			.isEqualTo(1)
			.jsonPath("$.refused[0].start")
			.isEqualTo(monday(3, 9, 0).toString())
			.jsonPath("$.refused[0].conflict.start")
			.isEqualTo(monday(3, 9, 0).toString());
		this.client.post()
			.uri("/api/v1/bookings/recurring")
			.headers((h) -> h.setBearerAuth(researcher.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("request", machineTime(this.host.instrument(), monday(1, 9, 0), monday(1, 10, 0)),
					"weeks", 40))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void reportsCountBookedUsedAndIdleHoursRevenueAndCrossCityUse() {
		Instant start = Instant.now().minus(Duration.ofHours(3));
		start = start.minusSeconds(start.getEpochSecond() % 1800).minusNanos(start.getNano());
		completedBooking(start, start.plus(Duration.ofHours(1)));
		Instant missed = start.minus(Duration.ofHours(2));
		UUID noShow = insertApproved(this.fixtures.user(), missed, missed.plus(Duration.ofHours(1)));
		step(this.client, this.host.staff(), noShow, "no-show", Map.of()).expectStatus().isOk();
		String from = LocalDate.now(BookingFixtures.SHANGHAI).minusDays(2).toString();
		String to = LocalDate.now(BookingFixtures.SHANGHAI).plusDays(1).toString();
		this.client.get()
			.uri("/api/v1/reports/utilisation?organisationId={org}&from={from}&to={to}", this.host.organisation(), from,
					to)
			.headers((h) -> h.setBearerAuth(this.host.staff().token()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.instruments[0].usedHours")
			.isEqualTo(1.0)
			.jsonPath("$.instruments[0].openHours")
			.isEqualTo(72.0)
			.jsonPath("$.instruments[0].idleHours")
			.isEqualTo(71.0)
			.jsonPath("$.instruments[0].noShows")
			.isEqualTo(1)
			.jsonPath("$.instruments[0].noShowRate")
			.isEqualTo(0.5);
		this.client.get()
			.uri("/api/v1/reports/utilisation?organisationId={org}&from={from}&to={to}&format=csv",
					this.host.organisation(), from, to)
			.headers((h) -> h.setBearerAuth(this.host.staff().token()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((csv) -> assertThat(csv).contains("no_show_rate").contains(BookingFixtures.TITLE));
		this.client.get()
			.uri("/api/v1/reports/utilisation?organisationId={org}&from={from}&to={to}", this.host.organisation(), from,
					to)
			.headers((h) -> h.setBearerAuth(this.firm.account().token()))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.client.get()
			.uri("/api/v1/reports/revenue?organisationId={org}&year={year}", this.host.organisation(),
					start.atZone(BookingFixtures.SHANGHAI).getYear())
			.headers((h) -> h.setBearerAuth(this.host.staff().token()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.months[0].chargeFen")
			.isEqualTo(60_000);
		this.client.get()
			.uri("/api/v1/reports/cross-city?from={from}&to={to}", from, to)
			.headers((h) -> h.setBearerAuth(this.host.staff().token()))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.get()
			.uri("/api/v1/reports/cross-city?from={from}&to={to}", from, to)
			.headers((h) -> h.setBearerAuth(this.host.admin().token()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.flows[?(@.toCity == 'CHANGSHA')]")
			.exists();
		this.client.get()
			.uri("/api/v1/reports/cross-city?from={from}&to={to}", from, from)
			.headers((h) -> h.setBearerAuth(this.host.admin().token()))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void everyStepTellsTheOtherSideInAppAndByEmailAndUsersAreRemindedAhead() {
		Account researcher = this.fixtures.user();
		String id = book(this.client, researcher,
				machineTime(this.host.instrument(),
						Instant.now().plus(Duration.ofHours(30)).truncatedTo(java.time.temporal.ChronoUnit.HOURS),
						Instant.now().plus(Duration.ofHours(31)).truncatedTo(java.time.temporal.ChronoUnit.HOURS)))
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.toString();
		assertThat(awaitNewestNotification(this.client, this.host.staff(), "BOOKING_REQUESTED")).containsEntry("link",
				"/staff/bookings");
		step(this.client, this.host.staff(), id, "approve", Map.of()).expectStatus().isOk();
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> TestMailServer.receivedBy(researcher.email())
				.stream()
				.anyMatch((mail) -> subject(mail).contains(BookingFixtures.TITLE)));
		assertThat(TestMailServer.receivedBy(this.host.staff().email())).isNotEmpty();
		// Approved, and starting within the next 24 hours after a while: the sweep
		// reminds.
		this.database
			.sql("update bookings set starts_at = now() + interval '3 hours', ends_at = now() + "
					+ "interval '4 hours', held = tstzrange(now() + interval '3 hours', now() + interval '4 hours') "
					+ "where id = :id")
			.bind("id", UUID.fromString(id))
			.then()
			.block();
		this.sweeper.sweepOnce().block();
		awaitNewestNotification(this.client, researcher, "BOOKING_REMINDER");
		// Once only: the second sweep queues nothing.
		this.sweeper.sweepOnce().block();
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> this.database.sql("select count(*) from outbox where topic = 'notice'")
				.map((row) -> row.get(0, Long.class))
				.one()
				.block() == 0);
		assertThat(this.database
			.sql("select count(*) from notifications where user_id = :user and type = 'BOOKING_REMINDER'")
			.bind("user", researcher.id())
			.map((row) -> row.get(0, Long.class))
			.one()
			.block()).isOne();
	}

	@Test
	void anOutageDeclaredOverABookingIsToldToItsUser() {
		Account researcher = this.fixtures.user();
		book(this.client, researcher, machineTime(this.host.instrument(), monday(1, 9, 0), monday(1, 10, 0)))
			.expectStatus()
			.isCreated();
		this.client.post()
			.uri("/api/v1/instruments/{id}/closures", this.host.instrument())
			.headers((h) -> h.setBearerAuth(this.host.staff().token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("start", monday(1, 8, 0), "end", monday(1, 12, 0), "kind", "OUTAGE", "planned", false,
					"reason", "真空泵故障"))
			.exchange()
			.expectStatus()
			.isCreated();
		assertThat(awaitNewestNotification(this.client, researcher, "BOOKING_CLOSURE").get("body").toString())
			.contains("真空泵故障");
	}

	private static String subject(jakarta.mail.internet.MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String issueVoucher(long budgetFen) {
		return issueVoucher(this.firm.organisation(), budgetFen, LocalDate.now().plusYears(1));
	}

	private String issueVoucher(UUID organisation, long budgetFen, LocalDate validUntil) {
		return this.client.post()
			.uri("/api/v1/vouchers")
			.headers((h) -> h.setBearerAuth(this.host.admin().token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("organisationId", organisation.toString(), "budgetFen", budgetFen, "validUntil",
					validUntil.toString()))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.toString();
	}

	/** A machine-time booking of the firm, used for an hour and completed by staff. */
	private String completedBooking(Instant start, Instant end) {
		UUID id = insertApproved(this.firm.account(), start, end);
		this.database.sql("update bookings set organisation_id = :org where id = :id")
			.bind("org", this.firm.organisation())
			.bind("id", id)
			.then()
			.block();
		step(this.client, this.host.staff(), id, "complete", Map.of("actualStart", start, "actualEnd", end))
			.expectStatus()
			.isOk();
		return id.toString();
	}

	private UUID insertApproved(Account requester, Instant start, Instant end) {
		UUID id = UUID.randomUUID();
		this.database
			.sql("insert into bookings (id, instrument_id, host_organisation_id, requester_id, mode, status, "
					+ "starts_at, ends_at, held, rate_kind, unit, rate_fen, quantity, estimate_fen, check_in_code, "
					+ "created_at, updated_at, version) values (:id, :instrument, :host, :requester, 'MACHINE_TIME', "
					+ "'APPROVED', :start, :end, tstzrange(:start, :end), 'EXTERNAL', 'PER_HOUR', 60000, 1, 60000, "
					+ "'424242', now(), now(), 1)")
			.bind("id", id)
			.bind("instrument", this.host.instrument())
			.bind("host", this.host.organisation())
			.bind("requester", requester.id())
			.bind("start", start)
			.bind("end", end)
			.then()
			.block();
		return id;
	}

	private String status(UUID id) {
		return this.database.sql("select status from bookings where id = :id")
			.bind("id", id)
			.map((row) -> row.get(0, String.class))
			.one()
			.block();
	}

	private static String ical(Instant instant) {
		return instant.toString().replace("-", "").replace(":", "");
	}

}
