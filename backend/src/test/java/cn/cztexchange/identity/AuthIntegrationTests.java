package cn.cztexchange.identity;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.cztexchange.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Registration, login and the life of tokens, through the HTTP API. */
@IntegrationTest
class AuthIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	DatabaseClient database;

	@Autowired
	SecurityProperties properties;

	@Test
	void registersLogsInAndKnowsWhoIsAsking() {
		String email = uniqueEmail();
		register(email, "a long and unusual passphrase").expectStatus().isAccepted();
		EntityExchangeResult<LoginResponse> login = login(email, "a long and unusual passphrase").expectStatus()
			.isOk()
			.expectBody(LoginResponse.class)
			.returnResult();
		LoginResponse body = login.getResponseBody();
		assertThat(body.accessToken()).isNotBlank();
		assertThat(body.tokenType()).isEqualTo("Bearer");
		assertThat(body.user().email()).isEqualTo(email);
		assertThat(body.user().roles()).containsExactly(Role.FIRM);
		ResponseCookie cookie = login.getResponseCookies().getFirst("czt_refresh");
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.getSameSite()).isEqualTo("Strict");
		assertThat(cookie.getPath()).isEqualTo("/api/v1/auth");
		this.client.get()
			.uri("/api/v1/me")
			.headers((h) -> h.setBearerAuth(body.accessToken()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.email")
			.isEqualTo(email)
			.jsonPath("$.passwordHash")
			.doesNotExist();
	}

	@Test
	void registrationAnswersAlikeWhetherOrNotTheAddressIsTaken() {
		String email = uniqueEmail();
		String first = register(email, "a long and unusual passphrase").expectStatus()
			.isAccepted()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String second = register(email.toUpperCase(), "another long passphrase here").expectStatus()
			.isAccepted()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(second).isEqualTo(first);
		login(email, "another long passphrase here").expectStatus().isUnauthorized();
		login(email, "a long and unusual passphrase").expectStatus().isOk();
	}

	@Test
	void loginFailuresDoNotTellWhetherTheAccountExists() {
		UserAccount user = this.fixtures.user(Role.RESEARCHER);
		String wrongPassword = login(user.email(), "not the password at all").expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String noAccount = login(uniqueEmail(), "not the password at all").expectStatus()
			.isUnauthorized()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(noAccount).isEqualTo(wrongPassword);
	}

	@Test
	void invalidRegistrationsNameTheirFields() {
		this.client.post()
			.uri("/api/v1/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", "someone@example.com", "password", "short", "displayName", "X", "role",
					"RESEARCHER", "locale", "en"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("password")
			.jsonPath("$.errors[0].message")
			.isEqualTo("must have at least 12 characters");
		register("not-an-email", "a long and unusual passphrase").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("email");
		register(uniqueEmail(), "password1234567").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.value((String message) -> assertThat(message).contains("too common"));
		this.client.post()
			.uri("/api/v1/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", uniqueEmail(), "password", "a long and unusual passphrase", "displayName", "X",
					"role", "ADMIN", "locale", "en"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("role");
	}

	@Test
	void anonymousAndExpiredTokensGet401ProblemDetails() {
		this.client.get()
			.uri("/api/v1/me")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401);
		UserAccount user = this.fixtures.user(Role.RESEARCHER);
		this.client.get()
			.uri("/api/v1/me")
			.headers((h) -> h.setBearerAuth(this.fixtures.expiredToken(user)))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.get()
			.uri("/api/v1/me")
			.headers((h) -> h.setBearerAuth(this.fixtures.token(user) + "x"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.client.get()
			.uri("/api/v1/me")
			.headers((h) -> h.setBearerAuth(this.fixtures.token(user)))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void refreshRotatesTheTokenAndReuseRevokesTheFamily() {
		UserAccount user = this.fixtures.user(Role.RESEARCHER);
		String first = refreshCookie(login(user.email(), IdentityFixtures.PASSWORD).expectStatus().isOk());
		String second = refreshCookie(refresh(first).expectStatus().isOk());
		assertThat(second).isNotEqualTo(first);
		String third = refreshCookie(refresh(second).expectStatus().isOk());
		// The used first token comes back after the grace for concurrent tabs: somebody
		// has a copy. The whole family is revoked.
		waitOutTheReuseGrace();
		refresh(first).expectStatus().isUnauthorized();
		refresh(third).expectStatus().isUnauthorized();
		assertThat(auditTypes(user.id())).contains("REFRESH_TOKEN_REUSED");
		// A new login starts a new family.
		String fresh = refreshCookie(login(user.email(), IdentityFixtures.PASSWORD).expectStatus().isOk());
		refresh(fresh).expectStatus().isOk();
	}

	@Test
	void twoTabsRefreshingAtOnceKeepTheSession() {
		UserAccount user = this.fixtures.user(Role.RESEARCHER);
		String shared = refreshCookie(login(user.email(), IdentityFixtures.PASSWORD).expectStatus().isOk());
		String next = refreshCookie(refresh(shared).expectStatus().isOk());
		// The second tab's request, with the cookie both tabs had: refused, but as a race
		// to retry.
		refresh(shared).expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:czt:problem:refresh-concurrent");
		refresh(next).expectStatus().isOk();
		assertThat(auditTypes(user.id())).doesNotContain("REFRESH_TOKEN_REUSED");
	}

	@Test
	void refreshNeedsTheCsrfHeaderAndACookie() {
		UserAccount user = this.fixtures.user(Role.RESEARCHER);
		String cookie = refreshCookie(login(user.email(), IdentityFixtures.PASSWORD).expectStatus().isOk());
		this.client.post()
			.uri("/api/v1/auth/refresh")
			.cookie("czt_refresh", cookie)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.post()
			.uri("/api/v1/auth/refresh")
			.header("X-Requested-With", "czt-web")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		refresh(cookie).expectStatus().isOk();
	}

	@Test
	void logoutRevokesTheSession() {
		UserAccount user = this.fixtures.user(Role.RESEARCHER);
		String cookie = refreshCookie(login(user.email(), IdentityFixtures.PASSWORD).expectStatus().isOk());
		this.client.post()
			.uri("/api/v1/auth/logout")
			.cookie("czt_refresh", cookie)
			.header("X-Requested-With", "czt-web")
			.exchange()
			.expectStatus()
			.isNoContent()
			.expectHeader()
			.value(HttpHeaders.SET_COOKIE,
					(value) -> assertThat(value).contains("czt_refresh=;").contains("Max-Age=0"));
		refresh(cookie).expectStatus().isUnauthorized();
	}

	@Test
	void passwordChangeEndsEverySessionAndTakesTheNewPassword() {
		UserAccount user = this.fixtures.user(Role.RESEARCHER);
		String cookie = refreshCookie(login(user.email(), IdentityFixtures.PASSWORD).expectStatus().isOk());
		String token = this.fixtures.token(user);
		this.client.post()
			.uri("/api/v1/me/password")
			.headers((h) -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("currentPassword", "wrong wrong wrong", "newPassword", "a brand new passphrase"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("currentPassword");
		this.client.post()
			.uri("/api/v1/me/password")
			.headers((h) -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("currentPassword", IdentityFixtures.PASSWORD, "newPassword", "a brand new passphrase"))
			.exchange()
			.expectStatus()
			.isNoContent();
		refresh(cookie).expectStatus().isUnauthorized();
		login(user.email(), IdentityFixtures.PASSWORD).expectStatus().isUnauthorized();
		login(user.email(), "a brand new passphrase").expectStatus().isOk();
	}

	@Test
	void disabledAccountsCannotLogInOrRefresh() {
		UserAccount admin = this.fixtures.user(Role.ADMIN);
		UserAccount user = this.fixtures.user(Role.RESEARCHER);
		String cookie = refreshCookie(login(user.email(), IdentityFixtures.PASSWORD).expectStatus().isOk());
		this.client.post()
			.uri("/api/v1/admin/users/{id}/disable", user.id())
			.headers((h) -> h.setBearerAuth(this.fixtures.token(admin)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.enabled")
			.isEqualTo(false);
		refresh(cookie).expectStatus().isUnauthorized();
		login(user.email(), IdentityFixtures.PASSWORD).expectStatus().isForbidden();
		assertThat(auditTypes(user.id())).contains("USER_DISABLED");
	}

	@Test
	void responsesCarrySecurityHeaders() {
		this.client.get()
			.uri("/")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value("Content-Security-Policy",
					(csp) -> assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"))
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY")
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff");
	}

	private WebTestClient.ResponseSpec register(String email, String password) {
		return this.client.post()
			.uri("/api/v1/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", email, "password", password, "displayName", "测试用户", "role", "FIRM", "locale",
					"zh-CN"))
			.exchange();
	}

	private WebTestClient.ResponseSpec login(String email, String password) {
		return this.client.post()
			.uri("/api/v1/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", email, "password", password))
			.exchange();
	}

	private WebTestClient.ResponseSpec refresh(String cookie) {
		return this.client.post()
			.uri("/api/v1/auth/refresh")
			.cookie("czt_refresh", cookie)
			.header("X-Requested-With", "czt-web")
			.exchange();
	}

	private static String refreshCookie(WebTestClient.ResponseSpec response) {
		return response.expectBody(LoginResponse.class)
			.returnResult()
			.getResponseCookies()
			.getFirst("czt_refresh")
			.getValue();
	}

	private List<String> auditTypes(UUID subject) {
		return this.database.sql("select type from audit_events where subject_id = :id")
			.bind("id", subject.toString())
			.map((row) -> row.get(0, String.class))
			.all()
			.collectList()
			.block();
	}

	private void waitOutTheReuseGrace() {
		try {
			Thread.sleep(this.properties.refreshToken().reuseGrace().toMillis() + 500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static String uniqueEmail() {
		return "someone-" + UUID.randomUUID() + "@example.com";
	}

}
