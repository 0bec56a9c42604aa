package cn.cztexchange.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.cztexchange.IntegrationTest;
import cn.cztexchange.booking.BookingFixtures.Host;
import cn.cztexchange.identity.TestAccounts.Account;

import static cn.cztexchange.booking.BookingFixtures.book;
import static cn.cztexchange.booking.BookingFixtures.bookedId;
import static cn.cztexchange.booking.BookingFixtures.machineTime;
import static cn.cztexchange.booking.BookingFixtures.monday;
import static cn.cztexchange.booking.BookingFixtures.openAllDay;
import static cn.cztexchange.booking.BookingFixtures.putRules;
import static cn.cztexchange.booking.BookingFixtures.samples;
import static cn.cztexchange.booking.BookingFixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every step of a booking's life, and the steps that the caller's role or the booking's
 * state does not allow.
 */
@IntegrationTest
class BookingWorkflowIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	BookingFixtures fixtures;

	@Autowired
	DatabaseClient database;

	Host host;

	Account researcher;

	@BeforeEach
	void instrument() {
		this.host = this.fixtures.host(this.client, Map.of());
		putRules(this.client, this.host, this.host.staff(), openAllDay(Map.of())).expectStatus().isOk();
		this.researcher = this.fixtures.user();
	}

	@Test
	void aRequestIsPendingUntilStaffApproveIt() {
		String id = request(monday(1, 9, 0), monday(1, 11, 0));
		step(this.client, this.researcher, id, "approve", Map.of()).expectStatus().isForbidden();
		step(this.client, this.fixtures.user(), id, "approve", Map.of()).expectStatus().isNotFound();
		this.client.get()
			.uri("/api/v1/bookings/{id}", id)
			.headers((h) -> h.setBearerAuth(this.fixtures.user().token()))
			.exchange()
			.expectStatus()
			.isNotFound();
		step(this.client, this.host.staff(), id, "approve", Map.of()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("APPROVED")
			.jsonPath("$.checkInCode")
			.isNotEmpty();
		step(this.client, this.host.staff(), id, "approve", Map.of()).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("A booking that is APPROVED cannot be approved.");
		this.client.get()
			.uri("/api/v1/bookings/{id}", id)
			.headers((h) -> h.setBearerAuth(this.researcher.token()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.checkInCode")
			.doesNotExist()
			.jsonPath("$.actions")
			.value((java.util.List<String> actions) -> assertThat(actions).contains("CANCEL"));
		assertThat(events(id)).containsExactly("null>PENDING", "PENDING>APPROVED");
	}

	@Test
	void theAnswerToARequestListsStaffActionsOnlyForTheHostsOwnMembers() {
		book(this.client, this.researcher, machineTime(this.host.instrument(), monday(1, 9, 0), monday(1, 10, 0)))
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.actions")
			.value((java.util.List<String> actions) -> assertThat(actions).containsExactly("CANCEL"));
		book(this.client, this.host.staff(), machineTime(this.host.instrument(), monday(1, 11, 0), monday(1, 12, 0)))
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.actions")
			.value((java.util.List<String> actions) -> assertThat(actions).contains("APPROVE", "REJECT", "CANCEL"));
		book(this.client, this.host.admin(), machineTime(this.host.instrument(), monday(1, 13, 0), monday(1, 14, 0)))
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.actions")
			.value((java.util.List<String> actions) -> assertThat(actions).contains("APPROVE"));
	}

	@Test
	void withoutApprovalMachineTimeIsConfirmedAtOnce() {
		putRules(this.client, this.host, this.host.staff(), openAllDay(Map.of("approvalRequired", false, "version", 1)))
			.expectStatus()
			.isOk();
		book(this.client, this.researcher, machineTime(this.host.instrument(), monday(1, 9, 0), monday(1, 10, 0)))
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("APPROVED");
	}

	@Test
	void staffProposeAnotherTimeAndTheUserAcceptsOrDeclines() {
		String id = request(monday(1, 9, 0), monday(1, 11, 0));
		step(this.client, this.host.staff(), id, "adjust",
				Map.of("start", monday(1, 14, 0), "end", monday(1, 15, 0), "note", "上午已满"))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("ADJUSTED")
			.jsonPath("$.proposal.start")
			.isEqualTo(monday(1, 14, 0).toString());
		// The proposed time is held, the requested one freed.
		book(this.client, this.fixtures.user(), machineTime(this.host.instrument(), monday(1, 14, 0), monday(1, 15, 0)))
			.expectStatus()
			.isEqualTo(409);
		book(this.client, this.fixtures.user(), machineTime(this.host.instrument(), monday(1, 9, 0), monday(1, 10, 0)))
			.expectStatus()
			.isCreated();
		step(this.client, this.host.staff(), id, "accept", Map.of()).expectStatus().isForbidden();
		step(this.client, this.researcher, id, "accept", Map.of()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("APPROVED")
			.jsonPath("$.start")
			.isEqualTo(monday(1, 14, 0).toString())
			.jsonPath("$.estimate.quantity")
			.isEqualTo(1.0)
			.jsonPath("$.estimate.amountFen")
			.isEqualTo(60000);

		String other = request(monday(2, 9, 0), monday(2, 11, 0));
		step(this.client, this.host.staff(), other, "adjust",
				Map.of("start", monday(2, 13, 0), "end", monday(2, 14, 0)))
			.expectStatus()
			.isOk();
		step(this.client, this.researcher, other, "decline", Map.of("reason", "下午没空")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DECLINED")
			.jsonPath("$.reason")
			.isEqualTo("下午没空");
		step(this.client, this.researcher, other, "accept", Map.of()).expectStatus().isEqualTo(409);
	}

	@Test
	void anAdjustmentMustKeepTheRulesAndMayNotTakeSomeoneElsesTime() {
		String id = request(monday(1, 9, 0), monday(1, 11, 0));
		request(monday(1, 14, 0), monday(1, 15, 0));
		step(this.client, this.host.staff(), id, "adjust", Map.of("start", monday(1, 14, 30), "end", monday(1, 16, 0)))
			.expectStatus()
			.isEqualTo(409);
		step(this.client, this.host.staff(), id, "adjust", Map.of("start", monday(1, 16, 10), "end", monday(1, 17, 0)))
			.expectStatus()
			.isBadRequest();
		step(this.client, this.host.staff(), id, "adjust", Map.of("note", "no time")).expectStatus().isBadRequest();
	}

	@Test
	void rejectionNeedsAReason() {
		String id = request(monday(1, 9, 0), monday(1, 11, 0));
		step(this.client, this.host.staff(), id, "reject", Map.of()).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("reason");
		step(this.client, this.host.staff(), id, "reject", Map.of("reason", "样品不适合本仪器")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("REJECTED");
		// The time is free again.
		book(this.client, this.fixtures.user(), machineTime(this.host.instrument(), monday(1, 9, 0), monday(1, 11, 0)))
			.expectStatus()
			.isCreated();
	}

	@Test
	void usersCancelUntilTheDeadlineAndStaffAfterIt() {
		putRules(this.client, this.host, this.host.staff(),
				openAllDay(Map.of("cancellationDeadlineHours", 24, "version", 1)))
			.expectStatus()
			.isOk();
		String early = approved(monday(1, 9, 0), monday(1, 10, 0));
		step(this.client, this.researcher, early, "cancel", Map.of()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("CANCELLED");
		step(this.client, this.researcher, early, "cancel", Map.of()).expectStatus().isEqualTo(409);

		Instant soon = onGrid(Instant.now().plus(Duration.ofHours(3)));
		String late = approved(soon, soon.plus(Duration.ofHours(1)));
		step(this.client, this.researcher, late, "cancel", Map.of()).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("24 hours"));
		step(this.client, this.host.staff(), late, "cancel", Map.of("reason", "停电")).expectStatus().isOk();
	}

	@Test
	void theUserChecksInAndOutWithTheCodeAndIsChargedForTheTimeUsed() {
		Instant start = onGrid(Instant.now().minus(Duration.ofMinutes(40)));
		String id = pastBooking(start, start.plus(Duration.ofHours(2)));
		String code = this.client.get()
			.uri("/api/v1/bookings/{id}", id)
			.headers((h) -> h.setBearerAuth(this.host.staff().token()))
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("checkInCode")
			.toString();
		step(this.client, this.researcher, id, "start", Map.of("code", "000000".equals(code) ? "111111" : "000000"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("code");
		step(this.client, this.researcher, id, "start", Map.of("code", code)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("IN_PROGRESS");
		step(this.client, this.researcher, id, "complete", Map.of("code", code)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("COMPLETED")
			.jsonPath("$.chargeFen")
			.isEqualTo(0)
			.jsonPath("$.actions")
			.value((java.util.List<String> actions) -> assertThat(actions).contains("RATE"));
	}

	@Test
	void staffRecordTheActualUsageAndTheChargeFollowsIt() {
		Instant start = onGrid(Instant.now().minus(Duration.ofHours(3)));
		String id = pastBooking(start, start.plus(Duration.ofHours(2)));
		step(this.client, this.host.staff(), id, "complete",
				Map.of("actualStart", start, "actualEnd", start.plus(Duration.ofMinutes(150))))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.chargeFen")
			// 2.5 hours at the external rate of 600 yuan.
			.isEqualTo(150000)
			.jsonPath("$.payableFen")
			.isEqualTo(150000);
		step(this.client, this.host.staff(), id, "complete", Map.of()).expectStatus().isEqualTo(409);
		String other = pastBooking(start.minus(Duration.ofDays(1)),
				start.minus(Duration.ofDays(1)).plus(Duration.ofHours(1)));
		step(this.client, this.host.staff(), other, "complete",
				Map.of("actualStart", start, "actualEnd", start.minus(Duration.ofHours(1))))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("actualEnd");
		step(this.client, this.host.staff(), other, "complete",
				Map.of("actualStart", start, "actualEnd", Instant.now().plus(Duration.ofHours(2))))
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void ratingsComeOnceAfterCompletion() {
		Instant start = onGrid(Instant.now().minus(Duration.ofHours(3)));
		String id = pastBooking(start, start.plus(Duration.ofHours(1)));
		step(this.client, this.researcher, id, "rating", Map.of("stars", 5)).expectStatus().isEqualTo(409);
		step(this.client, this.host.staff(), id, "complete", Map.of()).expectStatus().isOk();
		step(this.client, this.researcher, id, "rating", Map.of("stars", 6)).expectStatus().isBadRequest();
		step(this.client, this.host.staff(), id, "rating", Map.of("stars", 5)).expectStatus().isForbidden();
		step(this.client, this.researcher, id, "rating", Map.of("stars", 4, "comment", "工程师很专业")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.rating.stars")
			.isEqualTo(4);
		step(this.client, this.researcher, id, "rating", Map.of("stars", 5)).expectStatus().isEqualTo(409);
	}

	@Test
	void noShowsAreReleasedAndRepeatedOnesSuspendTheUser() {
		for (int i = 0; i < 3; i++) {
			Instant start = onGrid(Instant.now().minus(Duration.ofHours(3 + i * 2L)));
			String id = pastBooking(start, start.plus(Duration.ofHours(1)));
			if (i == 0) {
				step(this.client, this.researcher, id, "no-show", Map.of()).expectStatus().isForbidden();
			}
			step(this.client, this.host.staff(), id, "no-show", Map.of()).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("NO_SHOW");
		}
		book(this.client, this.researcher, machineTime(this.host.instrument(), monday(1, 9, 0), monday(1, 10, 0)))
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Booking suspended");
	}

	@Test
	void samplesAreSubmittedAdjustedRunAndChargedPerSample() {
		Host perSample = this.fixtures.host(this.client,
				Map.of("externalPrice", Map.of("amountFen", 80000, "unit", "PER_SAMPLE")));
		String id = bookedId(this.client, this.researcher, samples(perSample.instrument(), 5));
		step(this.client, perSample.staff(), id, "adjust", Map.of("sampleCount", 3, "note", "最多 3 个")).expectStatus()
			.isOk();
		step(this.client, this.researcher, id, "accept", Map.of()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.sample.count")
			.isEqualTo(3)
			.jsonPath("$.estimate.amountFen")
			.isEqualTo(240000);
		step(this.client, perSample.staff(), id, "start", Map.of()).expectStatus().isOk();
		step(this.client, this.researcher, id, "complete", Map.of("code", "x")).expectStatus().isEqualTo(403);
		step(this.client, perSample.staff(), id, "complete", Map.of("samplesRun", 2, "resultNote", "报告已发送"))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.chargeFen")
			.isEqualTo(160000)
			.jsonPath("$.samplesRun")
			.isEqualTo(2);
	}

	@Test
	void aPayingOrganisationMustBeTheUsersAndItsHostMembersPayTheInternalRate() {
		Map<String, Object> request = machineTime(this.host.instrument(), monday(1, 9, 0), monday(1, 11, 0));
		request.put("organisationId", this.host.organisation().toString());
		book(this.client, this.researcher, request).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("organisationId");
		this.fixtures.join(this.host.organisation(), this.researcher);
		this.client.post()
			.uri("/api/v1/bookings/estimate")
			.headers((h) -> h.setBearerAuth(this.researcher.token()))
			.bodyValue(request)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.rate")
			.isEqualTo("INTERNAL")
			.jsonPath("$.amountFen")
			.isEqualTo(60000);
	}

	@Test
	void theUsersListAndTheStaffQueueShowTheirOwnBookingsOnly() {
		String mine = request(monday(1, 9, 0), monday(1, 10, 0));
		this.client.get()
			.uri("/api/v1/bookings?scope=mine")
			.headers((h) -> h.setBearerAuth(this.researcher.token()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(1)
			.jsonPath("$.items[0].id")
			.isEqualTo(mine);
		this.client.get()
			.uri("/api/v1/bookings?scope=staff&status=PENDING")
			.headers((h) -> h.setBearerAuth(this.host.staff().token()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[0].id")
			.isEqualTo(mine)
			.jsonPath("$.items[0].requester.id")
			.isEqualTo(this.researcher.id().toString());
		this.client.get()
			.uri("/api/v1/bookings?scope=staff")
			.headers((h) -> h.setBearerAuth(this.researcher.token()))
			.exchange()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(0);
		this.client.get()
			.uri("/api/v1/bookings?scope=everyone")
			.headers((h) -> h.setBearerAuth(this.researcher.token()))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	private String request(Instant start, Instant end) {
		return bookedId(this.client, this.researcher, machineTime(this.host.instrument(), start, end));
	}

	private String approved(Instant start, Instant end) {
		String id = request(start, end);
		step(this.client, this.host.staff(), id, "approve", Map.of()).expectStatus().isOk();
		return id;
	}

	/**
	 * An approved booking whose time has begun: booked as if earlier (requests for past
	 * times are refused), then approved.
	 */
	private String pastBooking(Instant start, Instant end) {
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
			.bind("requester", this.researcher.id())
			.bind("start", start)
			.bind("end", end)
			.then()
			.block();
		return id.toString();
	}

	private java.util.List<String> events(String id) {
		return this.database
			.sql("select coalesce(from_status, 'null') || '>' || to_status from booking_events where booking_id = :id "
					+ "order by at, to_status")
			.bind("id", UUID.fromString(id))
			.map((row) -> row.get(0, String.class))
			.all()
			.collectList()
			.block();
	}

	private static Instant onGrid(Instant instant) {
		return instant.minusSeconds(instant.getEpochSecond() % 1800).minusNanos(instant.getNano());
	}

}
