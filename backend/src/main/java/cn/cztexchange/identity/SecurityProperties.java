package cn.cztexchange.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Authentication settings.
 *
 * @param jwt how access tokens are signed and how long they live
 * @param refreshToken how refresh tokens are kept and delivered
 * @param rateLimits how many login and registration attempts are allowed
 * @param oidc an external OpenID Connect provider, if one replaces the built-in login
 */
@ConfigurationProperties("app.security")
public record SecurityProperties(@DefaultValue Jwt jwt, @DefaultValue RefreshToken refreshToken,
		@DefaultValue RateLimits rateLimits, @DefaultValue Oidc oidc) {

	/**
	 * An external OpenID Connect provider instead of the built-in login. When
	 * {@code issuerUri} is set, the API accepts the provider's access tokens (verified
	 * with its published keys), makes a local account for each new email address on first
	 * use, and the built-in register, login, refresh and password endpoints answer 404.
	 *
	 * @param issuerUri the provider's issuer, e.g.
	 * {@code https://login.example.cn/realms/czt}
	 * @param emailClaim the claim holding the user's email address
	 * @param nameClaim the claim holding the user's display name
	 * @param rolesClaim the claim listing platform roles the provider grants (RESEARCHER,
	 * FIRM, INVESTOR, PUBLISHER, ADMIN), added to the roles the account has here
	 */
	public record Oidc(@DefaultValue("") String issuerUri, @DefaultValue("email") String emailClaim,
			@DefaultValue("name") String nameClaim, @DefaultValue("roles") String rolesClaim) {

		public boolean enabled() {
			return !this.issuerUri.isBlank();
		}

	}

	/**
	 * @param secret base64 HMAC-SHA256 key of at least 32 bytes, the same on every
	 * replica; when empty a random key is made at start, which is fine for one instance
	 * (clients refresh their access token after a restart) but not for several
	 * @param issuer the {@code iss} claim
	 * @param accessTokenTtl how long an access token is valid; also how long a role
	 * change or a disabled account takes to reach tokens already issued
	 */
	public record Jwt(@DefaultValue("") String secret, @DefaultValue("czt-exchange") String issuer,
			@DefaultValue("10m") Duration accessTokenTtl) {
	}

	/**
	 * @param ttl how long a session lasts without use
	 * @param cookieName the HttpOnly cookie that carries it
	 * @param cookieSecure whether the cookie is marked Secure; {@code null} marks it when
	 * the request came over HTTPS
	 * @param reuseGrace how long after its rotation a used token may come back without
	 * being taken for theft: two tabs reloaded together both refresh with the same
	 * cookie. Such a late request is refused (the other tab's answer set the new cookie)
	 * but the session lives on
	 */
	public record RefreshToken(@DefaultValue("14d") Duration ttl, @DefaultValue("czt_refresh") String cookieName,
			Boolean cookieSecure, @DefaultValue("10s") Duration reuseGrace) {
	}

	/**
	 * @param loginFailuresPerAccount failed logins for one email address within the
	 * window before every further attempt is refused with 429
	 * @param loginFailuresPerAddress failed logins from one client address within the
	 * window
	 * @param loginWindow the login window
	 * @param registrationsPerAddress registration attempts from one client address within
	 * the registration window
	 * @param registrationWindow the registration window
	 */
	public record RateLimits(@DefaultValue("5") int loginFailuresPerAccount,
			@DefaultValue("20") int loginFailuresPerAddress, @DefaultValue("15m") Duration loginWindow,
			@DefaultValue("10") int registrationsPerAddress, @DefaultValue("1h") Duration registrationWindow) {
	}

}
