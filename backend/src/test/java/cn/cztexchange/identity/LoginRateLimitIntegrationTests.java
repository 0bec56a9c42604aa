package cn.cztexchange.identity;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.cztexchange.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Brute force: after 5 failed logins within 15 minutes every attempt is refused, the
 * right password too.
 */
@IntegrationTest
class LoginRateLimitIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	SecurityProperties properties;

	@Test
	void theAttemptAfterTheLimitGets429AndTheRightPasswordDoesNotGetThrough() {
		UserAccount user = this.fixtures.user(Role.RESEARCHER);
		int limit = this.properties.rateLimits().loginFailuresPerAccount();
		assertThat(limit).isEqualTo(5);
		for (int i = 0; i < limit; i++) {
			login(user.email(), "wrong password number " + i).expectStatus().isUnauthorized();
		}
		login(user.email(), "wrong password again").expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.value(HttpHeaders.RETRY_AFTER, (seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 900L));
		login(user.email(), IdentityFixtures.PASSWORD).expectStatus().isEqualTo(429);
		// Counted per normalised address: other spellings do not get round it.
		login("  " + user.email().toUpperCase() + " ", IdentityFixtures.PASSWORD).expectStatus().isEqualTo(429);
	}

	@Test
	void otherAccountsAreNotAffected() {
		UserAccount attacked = this.fixtures.user(Role.RESEARCHER);
		UserAccount other = this.fixtures.user(Role.RESEARCHER);
		for (int i = 0; i < 6; i++) {
			login(attacked.email(), "wrong password number " + i);
		}
		login(other.email(), IdentityFixtures.PASSWORD).expectStatus().isOk();
	}

	private WebTestClient.ResponseSpec login(String email, String password) {
		return this.client.post()
			.uri("/api/v1/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", email, "password", password))
			.exchange();
	}

}
