package cn.cztexchange.identity;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.util.StringUtils;
import reactor.core.publisher.Mono;

import cn.cztexchange.platform.ProblemResponseWriter;

/**
 * The URL-level access rules, token verification, password hashing and security headers.
 * What depends on organisation membership is decided by {@link AccessPolicy}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

	private static final Log log = LogFactory.getLog(SecurityConfiguration.class);

	/**
	 * The web app loads scripts and styles only from this origin; React sets style
	 * attributes, hence 'unsafe-inline' for styles only. No framing, no plugins, no form
	 * posts elsewhere.
	 */
	/**
	 * Where the search page's map loads its tiles from: the web app's default
	 * ({@code VITE_MAP_TILE_URL} in the frontend build). Change both together.
	 */
	static final String MAP_TILES = "https://tile.openstreetmap.org";

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data: " + MAP_TILES
			+ "; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ProblemResponseWriter problems,
			SecurityProperties properties, ExternalIdentities externalIdentities) {
		Converter<Jwt, Mono<AbstractAuthenticationToken>> authentication = properties.oidc().enabled()
				? externalIdentities::authenticate : SecurityConfiguration::authentication;
		ServerAuthenticationEntryPoint unauthorized = (exchange, ex) -> problems.write(exchange,
				HttpStatus.UNAUTHORIZED, "Unauthorized",
				"Sign in to do this; the access token is missing, invalid or expired.");
		ServerAccessDeniedHandler forbidden = (exchange, ex) -> problems.write(exchange, HttpStatus.FORBIDDEN,
				"Forbidden", "Your account may not do this.");
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			// Stateless: every request carries its token. The default repository
			// looks the context up in a web session, and creating one per request (a
			// UUID from SecureRandom, made on another thread) cost more than the rest
			// of the chain.
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.authorizeExchange((exchanges) -> exchanges
				.pathMatchers(HttpMethod.POST, "/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh",
						"/api/v1/auth/logout", "/api/v1/feedback")
				.permitAll()
				.pathMatchers(HttpMethod.GET, "/api/v1/organisations", "/api/v1/organisations/*", "/api/v1/resources/*",
						"/api/v1/search", "/api/v1/suggest", "/api/v1/images/*")
				.permitAll()
				// Calendars never show who booked; a feed's secret token is its
				// credential.
				.pathMatchers(HttpMethod.GET, "/api/v1/instruments/*/availability",
						"/api/v1/instruments/*/booking-rules", "/api/v1/instruments/*/closures",
						"/api/v1/instruments/*/calendar.ics", "/api/v1/calendar/*")
				.permitAll()
				// The expert directory is public (contacts are not in it); admins keep
				// it.
				.pathMatchers(HttpMethod.GET, "/api/v1/experts", "/api/v1/experts/*")
				.permitAll()
				.pathMatchers("/api/v1/experts", "/api/v1/experts/**")
				.hasRole(Role.ADMIN.name())
				.pathMatchers("/api/v1/admin/**")
				.hasRole(Role.ADMIN.name())
				.pathMatchers("/api/**")
				.authenticated()
				// The web app, its assets, health and the API documentation are public.
				.anyExchange()
				.permitAll())
			.oauth2ResourceServer(
					(resourceServer) -> resourceServer.jwt((jwt) -> jwt.jwtAuthenticationConverter(authentication))
						.authenticationEntryPoint(unauthorized)
						.accessDeniedHandler(forbidden))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions((frame) -> frame.mode(Mode.DENY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.permissionsPolicy((permissions) -> permissions.policy("camera=(), microphone=(), geolocation=(self)")))
			.build();
	}

	/** Argon2id with Spring Security's current parameters (16 MiB, 2 passes). */
	@Bean
	PasswordEncoder passwordEncoder() {
		return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
	}

	@Bean
	SecretKey accessTokenKey(SecurityProperties properties) {
		String secret = properties.jwt().secret();
		if (StringUtils.hasText(secret)) {
			byte[] bytes = Base64.getDecoder().decode(secret.strip());
			if (bytes.length < 32) {
				throw new IllegalStateException("app.security.jwt.secret must be at least 32 bytes (base64), it has "
						+ bytes.length + ". Make one with: openssl rand -base64 32");
			}
			return new SecretKeySpec(bytes, "HmacSHA256");
		}
		log.warn("No app.security.jwt.secret (APP_SECURITY_JWT_SECRET) set: signing access tokens with a random key. "
				+ "Fine for one instance; with several replicas set the same secret on each.");
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return new SecretKeySpec(bytes, "HmacSHA256");
	}

	@Bean
	JwtEncoder jwtEncoder(SecretKey accessTokenKey) {
		return new NimbusJwtEncoder(new ImmutableSecret<>(accessTokenKey));
	}

	/**
	 * Our own HS256 tokens, or, with an external OpenID Connect provider, the provider's
	 * tokens checked against the keys it publishes (fetched on first use, not at start).
	 */
	@Bean
	ReactiveJwtDecoder jwtDecoder(SecretKey accessTokenKey, SecurityProperties properties) {
		if (properties.oidc().enabled()) {
			NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
				.withIssuerLocation(properties.oidc().issuerUri())
				.build();
			return remembering(decoder, properties.oidc().issuerUri());
		}
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(accessTokenKey)
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		// Our issuer is a name, not a URL: left as it is, every request would try to make
		// a URL of it and build (and drop) an exception with a deep stack trace.
		decoder.setClaimSetConverter(
				MappedJwtClaimSetConverter.withDefaults(Map.of(JwtClaimNames.ISS, (Object issuer) -> issuer)));
		return remembering(decoder, properties.jwt().issuer());
	}

	/**
	 * The decoder, validating the issuer and the times, and remembering what it decoded.
	 */
	private static ReactiveJwtDecoder remembering(NimbusReactiveJwtDecoder decoder, String issuer) {
		OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithIssuer(issuer);
		decoder.setJwtValidator(validator);
		return new RememberingJwtDecoder(decoder, validator);
	}

	private static Mono<AbstractAuthenticationToken> authentication(Jwt jwt) {
		List<String> roles = jwt.getClaimAsStringList(AccessTokens.ROLES_CLAIM);
		Collection<GrantedAuthority> authorities = (roles != null)
				? roles.stream().<GrantedAuthority>map((role) -> new SimpleGrantedAuthority("ROLE_" + role)).toList()
				: List.of();
		return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
	}

}
