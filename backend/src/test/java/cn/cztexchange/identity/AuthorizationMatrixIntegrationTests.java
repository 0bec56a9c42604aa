package cn.cztexchange.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/**
 * Every endpoint that exists, asked by every kind of caller: anonymous, a researcher with
 * no organisation, a member and a manager of organisation A, a manager of organisation B
 * (the cross-organisation attempt) and an admin. Each case gets a fresh world, so that
 * what one case changes cannot decide another.
 */
@IntegrationTest
class AuthorizationMatrixIntegrationTests {

	enum Actor {

		ANONYMOUS, RESEARCHER, MEMBER_A, MANAGER_A, MANAGER_B, ADMIN

	}

	@Autowired
	WebTestClient client;

	@Autowired
	IdentityFixtures fixtures;

	World world;

	@BeforeEach
	void newWorld() {
		this.world = new World(this.fixtures);
	}

	@ParameterizedTest(name = "{0} as {1} → {2}")
	@MethodSource("cases")
	void answersExactlyAsIntended(String endpoint, Actor actor, int expectedStatus) {
		Request request = REQUESTS.get(endpoint).apply(this.world);
		WebTestClient.RequestBodySpec spec = this.client.method(request.method()).uri(request.uri());
		String token = this.world.token(actor);
		if (token != null) {
			spec.headers((headers) -> headers.setBearerAuth(token));
		}
		if (request.headers() != null) {
			spec.headers((headers) -> request.headers().forEach(headers::set));
		}
		WebTestClient.RequestHeadersSpec<?> ready = (request.body() != null)
				? spec.contentType(MediaType.APPLICATION_JSON).bodyValue(request.body()) : spec;
		ready.exchange().expectStatus().isEqualTo(expectedStatus);
	}

	/**
	 * Endpoint → the statuses for ANONYMOUS, RESEARCHER, MEMBER_A, MANAGER_A, MANAGER_B,
	 * ADMIN.
	 */
	private static final Map<String, int[]> EXPECTED = new java.util.LinkedHashMap<>();

	private static final Map<String, Function<World, Request>> REQUESTS = new java.util.HashMap<>();

