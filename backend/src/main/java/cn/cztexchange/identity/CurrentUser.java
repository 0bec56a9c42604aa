package cn.cztexchange.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The signed-in user as the access token describes them: who, and which platform roles.
 * What they may do for an organisation depends on memberships, which are read fresh from
 * the database.
 *
 * @param id the user
 * @param email their email address
 * @param roles their platform roles
 * @param displayName their name as it was when the token was issued (at most the token's
 * lifetime old), or null when the token does not say
 */
public record CurrentUser(UUID id, String email, Set<Role> roles, String displayName) {

	public boolean isAdmin() {
		return this.roles.contains(Role.ADMIN);
	}

	/** The caller described by a verified access token. */
	public static CurrentUser of(Jwt jwt) {
		List<String> roles = jwt.getClaimAsStringList(AccessTokens.ROLES_CLAIM);
		Set<Role> parsed = EnumSet.noneOf(Role.class);
		if (roles != null) {
			// A role this version does not know (say, from a newer replica) grants
			// nothing.
			for (Role role : Role.values()) {
				if (roles.contains(role.name())) {
					parsed.add(role);
				}
			}
		}
		return new CurrentUser(UUID.fromString(jwt.getSubject()), jwt.getClaimAsString("email"), parsed,
				jwt.getClaimAsString(AccessTokens.NAME_CLAIM));
	}

}
