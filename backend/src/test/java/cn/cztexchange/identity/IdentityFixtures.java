package cn.cztexchange.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import cn.cztexchange.platform.Ids;

/**
 * Users and organisations made straight in the database, with access tokens minted for
 * them, so that tests can set up any situation quickly. Every user has the password
 * {@link #PASSWORD}.
 */
@Component
class IdentityFixtures {

	static final String PASSWORD = "correct horse battery staple";

	private final UserRepository users;

	private final OrganisationRepository organisations;

	private final AccessTokens accessTokens;

	private final Clock clock;

	private final String passwordHash;

	IdentityFixtures(UserRepository users, OrganisationRepository organisations, AccessTokens accessTokens,
			PasswordEncoder passwords, Clock clock) {
		this.users = users;
		this.organisations = organisations;
		this.accessTokens = accessTokens;
		this.clock = clock;
		this.passwordHash = passwords.encode(PASSWORD);
	}

	UserAccount user(Role... roles) {
		Instant now = this.clock.instant();
		UUID id = Ids.newId(this.clock);
		UserAccount user = new UserAccount(id, "user-" + id + "@example.com", this.passwordHash, "Test User " + id,
				"en", roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(Set.of(roles)), true, now, now,
				null);
		this.users.insertIfAbsent(user).block();
		return user;
	}

	Organisation organisation(VerificationStatus status) {
		return organisation(OrganisationType.UNIVERSITY, status);
	}

	Organisation organisation(OrganisationType type, VerificationStatus status) {
		Instant now = this.clock.instant();
		UUID id = Ids.newId(this.clock);
		boolean university = type == OrganisationType.UNIVERSITY;
		Organisation organisation = new Organisation(id, type, (university ? "测试大学 " : "测试机构 ") + id,
				(university ? "Test University " : "Test " + type.name().toLowerCase() + " ") + id,
				List.of(City.CHANGSHA), "岳麓区", null, null,
				new Organisation.Contact("联系人", "0731-1234567", "contact@example.com", "长沙"), status, null, null, now,
				now);
		this.organisations.insert(organisation).block();
		return organisation;
	}

	void join(Organisation organisation, UserAccount user, MembershipRole role) {
		join(organisation.id(), user.id(), role);
	}

	void join(UUID organisationId, UUID userId, MembershipRole role) {
		this.organisations.insertMembership(new Membership(organisationId, userId, role, this.clock.instant())).block();
	}

	String token(UserAccount user) {
		return this.accessTokens.issue(user).value();
	}

	String expiredToken(UserAccount user) {
		return this.accessTokens.issue(user, this.clock.instant().minusSeconds(3600)).value();
	}

}
