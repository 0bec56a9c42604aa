package cn.cztexchange.identity;

import java.time.Duration;

import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The refresh token's cookie: HttpOnly (no script reads it), SameSite=Strict and limited
 * to the auth endpoints, Secure over HTTPS.
 */
@Component
class RefreshCookies {

	static final String PATH = "/api/v1/auth";

	private final SecurityProperties.RefreshToken properties;

	RefreshCookies(SecurityProperties properties) {
		this.properties = properties.refreshToken();
	}

	String read(ServerWebExchange exchange) {
		HttpCookie cookie = exchange.getRequest().getCookies().getFirst(this.properties.cookieName());
		return (cookie != null && !cookie.getValue().isBlank()) ? cookie.getValue() : null;
	}

	void write(ServerWebExchange exchange, String token) {
		exchange.getResponse().addCookie(cookie(exchange, token, this.properties.ttl()));
	}

	void clear(ServerWebExchange exchange) {
		exchange.getResponse().addCookie(cookie(exchange, "", Duration.ZERO));
	}

	private ResponseCookie cookie(ServerWebExchange exchange, String value, Duration maxAge) {
		boolean secure = (this.properties.cookieSecure() != null) ? this.properties.cookieSecure()
				: "https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme());
		return ResponseCookie.from(this.properties.cookieName(), value)
			.httpOnly(true)
			.secure(secure)
			.sameSite("Strict")
			.path(PATH)
			.maxAge(maxAge)
			.build();
	}

}
