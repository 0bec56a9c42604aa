package cn.cztexchange.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.json.JsonMapper;

import cn.cztexchange.localservices.PostgresEndpoint;

/**
 * The booking benchmark, on the generated catalogue's instruments:
 * <ul>
 * <li>throughput: machine-time requests that never conflict (a distinct instrument and
 * hour each) through the API, against raw {@code INSERT}s of booking rows of the same
 * shape straight into PostgreSQL, one transaction each, at the same concurrency;</li>
 * <li>the availability calendar of 1,000 instruments for a week, with bookings in
 * it.</li>
 * </ul>
 */
final class BookingLoad {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final int INSTRUMENTS = 1000;

	private static final int USERS = 64;

	private final URI api;

	private final HttpClient http;

	private final PostgresEndpoint postgres;

	private final JsonMapper json;

	private final int concurrency;

	private List<Instrument> instruments;

	private List<String> tokens;

	/** The user the raw rows are booked for. */
	private UUID requester;

	BookingLoad(URI api, HttpClient http, PostgresEndpoint postgres, JsonMapper json, int concurrency) {
		this.api = api;
		this.http = http;
		this.postgres = postgres;
		this.json = json;
		this.concurrency = concurrency;
	}

	/**
	 * Picks the instruments, opens them around the clock without approval (as their staff
	 * could) and registers the users; not timed.
	 */
	void prepare() throws SQLException, IOException, InterruptedException {
		this.instruments = new ArrayList<>();
		try (Connection connection = connect();
				PreparedStatement select = connection.prepareStatement("select id, owner_organisation_id from "
						+ "catalog_entries where kind = 'INSTRUMENT' and status = 'PUBLISHED' and published -> "
						+ "'instrument' -> 'serviceModes' @> '[\"MACHINE_TIME\"]' and published -> 'instrument' ->> "
						+ "'operatingStatus' = 'IN_SERVICE' order by id limit " + INSTRUMENTS);
				ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				this.instruments.add(new Instrument(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class)));
			}
		}
		StringBuilder hours = new StringBuilder("[");
		for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
			hours.append((hours.length() > 1) ? "," : "")
				.append("{\"day\":\"")
				.append(day)
				.append("\",\"start\":\"00:00\",\"end\":\"00:00\"}");
		}
		hours.append("]");
		try (Connection connection = connect();
				PreparedStatement insert = connection.prepareStatement("insert into booking_rules (instrument_id, "
						+ "weekly_hours, slot_minutes, min_minutes, max_minutes, min_notice_minutes, max_advance_days, "
						+ "buffer_minutes, approval_required, training_required, cancellation_deadline_hours, "
						+ "no_show_grace_minutes, version, updated_at) values (?, cast(? as jsonb), 30, 30, 480, 0, "
						+ "365, 0, false, false, 24, 15, 1, now()) on conflict do nothing")) {
			for (Instrument instrument : this.instruments) {
				insert.setObject(1, instrument.id());
				insert.setString(2, hours.toString());
				insert.addBatch();
			}
			insert.executeBatch();
		}
		try (Connection connection = connect();
				PreparedStatement select = connection.prepareStatement("select id from users order by id limit 1");
				ResultSet rows = select.executeQuery()) {
			rows.next();
			this.requester = rows.getObject(1, UUID.class);
		}
		this.tokens = new ArrayList<>();
		for (int i = 0; i < USERS; i++) {
			String email = "bench-booker-" + i + "-" + System.nanoTime() + "@example.com";
			String password = "a long and unusual bench passphrase";
			call("POST", "/api/v1/auth/register", null, Map.of("email", email, "password", password, "displayName",
					"Bench " + i, "role", "RESEARCHER", "locale", "zh-CN"));
			this.tokens
				.add((String) this.json
					.readValue(call("POST", "/api/v1/auth/login", null, Map.of("email", email, "password", password)),
							Map.class)
					.get("accessToken"));
		}
	}

	int instruments() {
		return this.instruments.size();
	}

	/**
	 * Booking requests through the API for the week starting {@code week}, for a time.
	 */
	LatencyStats bookThroughApi(LocalDate week, Duration duration) throws InterruptedException {
		List<PlainHttpConnection.Request> requests = new ArrayList<>();
		int i = 0;
		for (Instant slot : hourlySlots(week)) {
			for (Instrument instrument : this.instruments) {
				String body = this.json.writeValueAsString(Map.of("instrumentId", instrument.id().toString(), "mode",
						"MACHINE_TIME", "start", slot.toString(), "end", slot.plus(Duration.ofHours(1)).toString()));
				requests.add(PlainHttpConnection.Request.of(this.api, "POST", "/api/v1/bookings", Map.of("Content-Type",
						"application/json", "Authorization", "Bearer " + this.tokens.get(i++ % this.tokens.size())),
						body));
			}
		}
		return new ClosedLoopLoad(this.http, this.concurrency).run(requests, duration, null,
				() -> new PlainHttpConnection(this.api));
	}

	/**
	 * The rows a booking confirmed at once leaves behind (the booking, its first event,
	 * the user's notification) inserted straight into PostgreSQL in one transaction each,
	 * a distinct instrument and hour each, from as many threads as the API load has
	 * clients, for a time (or until the weeks from {@code week} on are full).
	 */
	LatencyStats insertRaw(LocalDate week, Duration duration) throws InterruptedException {
		List<Instant> slots = new ArrayList<>();
		for (int w = 0; w < 8; w++) {
			slots.addAll(hourlySlots(week.plusWeeks(w)));
		}
		AtomicLong next = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		long started = System.nanoTime();
		long deadline = started + duration.toNanos();
		List<long[]> recorded = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < this.concurrency; t++) {
			long[] latencies = new long[1 << 20];
			recorded.add(latencies);
			Thread thread = new Thread(() -> insertUntil(deadline, slots, next, errors, latencies), "bench-raw-" + t);
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
		List<Long> all = new ArrayList<>();
		for (long[] latencies : recorded) {
			for (long latency : latencies) {
				if (latency > 0) {
					all.add(latency);
				}
			}
		}
		return LatencyStats.of(all.stream().mapToLong(Long::longValue).toArray(), errors.get(), elapsed);
	}

	private void insertUntil(long deadline, List<Instant> slots, AtomicLong next, AtomicLong errors, long[] latencies) {
		int count = 0;
		try (Connection connection = connect();
				PreparedStatement booking = connection.prepareStatement("insert into bookings (id, instrument_id, "
						+ "host_organisation_id, requester_id, mode, status, starts_at, ends_at, held, rate_kind, unit, "
						+ "rate_fen, quantity, estimate_fen, check_in_code, created_at, updated_at, version) values (?, ?, "
						+ "?, ?, 'MACHINE_TIME', 'APPROVED', ?, ?, tstzrange(?, ?), 'EXTERNAL', 'PER_HOUR', 60000, 1, "
						+ "60000, '424242', now(), now(), 1)");
				PreparedStatement event = connection.prepareStatement("insert into booking_events (id, booking_id, at, "
						+ "actor_id, from_status, to_status) values (?, ?, now(), ?, null, 'APPROVED')");
				PreparedStatement notification = connection.prepareStatement("insert into notifications (id, user_id, "
						+ "type, title, body, link, created_at) values (?, ?, 'BOOKING_CONFIRMED', '预约已确认：仪器', "
						+ "'2026-12-07 09:00–10:00 (Asia/Shanghai)', '/bookings/1', now())")) {
			connection.setAutoCommit(false);
			long capacity = (long) this.instruments.size() * slots.size();
			while (System.nanoTime() < deadline && count < latencies.length) {
				long n = next.getAndIncrement();
				if (n >= capacity) {
					break;
				}
				Instrument instrument = this.instruments.get((int) (n % this.instruments.size()));
				Instant start = slots.get((int) (n / this.instruments.size()));
				Timestamp from = Timestamp.from(start);
				Timestamp to = Timestamp.from(start.plus(Duration.ofHours(1)));
				UUID id = UUID.randomUUID();
				long sent = System.nanoTime();
				try {
					booking.setObject(1, id);
					booking.setObject(2, instrument.id());
					booking.setObject(3, instrument.host());
					booking.setObject(4, this.requester);
					booking.setTimestamp(5, from);
					booking.setTimestamp(6, to);
					booking.setTimestamp(7, from);
					booking.setTimestamp(8, to);
					booking.executeUpdate();
					event.setObject(1, UUID.randomUUID());
					event.setObject(2, id);
					event.setObject(3, this.requester);
					event.executeUpdate();
					notification.setObject(1, UUID.randomUUID());
					notification.setObject(2, this.requester);
					notification.executeUpdate();
					connection.commit();
					latencies[count++] = Math.max(1, System.nanoTime() - sent);
				}
				catch (SQLException ex) {
					errors.incrementAndGet();
					connection.rollback();
				}
			}
		}
		catch (SQLException ex) {
			errors.incrementAndGet();
		}
	}

	/** Calendar requests: every instrument, the week starting {@code week}. */
	List<HttpRequest> availabilityRequests(LocalDate week) {
		List<HttpRequest> requests = new ArrayList<>();
		for (Instrument instrument : this.instruments) {
			requests.add(HttpRequest
				.newBuilder(this.api.resolve("/api/v1/instruments/" + instrument.id() + "/availability?from=" + week
						+ "&to=" + week.plusDays(7)))
				.timeout(Duration.ofSeconds(30))
				.GET()
				.build());
		}
		return requests;
	}

	private static List<Instant> hourlySlots(LocalDate week) {
		List<Instant> slots = new ArrayList<>();
		for (int hour = 0; hour < 7 * 24; hour++) {
			slots.add(week.atStartOfDay(SHANGHAI).toInstant().plus(Duration.ofHours(hour)));
		}
		return slots;
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(this.postgres.jdbcUrl(), this.postgres.username(), this.postgres.password());
	}

	private String call(String method, String path, String token, Object body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.api.resolve(path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.method(method, BodyPublishers.ofString(this.json.writeValueAsString(body)));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = this.http.send(request.build(), BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(
					method + " " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	private record Instrument(UUID id, UUID host) {
	}

}