	static {
		expect("GET /api/v1/me", (w) -> new Request(HttpMethod.GET, "/api/v1/me"), 401, 200, 200, 200, 200, 200);
		expect("PATCH /api/v1/me", (w) -> new Request(HttpMethod.PATCH, "/api/v1/me", Map.of("displayName", "新名字")),
				401, 200, 200, 200, 200, 200);
		expect("POST /api/v1/me/password",
				(w) -> new Request(HttpMethod.POST, "/api/v1/me/password", Map.of("currentPassword",
						IdentityFixtures.PASSWORD, "newPassword", "an entirely new passphrase")),
				401, 204, 204, 204, 204, 204);
		expect("GET /api/v1/me/organisations", (w) -> new Request(HttpMethod.GET, "/api/v1/me/organisations"), 401, 200,
				200, 200, 200, 200);
		expect("GET /api/v1/me/saved-searches", (w) -> new Request(HttpMethod.GET, "/api/v1/me/saved-searches"), 401,
				200, 200, 200, 200, 200);
		expect("POST /api/v1/me/saved-searches",
				(w) -> new Request(HttpMethod.POST, "/api/v1/me/saved-searches",
						Map.of("name", "长沙的仪器", "query", "kind=INSTRUMENT&city=CHANGSHA")),
				401, 201, 201, 201, 201, 201);
		expect("POST /api/v1/auth/logout without CSRF header",
				(w) -> new Request(HttpMethod.POST, "/api/v1/auth/logout"), 403, 403, 403, 403, 403, 403);
		expect("POST /api/v1/auth/logout",
				(w) -> new Request(HttpMethod.POST, "/api/v1/auth/logout", null, Map.of("X-Requested-With", "czt-web")),
				204, 204, 204, 204, 204, 204);
		expect("POST /api/v1/feedback",
				(w) -> new Request(HttpMethod.POST, "/api/v1/feedback", Map.of("message", "很好用")), 201, 201, 201, 201,
				201, 201);
		expect("GET /api/v1/organisations", (w) -> new Request(HttpMethod.GET, "/api/v1/organisations"), 200, 200, 200,
				200, 200, 200);
		expect("GET /api/v1/organisations/{verified A}",
				(w) -> new Request(HttpMethod.GET, "/api/v1/organisations/" + w.a.id()), 200, 200, 200, 200, 200, 200);
		expect("GET /api/v1/organisations/{unverified U of B}",
				(w) -> new Request(HttpMethod.GET, "/api/v1/organisations/" + w.unverified.id()), 404, 404, 404, 404,
				200, 200);
		expect("POST /api/v1/organisations",
				(w) -> new Request(HttpMethod.POST, "/api/v1/organisations", newOrganisation()), 401, 201, 201, 201,
				201, 201);
		expect("PUT /api/v1/organisations/{A}",
				(w) -> new Request(HttpMethod.PUT, "/api/v1/organisations/" + w.a.id(), newOrganisation()), 401, 403,
				403, 200, 403, 200);
		expect("PUT /api/v1/organisations/{unverified U of B}",
				(w) -> new Request(HttpMethod.PUT, "/api/v1/organisations/" + w.unverified.id(), newOrganisation()),
				401, 404, 404, 404, 200, 200);
		expect("GET /api/v1/organisations/{A}/members",
				(w) -> new Request(HttpMethod.GET, "/api/v1/organisations/" + w.a.id() + "/members"), 401, 403, 200,
				200, 403, 200);
		expect("POST /api/v1/organisations/{A}/members",
				(w) -> new Request(HttpMethod.POST, "/api/v1/organisations/" + w.a.id() + "/members",
						Map.of("email", w.outsider.email(), "role", "MEMBER")),
				401, 403, 403, 201, 403, 201);
		expect("PATCH /api/v1/organisations/{A}/members/{member}",
				(w) -> new Request(HttpMethod.PATCH,
						"/api/v1/organisations/" + w.a.id() + "/members/" + w.users.get(Actor.MEMBER_A).id(),
						Map.of("role", "MANAGER")),
				401, 403, 403, 200, 403, 200);
		expect("DELETE /api/v1/organisations/{A}/members/{member}",
				(w) -> new Request(HttpMethod.DELETE,
						"/api/v1/organisations/" + w.a.id() + "/members/" + w.users.get(Actor.MEMBER_A).id()),
				401, 403, 204, 204, 403, 204);
		expect("DELETE /api/v1/organisations/{A}/members/{last manager}",
				(w) -> new Request(HttpMethod.DELETE,
						"/api/v1/organisations/" + w.a.id() + "/members/" + w.users.get(Actor.MANAGER_A).id()),
				401, 403, 403, 409, 403, 409);
		expect("GET /api/v1/experts", (w) -> new Request(HttpMethod.GET, "/api/v1/experts"), 200, 200, 200, 200, 200,
				200);
		expect("POST /api/v1/experts",
				(w) -> new Request(HttpMethod.POST, "/api/v1/experts",
						Map.of("nameZh", "权限测试专家", "city", "CHANGSHA", "services", List.of("MARKET_RESEARCH"))),
				401, 403, 403, 403, 403, 201);
		expect("GET /api/v1/engagements", (w) -> new Request(HttpMethod.GET, "/api/v1/engagements"), 401, 200, 200, 200,
				200, 200);
		expect("GET /api/v1/engagements/{unknown}",
				(w) -> new Request(HttpMethod.GET, "/api/v1/engagements/" + java.util.UUID.randomUUID()), 401, 404, 404,
				404, 404, 404);
		String[] adminOnly = { "GET /api/v1/admin/users", "PUT /api/v1/admin/users/{id}/roles",
				"POST /api/v1/admin/users/{id}/disable", "POST /api/v1/admin/users/{id}/enable",
				"GET /api/v1/admin/organisations", "POST /api/v1/admin/organisations/{id}/verify",
				"POST /api/v1/admin/organisations/{id}/reject", "GET /api/v1/admin/audit-events",
				"GET /api/v1/admin/engagements" };
		List<Function<World, Request>> adminRequests = new ArrayList<>(List.of(
				(w) -> new Request(HttpMethod.GET, "/api/v1/admin/users?query=example"),
				(w) -> new Request(HttpMethod.PUT, "/api/v1/admin/users/" + w.outsider.id() + "/roles",
						Map.of("roles", List.of("RESEARCHER", "PUBLISHER"))),
				(w) -> new Request(HttpMethod.POST, "/api/v1/admin/users/" + w.outsider.id() + "/disable"),
				(w) -> new Request(HttpMethod.POST, "/api/v1/admin/users/" + w.outsider.id() + "/enable"),
				(w) -> new Request(HttpMethod.GET, "/api/v1/admin/organisations?status=UNVERIFIED"),
				(w) -> new Request(HttpMethod.POST, "/api/v1/admin/organisations/" + w.unverified.id() + "/verify"),
				(w) -> new Request(HttpMethod.POST, "/api/v1/admin/organisations/" + w.unverified.id() + "/reject",
						Map.of("reason", "营业执照信息不符")),
				(w) -> new Request(HttpMethod.GET, "/api/v1/admin/audit-events"),
				(w) -> new Request(HttpMethod.GET, "/api/v1/admin/engagements")));
		for (int i = 0; i < adminOnly.length; i++) {
			expect(adminOnly[i], adminRequests.get(i), 401, 403, 403, 403, 403, 200);
		}
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

	private static Map<String, Object> newOrganisation() {
		return Map.of("type", "FIRM", "nameZh", "湘潭电驱科技有限公司", "nameEn", "Xiangtan Electric Drive Technology Co.",
				"cities", List.of("XIANGTAN"), "district", "岳塘区", "contact",
				Map.of("name", "李工", "phone", "0731-5555555", "email", "li@example.com"));
	}

	record Request(HttpMethod method, String uri, Object body, Map<String, String> headers) {

		Request(HttpMethod method, String uri) {
			this(method, uri, null, null);
		}

		Request(HttpMethod method, String uri, Object body) {
			this(method, uri, body, null);
		}

	}

	/**
	 * Two verified organisations A and B, one unverified U managed by B's manager, and
	 * the actors.
	 */
	static final class World {

		final IdentityFixtures fixtures;

		final Organisation a;

		final Organisation unverified;

		final UserAccount outsider;

		final Map<Actor, UserAccount> users = new java.util.EnumMap<>(Actor.class);

		World(IdentityFixtures fixtures) {
			this.fixtures = fixtures;
			this.a = fixtures.organisation(VerificationStatus.VERIFIED);
			Organisation b = fixtures.organisation(VerificationStatus.VERIFIED);
			this.unverified = fixtures.organisation(VerificationStatus.UNVERIFIED);
			this.outsider = fixtures.user(Role.RESEARCHER);
			this.users.put(Actor.RESEARCHER, fixtures.user(Role.RESEARCHER));
			this.users.put(Actor.MEMBER_A, fixtures.user(Role.RESEARCHER));
			this.users.put(Actor.MANAGER_A, fixtures.user(Role.PUBLISHER));
			this.users.put(Actor.MANAGER_B, fixtures.user(Role.FIRM));
			this.users.put(Actor.ADMIN, fixtures.user(Role.ADMIN));
			fixtures.join(this.a, this.users.get(Actor.MEMBER_A), MembershipRole.MEMBER);
			fixtures.join(this.a, this.users.get(Actor.MANAGER_A), MembershipRole.MANAGER);
			fixtures.join(b, this.users.get(Actor.MANAGER_B), MembershipRole.MANAGER);
			fixtures.join(this.unverified, this.users.get(Actor.MANAGER_B), MembershipRole.MANAGER);
		}

		String token(Actor actor) {
			UserAccount user = this.users.get(actor);
			return (user != null) ? this.fixtures.token(user) : null;
		}

	}

}
