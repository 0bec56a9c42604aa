package cn.cztexchange.identity;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.cztexchange.IntegrationTest;

/**
 * With an external OpenID Connect provider configured, the API takes the provider's
 * tokens. The provider here is a real HTTP server on loopback publishing its discovery
 * document and keys.
 */
@IntegrationTest
class ExternalOidcIntegrationTests {

	static final RSAKey providerKey = generateKey("provider");

	static final HttpServer provider = startProvider();

	@DynamicPropertySource
	static void useTheProvider(DynamicPropertyRegistry registry) {
		registry.add("app.security.oidc.issuer-uri", ExternalOidcIntegrationTests::issuer);
	}

	@AfterAll
	static void stopProvider() {
		provider.stop(0);
	}

	@Autowired
	WebTestClient client;

	@Test
	void providerTokensSignInAndMakeALocalAccountOnFirstUse() {
		String email = "oidc-" + System.nanoTime() + "@example.com";
		this.client.get()
			.uri("/api/v1/me")
			.headers((h) -> h.setBearerAuth(token(providerKey, email, List.of())))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.email")
			.isEqualTo(email)
			.jsonPath("$.displayName")
			.isEqualTo("王工程师")
			.jsonPath("$.roles[0]")
			.isEqualTo("RESEARCHER");
		this.client.get()
			.uri("/api/v1/admin/users")
			.headers((h) -> h.setBearerAuth(token(providerKey, email, List.of())))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void rolesGrantedByTheProviderCount() {
		this.client.get()
			.uri("/api/v1/admin/users")
			.headers((h) -> h.setBearerAuth(token(providerKey, "oidc-admin@example.com", List.of("ADMIN", "UNKNOWN"))))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void tokensSignedByAnyoneElseAreRefused() {
		this.client.get()
			.uri("/api/v1/me")
			.headers((h) -> h.setBearerAuth(token(generateKey("provider"), "mallory@example.com", List.of("ADMIN"))))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void builtInLoginIsOff() {
		this.client.post()
			.uri("/api/v1/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", "someone@example.com", "password", "a long and unusual passphrase"))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	static String token(RSAKey key, String email, List<String> roles) {
		try {
			Instant now = Instant.now();
			JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer())
				.subject("external-subject-" + email)
				.claim("email", email)
				.claim("name", "王工程师")
				.claim("roles", roles)
				.issueTime(Date.from(now))
				.expirationTime(Date.from(now.plusSeconds(300)))
				.build();
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String issuer() {
		return "http://127.0.0.1:" + provider.getAddress().getPort() + "/realms/czt";
	}

	private static RSAKey generateKey(String id) {
		try {
			return new RSAKeyGenerator(2048).keyID(id).generate();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpServer startProvider() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/realms/czt/.well-known/openid-configuration",
					(exchange) -> json(exchange,
							"{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + issuer()
									+ "/keys\",\"subject_types_supported\":"
									+ "[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
			server.createContext("/realms/czt/keys",
					(exchange) -> json(exchange, new JWKSet(providerKey.toPublicJWK()).toString()));
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void json(HttpExchange exchange, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
