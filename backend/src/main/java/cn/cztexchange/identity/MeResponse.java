package cn.cztexchange.identity;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.cztexchange.identity.OrganisationRepository.MyMembership;

/**
 * The signed-in user's own view of their account.
 *
 * @param id the user id
 * @param email the email address
 * @param displayName the name shown to others
 * @param locale the preferred language
 * @param roles the platform roles
 * @param createdAt when the account was made
 * @param memberships the organisations the user belongs to, and their role in each
 */
record MeResponse(UUID id, String email, String displayName, String locale, Set<Role> roles, Instant createdAt,
		List<MyMembership> memberships) {

	static MeResponse of(UserAccount user, List<MyMembership> memberships) {
		return new MeResponse(user.id(), user.email(), user.displayName(), user.locale(), user.roles(),
				user.createdAt(), memberships);
	}

}
