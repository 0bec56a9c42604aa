package cn.cztexchange.catalog;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.cztexchange.IntegrationTest;
import cn.cztexchange.identity.MembershipRole;
import cn.cztexchange.identity.Role;
import cn.cztexchange.identity.TestAccounts;
import cn.cztexchange.identity.TestAccounts.Account;

/**
 * Every catalogue endpoint, asked by every kind of caller: anonymous, a researcher
 * outside the organisation, a plain member, a member with the PUBLISHER role, its
 * manager, the manager of another organisation, and an admin. A fresh world for each
 * case.
 */
@IntegrationTest
class CatalogAuthorizationIntegrationTests {

	enum Actor {

		ANONYMOUS, OUTSIDER, MEMBER, PUBLISHER, MANAGER, OTHER_MANAGER, ADMIN

	}

	private static final Map<String, int[]> EXPECTED = new LinkedHashMap<>();

	private static final Map<String, Function<World, Request>> REQUESTS = new LinkedHashMap<>();

	static {
		expect("POST /api/v1/catalog/entries", (w) -> new Request(HttpMethod.POST, "/api/v1/catalog/entries",
				CatalogTestEntries.instrument(w.organisation, "新仪器")), 401, 403, 403, 201, 201, 403, 201);
		expect("GET /api/v1/catalog/entries?organisationId",
				(w) -> new Request(HttpMethod.GET, "/api/v1/catalog/entries?organisationId=" + w.organisation, null),
				401, 403, 200, 200, 200, 403, 200);
		expect("GET /api/v1/catalog/entries/{draft}",
				(w) -> new Request(HttpMethod.GET, "/api/v1/catalog/entries/" + w.draft, null), 401, 404, 200, 200, 200,
				404, 200);
		expect("PUT /api/v1/catalog/entries/{draft}",
				(w) -> new Request(HttpMethod.PUT, "/api/v1/catalog/entries/" + w.draft, Map.of("content",
						CatalogTestEntries.instrument(w.organisation, "改名").get("content"), "version", 1)),
				401, 404, 403, 200, 200, 404, 200);
		for (String action : new String[] { "submit", "archive" }) {
			expect("POST /api/v1/catalog/entries/{draft}/" + action,
					(w) -> new Request(HttpMethod.POST, "/api/v1/catalog/entries/" + w.draft + "/" + action, null), 401,
					404, 403, 200, 200, 404, 200);
		}
		expect("POST /api/v1/catalog/entries/{pending}/withdraw",
				(w) -> new Request(HttpMethod.POST, "/api/v1/catalog/entries/" + w.pending + "/withdraw", null), 401,
				404, 403, 200, 200, 404, 200);
		expect("GET /api/v1/admin/catalog/review-queue",
				(w) -> new Request(HttpMethod.GET, "/api/v1/admin/catalog/review-queue", null), 401, 403, 403, 403, 403,
				403, 200);
		expect("POST /api/v1/admin/catalog/entries/{pending}/approve",
				(w) -> new Request(HttpMethod.POST, "/api/v1/admin/catalog/entries/" + w.pending + "/approve", null),
				401, 403, 403, 403, 403, 403, 200);
		expect("POST /api/v1/admin/catalog/entries/{pending}/reject", (w) -> new Request(HttpMethod.POST,
				"/api/v1/admin/catalog/entries/" + w.pending + "/reject", Map.of("reason", "信息不全")), 401, 403, 403, 403,
				403, 403, 200);
		expect("GET /api/v1/resources/{published}",
				(w) -> new Request(HttpMethod.GET, "/api/v1/resources/" + w.published, null), 200, 200, 200, 200, 200,
				200, 200);
		expect("GET /api/v1/admin/search/status",
				(w) -> new Request(HttpMethod.GET, "/api/v1/admin/search/status", null), 401, 403, 403, 403, 403, 403,
				200);
		expect("GET /api/v1/suggest", (w) -> new Request(HttpMethod.GET, "/api/v1/suggest?q=仪器", null), 200, 200, 200,
				200, 200, 200, 200);
		expect("GET /api/v1/search", (w) -> new Request(HttpMethod.GET, "/api/v1/search?q=仪器", null), 200, 200, 200,
				200, 200, 200, 200);
		expect("GET /api/v1/resources/{draft}",
				(w) -> new Request(HttpMethod.GET, "/api/v1/resources/" + w.draft, null), 404, 404, 404, 404, 404, 404,
				404);
	}

