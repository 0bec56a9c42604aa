package cn.cztexchange.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Issues the short-lived signed access tokens (JWT, HS256). They carry who the user is
 * and their platform roles, so that any replica can authorise a request without asking
 * anyone.
 */
@Component
class AccessTokens {

	static final String ROLES_CLAIM = "roles";

	/**
	 * The user's display name (OpenID Connect's standard claim): other features show it
	 * without reading the user's account.
	 */
	static final String NAME_CLAIM = "name";

	private final JwtEncoder encoder;

	private final SecurityProperties.Jwt properties;

	private final Clock clock;

	AccessTokens(JwtEncoder encoder, SecurityProperties properties, Clock clock) {
		this.encoder = encoder;
		this.properties = properties.jwt();
		this.clock = clock;
	}

	IssuedAccessToken issue(UserAccount user) {
		return issue(user, this.clock.instant());
	}

	/** With an explicit issue time, so that tests can make expired tokens. */
	IssuedAccessToken issue(UserAccount user, Instant issuedAt) {
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.properties.issuer())
			.subject(user.id().toString())
			.id(UUID.randomUUID().toString())
			.issuedAt(issuedAt)
			.expiresAt(issuedAt.plus(this.properties.accessTokenTtl()))
			.claim("email", user.email())
			.claim(NAME_CLAIM, user.displayName())
			.claim(ROLES_CLAIM, user.roles().stream().map(Role::name).sorted().toList())
			.build();
		String token = this.encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
		return new IssuedAccessToken(token, this.properties.accessTokenTtl().toSeconds());
	}

	/** An access token and its lifetime in seconds. */
	record IssuedAccessToken(String value, long expiresIn) {
	}

}
