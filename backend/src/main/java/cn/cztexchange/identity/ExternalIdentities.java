package cn.cztexchange.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.cztexchange.platform.Ids;

/**
 * Maps an external OpenID Connect provider's access token onto a local account, so that
 * the rest of the application sees the same principal as with the built-in login: subject
 * = local user id, {@code roles} = the account's roles plus those the provider grants.
 * New email addresses get an account on first use (as researchers unless the provider
 * says otherwise), with no password.
 */
@Component
class ExternalIdentities {

	/**
	 * No password hash matches this, so accounts made here cannot use the built-in login.
	 */
	private static final String NO_PASSWORD = "!external";

	private final UserRepository users;

	private final SecurityProperties.Oidc properties;

	private final Clock clock;

	ExternalIdentities(UserRepository users, SecurityProperties properties, Clock clock) {
		this.users = users;
		this.properties = properties.oidc();
		this.clock = clock;
	}

	Mono<AbstractAuthenticationToken> authenticate(Jwt external) {
		String rawEmail = external.getClaimAsString(this.properties.emailClaim());
		if (rawEmail == null || !EmailAddresses.isValid(EmailAddresses.normalise(rawEmail))) {
			return Mono.error(new InvalidBearerTokenException(
					"The token has no email address in its '" + this.properties.emailClaim() + "' claim."));
		}
		String email = EmailAddresses.normalise(rawEmail);
		Set<Role> granted = grantedRoles(external);
		return this.users.findByEmail(email)
			.switchIfEmpty(Mono.defer(() -> provision(external, email, granted)))
			.flatMap((user) -> user.enabled() ? Mono.just(user)
					: Mono.error(new InvalidBearerTokenException("This account has been disabled.")))
			.map((user) -> {
				Set<Role> roles = EnumSet.noneOf(Role.class);
				roles.addAll(user.roles());
				roles.addAll(granted);
				List<String> names = roles.stream().map(Role::name).sorted().toList();
				Jwt local = Jwt.withTokenValue(external.getTokenValue())
					.headers((headers) -> headers.putAll(external.getHeaders()))
					.claims((claims) -> claims.putAll(external.getClaims()))
					.subject(user.id().toString())
					.claim("email", email)
					.claim(AccessTokens.ROLES_CLAIM, names)
					.build();
				return new JwtAuthenticationToken(local,
						names.stream().map((name) -> new SimpleGrantedAuthority("ROLE_" + name)).toList(),
						user.id().toString());
			});
	}

	private Mono<UserAccount> provision(Jwt external, String email, Set<Role> granted) {
		Instant now = this.clock.instant();
		String name = external.getClaimAsString(this.properties.nameClaim());
		UserAccount user = new UserAccount(Ids.newId(this.clock), email, NO_PASSWORD,
				(name != null && !name.isBlank()) ? name.strip() : email, "zh-CN",
				granted.isEmpty() ? EnumSet.of(Role.RESEARCHER) : EnumSet.copyOf(granted), true, now, now, null);
		// Two first requests at once: one inserts, both read the row that won.
		return this.users.insertIfAbsent(user).then(this.users.findByEmail(email));
	}

	private Set<Role> grantedRoles(Jwt external) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		List<String> claimed = external.getClaimAsStringList(this.properties.rolesClaim());
		if (claimed != null) {
			for (Role role : Role.values()) {
				if (claimed.contains(role.name())) {
					roles.add(role);
				}
			}
		}
		return roles;
	}

}