	@Autowired
	WebTestClient client;

	@Autowired
	TestAccounts accounts;

	World world;

	@BeforeEach
	void newWorld() {
		this.world = new World();
	}

	@ParameterizedTest(name = "{0} as {1} → {2}")
	@MethodSource("cases")
	void answersExactlyAsIntended(String endpoint, Actor actor, int expectedStatus) {
		Request request = REQUESTS.get(endpoint).apply(this.world);
		Account account = this.world.actors.get(actor);
		exchange(request.method(), request.uri(), request.body(), account).expectStatus().isEqualTo(expectedStatus);
	}

	static Stream<Arguments> cases() {
		return EXPECTED.entrySet()
			.stream()
			.flatMap((entry) -> Stream.of(Actor.values())
				.map((actor) -> Arguments.of(entry.getKey(), actor, entry.getValue()[actor.ordinal()])));
	}

	private static void expect(String endpoint, Function<World, Request> request, int... statuses) {
		EXPECTED.put(endpoint, statuses);
		REQUESTS.put(endpoint, request);
	}

	private WebTestClient.ResponseSpec exchange(HttpMethod method, String uri, Object body, Account account) {
		WebTestClient.RequestBodySpec spec = this.client.method(method).uri(uri);
		if (account != null) {
			spec.headers((h) -> h.setBearerAuth(account.token()));
		}
		return (body != null) ? spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
				: spec.exchange();
	}

	private UUID created(Account account, UUID organisation, String title) {
		return exchange(HttpMethod.POST, "/api/v1/catalog/entries", CatalogTestEntries.instrument(organisation, title),
				account)
			.expectStatus()
			.isCreated()
			.expectBody(CatalogEntryResponse.class)
			.returnResult()
			.getResponseBody()
			.id();
	}

	record Request(HttpMethod method, String uri, Object body) {
	}

	/** An organisation with a draft, a pending and a published entry, and the actors. */
	final class World {

		final UUID organisation;

		final UUID draft;

		final UUID pending;

		final UUID published;

		final Map<Actor, Account> actors = new EnumMap<>(Actor.class);

		World() {
			TestAccounts accounts = CatalogAuthorizationIntegrationTests.this.accounts;
			this.organisation = accounts.organisation(true);
			UUID other = accounts.organisation(true);
			this.actors.put(Actor.OUTSIDER, accounts.user(Role.RESEARCHER));
			this.actors.put(Actor.MEMBER, accounts.user(Role.RESEARCHER));
			this.actors.put(Actor.PUBLISHER, accounts.user(Role.PUBLISHER));
			this.actors.put(Actor.MANAGER, accounts.user(Role.FIRM));
			this.actors.put(Actor.OTHER_MANAGER, accounts.user(Role.PUBLISHER));
			this.actors.put(Actor.ADMIN, accounts.user(Role.ADMIN));
			accounts.join(this.organisation, this.actors.get(Actor.MEMBER), MembershipRole.MEMBER);
			accounts.join(this.organisation, this.actors.get(Actor.PUBLISHER), MembershipRole.MEMBER);
			accounts.join(this.organisation, this.actors.get(Actor.MANAGER), MembershipRole.MANAGER);
			accounts.join(other, this.actors.get(Actor.OTHER_MANAGER), MembershipRole.MANAGER);
			Account manager = this.actors.get(Actor.MANAGER);
			this.draft = created(manager, this.organisation, "草稿");
			this.pending = created(manager, this.organisation, "待审");
			exchange(HttpMethod.POST, "/api/v1/catalog/entries/" + this.pending + "/submit", null, manager)
				.expectStatus()
				.isOk();
			this.published = created(manager, this.organisation, "已发布");
			exchange(HttpMethod.POST, "/api/v1/catalog/entries/" + this.published + "/submit", null, manager)
				.expectStatus()
				.isOk();
			exchange(HttpMethod.POST, "/api/v1/admin/catalog/entries/" + this.published + "/approve", null,
					this.actors.get(Actor.ADMIN))
				.expectStatus()
				.isOk();
		}

	}

}
