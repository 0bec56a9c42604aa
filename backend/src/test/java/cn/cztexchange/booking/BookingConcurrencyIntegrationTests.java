package cn.cztexchange.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

import cn.cztexchange.IntegrationTest;
import cn.cztexchange.booking.BookingFixtures.Host;
import cn.cztexchange.booking.BookingFixtures.Member;
import cn.cztexchange.identity.TestAccounts.Account;

import static cn.cztexchange.booking.BookingFixtures.machineTime;
import static cn.cztexchange.booking.BookingFixtures.monday;
import static cn.cztexchange.booking.BookingFixtures.openAllDay;
import static cn.cztexchange.booking.BookingFixtures.putRules;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Races decided by PostgreSQL: a thousand requests at once for overlapping times of one
 * instrument, and a hundred bookings paid from one voucher at once.
 */
@IntegrationTest
class BookingConcurrencyIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	BookingFixtures fixtures;

	@Autowired
	DatabaseClient database;

	@LocalServerPort
	int port;

	@Test
	void ofAThousandConcurrentRequestsForOverlappingTimesExactlyOneHoldsTheSlot() {
		Host host = this.fixtures.host(this.client, Map.of());
		putRules(this.client, host, host.staff(), openAllDay(Map.of())).expectStatus().isOk();
		List<Account> users = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			users.add(this.fixtures.user());
		}
		Instant base = monday(3, 9, 0);
		Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
		List<String> conflictDetails = java.util.Collections.synchronizedList(new ArrayList<>());
		WebClient web = WebClient.create("http://localhost:" + this.port);
		Flux.range(0, 1000).flatMap((i) -> {
			// Every pair of these overlaps: the latest start is before the earliest end.
			Instant start = base.plus(Duration.ofMinutes(30L * (i % 4)));
			return web.post()
				.uri("/api/v1/bookings")
				.headers((h) -> h.setBearerAuth(users.get(i % users.size()).token()))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(machineTime(host.instrument(), start, start.plus(Duration.ofHours(2))))
				.exchangeToMono((response) -> response.bodyToMono(Map.class).defaultIfEmpty(Map.of()).map((body) -> {
					statuses.merge(response.statusCode().value(), 1, Integer::sum);
					if (response.statusCode().value() == 409) {
						conflictDetails.add(String.valueOf(body.get("detail")));
					}
					return body;
				}));
		}, 1000).then().block(Duration.ofMinutes(3));

		assertThat(statuses).containsOnlyKeys(201, 409).containsEntry(201, 1).containsEntry(409, 999);
		assertThat(conflictDetails).allSatisfy((detail) -> assertThat(detail).contains("already booked"));
		assertThat(count("select count(*) from bookings where instrument_id = :id", host)).isEqualTo(1);
		assertThat(count("select count(*) from bookings a join bookings b on a.instrument_id = b.instrument_id "
				+ "and a.id < b.id and a.held && b.held where a.instrument_id = :id", host))
			.isZero();
	}

	@Test
	void aVoucherSpentByAHundredBookingsAtOnceNeverGoesBelowZero() {
		Host host = this.fixtures.host(this.client,
				Map.of("externalPrice", Map.of("amountFen", 80000, "unit", "PER_SAMPLE")));
		Member firm = this.fixtures.member();
		String voucher = this.client.post()
			.uri("/api/v1/vouchers")
			.headers((h) -> h.setBearerAuth(host.admin().token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("organisationId", firm.organisation().toString(), "budgetFen", 1_000_000, "validUntil",
					LocalDate.now().plusYears(1).toString()))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.toString();
		List<String> bookings = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			Map<String, Object> request = BookingFixtures.samples(host.instrument(), 1);
			request.put("organisationId", firm.organisation().toString());
			bookings.add(BookingFixtures.bookedId(this.client, firm.account(), request));
		}
		WebClient web = WebClient.create("http://localhost:" + this.port);
		Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
		Flux.fromIterable(bookings)
			.flatMap((id) -> web.post()
				.uri("/api/v1/bookings/{id}/voucher", id)
				.headers((h) -> h.setBearerAuth(firm.account().token()))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("voucherId", voucher))
				.exchangeToMono((response) -> {
					statuses.merge(response.statusCode().value(), 1, Integer::sum);
					return response.releaseBody();
				}), 100)
			.then()
			.block(Duration.ofMinutes(1));

		// 1,000,000 fen pays twelve bookings of 80,000 in full and a thirteenth in part.
		assertThat(statuses).containsEntry(200, 13).containsEntry(409, 87);
		assertThat(count("select sum(subsidy_fen) from bookings where instrument_id = :id", host)).isEqualTo(1_000_000);
		this.client.get()
			.uri("/api/v1/vouchers?organisationId={org}", firm.organisation())
			.headers((h) -> h.setBearerAuth(firm.account().token()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].spentFen")
			.isEqualTo(1_000_000)
			.jsonPath("$[0].remainingFen")
			.isEqualTo(0);
	}

	private long count(String sql, Host host) {
		return this.database.sql(sql)
			.bind("id", host.instrument())
			.map((row) -> ((Number) row.get(0)).longValue())
			.one()
			.block();
	}

}
