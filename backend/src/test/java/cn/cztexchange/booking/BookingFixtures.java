package cn.cztexchange.booking;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.cztexchange.identity.MembershipRole;
import cn.cztexchange.identity.Role;
import cn.cztexchange.identity.TestAccounts;
import cn.cztexchange.identity.TestAccounts.Account;

/**
 * A host organisation with a staff member and a published instrument, made through the
 * API as publishers and admins would; and requests as the web app sends them.
 */
@Component
class BookingFixtures {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/** The instruments' title: one that no search or suggestion test looks for. */
	static final String TITLE = "预约测试专用仪器";

	private final TestAccounts accounts;

	BookingFixtures(TestAccounts accounts) {
		this.accounts = accounts;
	}

	/**
	 * A fresh host with staff and an admin, and one instrument with the given details.
	 */
	Host host(WebTestClient client, Map<String, Object> instrumentDetails) {
		UUID organisation = this.accounts.organisation(true);
		Account staff = this.accounts.user(Role.PUBLISHER);
		this.accounts.join(organisation, staff, MembershipRole.MANAGER);
		Account admin = this.accounts.user(Role.ADMIN);
		Map<String, Object> content = new HashMap<>();
		content.put("titleZh", TITLE);
		content.put("titleEn", "Instrument for booking tests");
		content.put("summaryZh", "高分辨形貌观察与能谱分析。");
		content.put("city", "CHANGSHA");
		content.put("district", "岳麓区");
		content.put("industryChains", List.of("NEW_MATERIALS"));
		content.put("tags", List.of("预约测试"));
		Map<String, Object> instrument = new HashMap<>(Map.of("model", "SU5000", "manufacturer", "Hitachi", "category",
				"IMAGING", "mainFunctions", "形貌观察", "serviceModes", List.of("MACHINE_TIME", "SAMPLE_SUBMISSION"),
				"internalPrice", Map.of("amountFen", 30000, "unit", "PER_HOUR"), "externalPrice",
				Map.of("amountFen", 60000, "unit", "PER_HOUR"), "operatingStatus", "IN_SERVICE"));
		instrument.putAll(instrumentDetails);
		content.put("instrument", instrument);
		UUID id = UUID.fromString((String) client.post()
			.uri("/api/v1/catalog/entries")
			.headers((h) -> h.setBearerAuth(staff.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", "INSTRUMENT", "ownerOrganisationId", organisation.toString(), "content", content))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id"));
		client.post()
			.uri("/api/v1/catalog/entries/{id}/submit", id)
			.headers((h) -> h.setBearerAuth(staff.token()))
			.exchange()
			.expectStatus()
			.isOk();
		client.post()
			.uri("/api/v1/admin/catalog/entries/{id}/approve", id)
			.headers((h) -> h.setBearerAuth(admin.token()))
			.exchange()
			.expectStatus()
			.isOk();
		return new Host(organisation, staff, admin, id);
	}

	Account user() {
		return this.accounts.user(Role.RESEARCHER);
	}

	/** A researcher who belongs to a (verified) organisation of their own. */
	Member member() {
		UUID organisation = this.accounts.organisation(true);
		Account account = this.accounts.user(Role.FIRM);
		this.accounts.join(organisation, account, MembershipRole.MEMBER);
		return new Member(account, organisation);
	}

	void join(UUID organisation, Account account) {
		this.accounts.join(organisation, account, MembershipRole.MEMBER);
	}

	/** Rules under which any future half hour can be booked, for tests of other rules. */
	static Map<String, Object> openAllDay(Map<String, Object> overrides) {
		List<Map<String, String>> hours = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			hours.add(Map.of("day", day.name(), "start", "00:00", "end", "00:00"));
		}
		Map<String, Object> rules = new HashMap<>();
		rules.put("weeklyHours", hours);
		rules.put("slotMinutes", 30);
		rules.put("minMinutes", 30);
		rules.put("maxMinutes", 1440);
		rules.put("minNoticeMinutes", 0);
		rules.put("maxAdvanceDays", 365);
		rules.put("bufferMinutes", 0);
		rules.put("approvalRequired", true);
		rules.put("trainingRequired", false);
		rules.put("cancellationDeadlineHours", 24);
		rules.put("noShowGraceMinutes", 15);
		rules.putAll(overrides);
		return rules;
	}

	static WebTestClient.ResponseSpec putRules(WebTestClient client, Host host, Account as, Map<String, Object> rules) {
		return client.put()
			.uri("/api/v1/instruments/{id}/booking-rules", host.instrument())
			.headers((h) -> h.setBearerAuth(as.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(rules)
			.exchange();
	}

	static WebTestClient.ResponseSpec book(WebTestClient client, Account as, Map<String, Object> request) {
		return client.post()
			.uri("/api/v1/bookings")
			.headers((h) -> h.setBearerAuth(as.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(request)
			.exchange();
	}

	/** Books and answers the new booking's id, expecting a 201. */
	@SuppressWarnings("rawtypes")
	static String bookedId(WebTestClient client, Account as, Map<String, Object> request) {
		Map booking = book(client, as, request).expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return booking.get("id").toString();
	}

	static WebTestClient.ResponseSpec step(WebTestClient client, Account as, Object bookingId, String step,
			Map<String, Object> body) {
		return client.post()
			.uri("/api/v1/bookings/{id}/{step}", bookingId, step)
			.headers((h) -> h.setBearerAuth(as.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	/**
	 * The user's newest notification once it is of this type (notices are delivered
	 * through the outbox, a moment after the step that queued them commits).
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> awaitNewestNotification(WebTestClient client, Account as, String type) {
		return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
			Map<String, Object> page = client.get()
				.uri("/api/v1/notifications")
				.headers((h) -> h.setBearerAuth(as.token()))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
			return items.isEmpty() ? Map.<String, Object>of() : items.get(0);
		}, (newest) -> type.equals(newest.get("type")));
	}

	static Map<String, Object> machineTime(UUID instrument, Instant start, Instant end) {
		return new HashMap<>(
				Map.of("instrumentId", instrument.toString(), "mode", "MACHINE_TIME", "start", start, "end", end));
	}

	static Map<String, Object> samples(UUID instrument, int count) {
		return new HashMap<>(Map.of("instrumentId", instrument.toString(), "mode", "SAMPLE_SUBMISSION", "sample",
				Map.of("count", count, "description", "碳化硅粉末，观察形貌", "returnSamples", false)));
	}

	/**
	 * Local time in Asia/Shanghai, {@code weeks} weeks after next Monday ({@code hour}
	 * may run past 23 into the next days).
	 */
	static Instant monday(int weeks, int hour, int minute) {
		LocalDate monday = LocalDate.now(SHANGHAI).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(weeks);
		return LocalDateTime.of(monday, LocalTime.MIDNIGHT)
			.plusHours(hour)
			.plusMinutes(minute)
			.atZone(SHANGHAI)
			.toInstant();
	}

	/**
	 * @param organisation the host
	 * @param staff its manager
	 * @param admin an admin
	 * @param instrument the published instrument
	 */
	record Host(UUID organisation, Account staff, Account admin, UUID instrument) {
	}

	record Member(Account account, UUID organisation) {
	}

}
