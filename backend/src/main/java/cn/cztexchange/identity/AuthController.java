package cn.cztexchange.identity;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import cn.cztexchange.platform.ClientAddress;
import cn.cztexchange.platform.DomainException;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication", description = "Register, log in, refresh the access token, log out")
class AuthController {

	/**
	 * Required on the endpoints the refresh cookie authenticates. A cross-site form or
	 * image cannot set a custom header, and a cross-site script may not without CORS,
	 * which this API does not allow: together with SameSite=Strict this defeats CSRF.
	 */
	static final String CSRF_HEADER = "X-Requested-With";

	static final String CSRF_HEADER_VALUE = "czt-web";

	private final AuthService service;

	private final RefreshCookies cookies;

	private final boolean externalLogin;

	AuthController(AuthService service, RefreshCookies cookies, SecurityProperties properties) {
		this.service = service;
		this.cookies = cookies;
		this.externalLogin = properties.oidc().enabled();
	}

	@PostMapping("/register")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Register an account",
			description = "Always answers 202 alike, whether or not the address already has an account; then log in.")
	Mono<Map<String, String>> register(@Valid @RequestBody RegisterRequest request, ServerWebExchange exchange) {
		requireBuiltInLogin();
		return this.service.register(request, ClientAddress.of(exchange.getRequest()))
			.thenReturn(Map.of("message", "If this address could be registered, you can now log in with it."));
	}

	@PostMapping("/login")
	@Operation(summary = "Log in",
			description = "Answers the access token as `accessToken` and sets the refresh cookie.")
	Mono<LoginResponse> login(@Valid @RequestBody LoginRequest request, ServerWebExchange exchange) {
		requireBuiltInLogin();
		return this.service.login(request.email(), request.password(), ClientAddress.of(exchange.getRequest()))
			.flatMap((session) -> answer(session, exchange));
	}

	@PostMapping("/refresh")
	@Operation(summary = "Get a new access token with the refresh cookie",
			description = "Rotates the refresh cookie. Needs the header `X-Requested-With: czt-web`.")
	Mono<LoginResponse> refresh(
			@Parameter(hidden = true) @RequestHeader(name = CSRF_HEADER, required = false) String csrf,
			ServerWebExchange exchange) {
		requireBuiltInLogin();
		requireCsrfHeader(csrf);
		String token = this.cookies.read(exchange);
		if (token == null) {
			return Mono.error(
					new DomainException(HttpStatus.UNAUTHORIZED, "Not signed in", "There is no session to refresh."));
		}
		return this.service.refresh(token, ClientAddress.of(exchange.getRequest()))
			.flatMap((session) -> answer(session, exchange))
			.doOnError(DomainException.class, (ex) -> this.cookies.clear(exchange));
	}

	@PostMapping("/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Log out",
			description = "Ends the session of the refresh cookie. Needs `X-Requested-With: czt-web`.")
	Mono<Void> logout(@Parameter(hidden = true) @RequestHeader(name = CSRF_HEADER, required = false) String csrf,
			@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
		requireBuiltInLogin();
		requireCsrfHeader(csrf);
		String token = this.cookies.read(exchange);
		this.cookies.clear(exchange);
		return this.service.logout(token, (jwt != null) ? CurrentUser.of(jwt) : null,
				ClientAddress.of(exchange.getRequest()));
	}

	private Mono<LoginResponse> answer(AuthService.Session session, ServerWebExchange exchange) {
		this.cookies.write(exchange, session.refreshToken());
		return this.service.describe(session.user())
			.map((me) -> new LoginResponse(session.accessToken().value(), "Bearer", session.accessToken().expiresIn(),
					me));
	}

	/** With an external OpenID Connect provider, accounts sign in there, not here. */
	private void requireBuiltInLogin() {
		if (this.externalLogin) {
			throw new DomainException(HttpStatus.NOT_FOUND, "Not found",
					"Sign-in is handled by the organisation's OpenID Connect provider.");
		}
	}

	private static void requireCsrfHeader(String value) {
		if (!CSRF_HEADER_VALUE.equals(value)) {
			throw DomainException
				.forbidden("This request needs the header " + CSRF_HEADER + ": " + CSRF_HEADER_VALUE + ".");
		}
	}

}
