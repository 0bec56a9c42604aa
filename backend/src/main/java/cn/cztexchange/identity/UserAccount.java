package cn.cztexchange.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A user as stored; the password only as its Argon2id hash. */
record UserAccount(UUID id, String email, String passwordHash, String displayName, String locale, Set<Role> roles,
		boolean enabled, Instant createdAt, Instant updatedAt, Instant lastLoginAt) {

	CurrentUser asCurrentUser() {
		return new CurrentUser(this.id, this.email, this.roles, this.displayName);
	}

}
