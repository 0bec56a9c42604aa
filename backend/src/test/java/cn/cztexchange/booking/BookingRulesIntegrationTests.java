package cn.cztexchange.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.cztexchange.IntegrationTest;
import cn.cztexchange.booking.BookingFixtures.Host;
import cn.cztexchange.identity.TestAccounts.Account;

import static cn.cztexchange.booking.BookingFixtures.book;
import static cn.cztexchange.booking.BookingFixtures.machineTime;
import static cn.cztexchange.booking.BookingFixtures.monday;
import static cn.cztexchange.booking.BookingFixtures.openAllDay;
import static cn.cztexchange.booking.BookingFixtures.putRules;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every availability rule, each with a request that keeps it and one that breaks it:
 * opening hours, closures, grid, length, notice, advance, buffer, quotas, training,
 * suspension.
 */
@IntegrationTest
class BookingRulesIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	BookingFixtures fixtures;

	Host host;

	Account researcher;

	@BeforeEach
	void instrument() {
		this.host = this.fixtures.host(this.client, Map.of());
		this.researcher = this.fixtures.user();
	}

	@Test
	void theDefaultsOpenWeekdaysFromHalfPastEightToHalfPastFiveShanghaiTime() {
		this.client.get()
			.uri("/api/v1/instruments/{id}/booking-rules", this.host.instrument())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.weeklyHours.length()")
			.isEqualTo(5)
			.jsonPath("$.weeklyHours[0].start")
			.isEqualTo("08:30")
			.jsonPath("$.slotMinutes")
			.isEqualTo(30);
		Instant monday = monday(1, 0, 0);
		this.client.get()
			.uri("/api/v1/instruments/{id}/availability?from={from}&to={to}", this.host.instrument(), monday,
					monday.plus(Duration.ofDays(7)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.timeZone")
			.isEqualTo("Asia/Shanghai")
			.jsonPath("$.open.length()")
			.isEqualTo(5)
			// 08:30 in Shanghai is 00:30 UTC.
			.jsonPath("$.open[0].start")
			.isEqualTo(monday(1, 8, 30).toString())
			.jsonPath("$.open[0].end")
			.isEqualTo(monday(1, 17, 30).toString());
	}

	@Test
	void theCalendarShowsTakenTimeToAnyoneButNeverWhoTookIt() {
		Instant start = monday(1, 9, 0);
		book(this.client, this.researcher, machineTime(this.host.instrument(), start, monday(1, 11, 0))).expectStatus()
			.isCreated();
		this.client.get()
			.uri("/api/v1/instruments/{id}/availability?from={from}&to={to}", this.host.instrument(),
					monday(1, 0, 0).toString().substring(0, 10), monday(1, 0, 0).plus(Duration.ofDays(2)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.taken.length()")
			.isEqualTo(1)
			.jsonPath("$.taken[0].start")
			.isEqualTo(start.toString())
			.jsonPath("$.taken[0].requester")
			.doesNotExist()
			.consumeWith((result) -> assertThat(new String(result.getResponseBody()))
				.doesNotContain(this.researcher.id().toString()));
	}

	@Test
	void badCalendarRangesAreRefusedByName() {
		this.client.get()
			.uri("/api/v1/instruments/{id}/availability?from=2026-13-01&to=2026-12-08", this.host.instrument())
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("from");
		this.client.get()
			.uri("/api/v1/instruments/{id}/availability?from=2026-12-01&to=2027-03-01", this.host.instrument())
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("must be at most 31 days after from");
	}

	@Test
	void outsideOpeningHoursIsRefused() {
		book(this.client, this.researcher, machineTime(this.host.instrument(), monday(1, 17, 0), monday(1, 18, 0)))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("start")
			.jsonPath("$.errors[0].message")
			.value((String message) -> assertThat(message).contains("not open"));
		// Saturday is closed by default.
		book(this.client, this.researcher, machineTime(this.host.instrument(),
				monday(1, 10, 0).minus(Duration.ofDays(2)), monday(1, 11, 0).minus(Duration.ofDays(2))))
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void aBookingMayRunPastMidnightWhenTheInstrumentIsOpenAcrossIt() {
		putRules(this.client, this.host, this.host.staff(), openAllDay(Map.of())).expectStatus().isOk();
		book(this.client, this.researcher, machineTime(this.host.instrument(), monday(1, 22, 0), monday(1, 26, 0)))
			.expectStatus()
			.isCreated();
	}

	@Test
	void duringAClosureIsAConflictThatSaysWhy() {
		this.client.post()
			.uri("/api/v1/instruments/{id}/closures", this.host.instrument())
			.headers((h) -> h.setBearerAuth(this.host.staff().token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("start", monday(1, 8, 30), "end", monday(1, 12, 0), "kind", "MAINTENANCE", "planned",
					true, "reason", "更换灯丝"))
			.exchange()
			.expectStatus()
			.isCreated();
		book(this.client, this.researcher, machineTime(this.host.instrument(), monday(1, 11, 0), monday(1, 13, 0)))
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("maintenance").contains("更换灯丝"))
			.jsonPath("$.conflict.start")
			.isEqualTo(monday(1, 8, 30).toString());
		book(this.client, this.researcher, machineTime(this.host.instrument(), monday(1, 12, 0), monday(1, 13, 0)))
			.expectStatus()
			.isCreated();
		this.client.get()
			.uri("/api/v1/instruments/{id}/availability?from={from}&to={to}", this.host.instrument(), monday(1, 0, 0),
					monday(1, 24, 0))
			.exchange()
			.expectBody()
			.jsonPath("$.open[0].start")
			.isEqualTo(monday(1, 12, 0).toString())
			.jsonPath("$.closures[0].reason")
			.isEqualTo("更换灯丝");
	}

	@Test
	void onlyStaffCloseTheInstrumentOrChangeItsRules() {
		this.client.post()
			.uri("/api/v1/instruments/{id}/closures", this.host.instrument())
			.headers((h) -> h.setBearerAuth(this.researcher.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("start", monday(1, 8, 30), "end", monday(1, 12, 0), "kind", "OUTAGE", "planned", false,
					"reason", "停电"))
			.exchange()
			.expectStatus()
			.isForbidden();
		putRules(this.client, this.host, this.researcher, openAllDay(Map.of())).expectStatus().isForbidden();
	}

	@Test
	void rulesThatContradictEachOtherAreRefusedFieldByField() {
		putRules(this.client, this.host, this.host.staff(),
				openAllDay(Map.of("minMinutes", 90, "maxMinutes", 60, "slotMinutes", 60, "weeklyHours",
						List.of(Map.of("day", "MONDAY", "start", "10:00", "end", "09:00")))))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'minMinutes')].message")
			.value((List<String> messages) -> assertThat(messages).contains("must not exceed maxMinutes",
					"must be a multiple of slotMinutes"))
			.jsonPath("$.errors[?(@.field == 'weeklyHours[0].end')]")
			.exists();
		putRules(this.client, this.host, this.host.staff(), openAllDay(Map.of("slotMinutes", 2))).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("slotMinutes");
	}

	@Test
	void aStaleVersionOfTheRulesIsAConflict() {
		putRules(this.client, this.host, this.host.staff(), openAllDay(Map.of())).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.version")
			.isEqualTo(1);
		putRules(this.client, this.host, this.host.staff(), openAllDay(Map.of("version", 1))).expectStatus().isOk();
		putRules(this.client, this.host, this.host.staff(), openAllDay(Map.of("version", 1))).expectStatus()
			.isEqualTo(409);
	}

	@Test
	void gridLengthNoticeAndAdvanceAreEachNamed() {
		putRules(this.client, this.host, this.host.staff(),
				openAllDay(Map.of("minMinutes", 60, "maxMinutes", 240, "minNoticeMinutes", 1440, "maxAdvanceDays", 30)))
			.expectStatus()
			.isOk();
		Instant soon = Instant.now().plus(Duration.ofHours(3));
		expectError(monday(1, 9, 10), monday(1, 10, 10), "start", "must fall on the 30-minute grid");
		expectError(monday(1, 9, 0), monday(1, 9, 30), "end", "must be at least 60 minutes after start");
		expectError(monday(1, 9, 0), monday(1, 14, 0), "end", "must be at most 240 minutes after start");
		expectError(monday(1, 9, 0).minus(Duration.ofDays(30)), monday(1, 10, 0).minus(Duration.ofDays(30)), "start",
				"is in the past");
		expectError(monday(5, 9, 0), monday(5, 10, 0), "start", "must be at most 30 days ahead");
		Instant onGrid = soon.plusSeconds(1800 - soon.getEpochSecond() % 1800);
		expectError(onGrid, onGrid.plus(Duration.ofHours(1)), "start", "must be at least 1440 minutes from now");
		expectError(monday(1, 10, 0), monday(1, 9, 0), "end", "must be after start");
	}

	@Test
	void theBufferAfterABookingIsKeptFree() {
		putRules(this.client, this.host, this.host.staff(), openAllDay(Map.of("bufferMinutes", 30))).expectStatus()
			.isOk();
		book(this.client, this.researcher, machineTime(this.host.instrument(), monday(1, 9, 0), monday(1, 10, 0)))
			.expectStatus()
			.isCreated();
		book(this.client, this.fixtures.user(), machineTime(this.host.instrument(), monday(1, 10, 0), monday(1, 11, 0)))
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.conflict.end")
			.isEqualTo(monday(1, 10, 30).toString());
		book(this.client, this.fixtures.user(),
				machineTime(this.host.instrument(), monday(1, 10, 30), monday(1, 11, 0)))
			.expectStatus()
			.isCreated();
	}

	@Test
	void quotasCountPerUserPerDayWeekAndMonth() {
		putRules(this.client, this.host, this.host.staff(),
				openAllDay(Map.of("quotaMinutesPerDay", 120, "quotaMinutesPerWeek", 150)))
			.expectStatus()
			.isOk();
		book(this.client, this.researcher, machineTime(this.host.instrument(), monday(1, 9, 0), monday(1, 10, 30)))
			.expectStatus()
			.isCreated();
		book(this.client, this.researcher, machineTime(this.host.instrument(), monday(1, 11, 0), monday(1, 12, 0)))
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Quota exceeded")
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("120 minutes per day"));
		// Tuesday is another day, but the same week.
		book(this.client, this.researcher, machineTime(this.host.instrument(), monday(1, 33, 0), monday(1, 34, 30)))
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("per week"));
		book(this.client, this.researcher, machineTime(this.host.instrument(), monday(1, 33, 0), monday(1, 34, 0)))
			.expectStatus()
			.isCreated();
		// Others have quotas of their own.
		book(this.client, this.fixtures.user(), machineTime(this.host.instrument(), monday(1, 11, 0), monday(1, 13, 0)))
			.expectStatus()
			.isCreated();
	}

	@Test
	void trainingIsRequiredWhereTheRulesSaySo() {
		putRules(this.client, this.host, this.host.staff(), openAllDay(Map.of("trainingRequired", true))).expectStatus()
			.isOk();
		book(this.client, this.researcher, machineTime(this.host.instrument(), monday(1, 9, 0), monday(1, 10, 0)))
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("trained"));
		// Samples need no training.
		book(this.client, this.researcher, BookingFixtures.samples(this.host.instrument(), 2)).expectStatus()
			.isCreated();
		this.client.post()
			.uri("/api/v1/instruments/{id}/qualifications", this.host.instrument())
			.headers((h) -> h.setBearerAuth(this.host.staff().token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", this.researcher.email()))
			.exchange()
			.expectStatus()
			.isCreated();
		book(this.client, this.researcher, machineTime(this.host.instrument(), monday(1, 9, 0), monday(1, 10, 0)))
			.expectStatus()
			.isCreated();
		this.client.post()
			.uri("/api/v1/instruments/{id}/qualifications", this.host.instrument())
			.headers((h) -> h.setBearerAuth(this.host.staff().token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", "nobody-" + System.nanoTime() + "@example.com"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("has no account");
	}

	@Test
	void modesTheInstrumentDoesNotOfferAreRefused() {
		Host samplesOnly = this.fixtures.host(this.client, Map.of("serviceModes", List.of("SAMPLE_SUBMISSION")));
		book(this.client, this.researcher, machineTime(samplesOnly.instrument(), monday(1, 9, 0), monday(1, 10, 0)))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("mode");
		book(this.client, this.researcher,
				Map.of("instrumentId", samplesOnly.instrument().toString(), "mode", "SAMPLE_SUBMISSION"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("sample");
	}

	@Test
	void anInstrumentUnderMaintenanceCannotBeBooked() {
		Host broken = this.fixtures.host(this.client, Map.of("operatingStatus", "UNDER_MAINTENANCE"));
		book(this.client, this.researcher, machineTime(broken.instrument(), monday(1, 9, 0), monday(1, 10, 0)))
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("under maintenance"));
	}

	@Test
	void unknownInstrumentsAreNotFound() {
		book(this.client, this.researcher, machineTime(java.util.UUID.randomUUID(), monday(1, 9, 0), monday(1, 10, 0)))
			.expectStatus()
			.isNotFound();
		this.client.get()
			.uri("/api/v1/instruments/{id}/availability?from=2026-12-01&to=2026-12-08", java.util.UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private void expectError(Instant start, Instant end, String field, String message) {
		book(this.client, this.researcher, machineTime(this.host.instrument(), start, end)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == '" + field + "')].message")
			.value((List<String> messages) -> assertThat(messages).contains(message));
	}

}
