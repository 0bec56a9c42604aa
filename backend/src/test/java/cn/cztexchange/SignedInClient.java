package cn.cztexchange;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Registers a fresh researcher through the API and answers a client that sends their
 * access token, for tests of other features that need a signed-in caller.
 */
public final class SignedInClient {

	private SignedInClient() {
	}

	@SuppressWarnings("unchecked")
	public static WebTestClient of(WebTestClient client) {
		String email = "tester-" + UUID.randomUUID() + "@example.com";
		String password = "a long and unusual passphrase";
		client.post()
			.uri("/api/v1/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", email, "password", password, "displayName", "Tester", "role", "RESEARCHER",
					"locale", "en"))
			.exchange()
			.expectStatus()
			.isAccepted();
		Map<String, Object> login = client.post()
			.uri("/api/v1/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", email, "password", password))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String token = (String) login.get("accessToken");
		return client.mutate().defaultHeaders((headers) -> headers.setBearerAuth(token)).build();
	}

}
