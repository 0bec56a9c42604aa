package cn.cztexchange.booking;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.cztexchange.IntegrationTest;
import cn.cztexchange.booking.BookingFixtures.Host;
import cn.cztexchange.platform.Broadcasts;
import cn.cztexchange.search.SearchIndexProbe;

import static cn.cztexchange.booking.BookingFixtures.openAllDay;
import static cn.cztexchange.booking.BookingFixtures.putRules;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replicas keep instruments and their rules in memory; a change made through any of them
 * reaches all of them when it commits.
 */
@IntegrationTest
class InstrumentSnapshotsIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	BookingFixtures fixtures;

	@Autowired
	DatabaseClient database;

	@Autowired
	Broadcasts broadcasts;

	@Autowired
	SearchIndexProbe search;

	@Test
	void rulesSavedThroughThisReplicaApplyAtOnce() {
		Host host = this.fixtures.host(this.client, Map.of());
		assertThat(calendarSlotMinutes(host)).isEqualTo(30);
		putRules(this.client, host, host.staff(), openAllDay(Map.of("slotMinutes", 60, "minMinutes", 60)))
			.expectStatus()
			.isOk();
		assertThat(calendarSlotMinutes(host)).isEqualTo(60);
	}

	@Test
	void aChangeAnotherReplicaBroadcastsReachesThisOne() {
		Host host = this.fixtures.host(this.client, Map.of());
		// Indexing the new entry makes every replica forget it: done before we start.
		this.search.awaitIndexed(host.instrument(), BookingFixtures.TITLE);
		putRules(this.client, host, host.staff(), openAllDay(Map.of())).expectStatus().isOk();
		assertThat(calendarSlotMinutes(host)).isEqualTo(30);

		// Another replica writes the rules (this one does not see the write) ...
		this.database.sql("update booking_rules set slot_minutes = 15, version = version + 1 where instrument_id = :id")
			.bind("id", host.instrument())
			.then()
			.block();
		assertThat(calendarSlotMinutes(host)).as("kept in memory").isEqualTo(30);

		// ... and broadcasts it when it commits.
		this.broadcasts.send("booking-instrument", List.of(host.instrument().toString())).block();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> calendarSlotMinutes(host) == 15);
	}

	private int calendarSlotMinutes(Host host) {
		return (Integer) this.client.get()
			.uri("/api/v1/instruments/{id}/availability?from={from}&to={to}", host.instrument(),
					BookingFixtures.monday(1, 0, 0), BookingFixtures.monday(1, 0, 0).plus(Duration.ofDays(1)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("slotMinutes");
	}

}
