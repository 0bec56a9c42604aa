package cn.cztexchange.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

import cn.cztexchange.platform.DomainException;
import cn.cztexchange.platform.Page;

/** What admins do to accounts: grant roles, disable and enable. */
@Service
class UserAdministration {

	private final UserRepository users;

	private final RefreshTokens refreshTokens;

	private final AuditLog audit;

	private final Clock clock;

	UserAdministration(UserRepository users, RefreshTokens refreshTokens, AuditLog audit, Clock clock) {
		this.users = users;
		this.refreshTokens = refreshTokens;
		this.audit = audit;
		this.clock = clock;
	}

	Mono<Page<UserSummary>> search(String query, int page, int size) {
		return Mono
			.zip(this.users.search(query, page, size).map(UserSummary::of).collectList(), this.users.count(query))
			.map((t) -> new Page<>(t.getT1(), page, size, t.getT2()));
	}

	@Transactional
	Mono<UserSummary> setRoles(UUID id, Set<Role> roles, CurrentUser admin, String clientAddress) {
		Set<Role> next = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		if (admin.id().equals(id) && !next.contains(Role.ADMIN)) {
			return Mono
				.error(DomainException.conflict("You cannot take the ADMIN role from yourself; ask another admin."));
		}
		return existing(id)
			.flatMap((user) -> this.users.updateRoles(id, next, this.clock.instant())
				.flatMap((saved) -> this.audit
					.record(AuditEventType.ROLES_CHANGED, admin.id(), admin.email(), "USER", id, clientAddress,
							Map.of("from", user.roles().stream().map(Role::name).sorted().toList(), "to",
									next.stream().map(Role::name).sorted().toList()))
					.thenReturn(UserSummary.of(saved))));
	}

	/**
	 * Disabling also ends the user's sessions; access tokens already issued expire within
	 * minutes.
	 */
	@Transactional
	Mono<UserSummary> setEnabled(UUID id, boolean enabled, CurrentUser admin, String clientAddress) {
		if (admin.id().equals(id) && !enabled) {
			return Mono.error(DomainException.conflict("You cannot disable your own account."));
		}
		return existing(id).then(this.users.updateEnabled(id, enabled, this.clock.instant()))
			.flatMap((saved) -> (enabled ? Mono.<Void>empty() : this.refreshTokens.revokeAllOf(id))
				.then(this.audit.record(enabled ? AuditEventType.USER_ENABLED : AuditEventType.USER_DISABLED,
						admin.id(), admin.email(), "USER", id, clientAddress, Map.of()))
				.thenReturn(UserSummary.of(saved)));
	}

	private Mono<UserAccount> existing(UUID id) {
		return this.users.findById(id).switchIfEmpty(Mono.error(() -> DomainException.notFound("The user")));
	}

	/**
	 * A user as admins see them.
	 *
	 * @param id the user id
	 * @param email the email address
	 * @param displayName the name shown to others
	 * @param roles the platform roles
	 * @param enabled whether the account may log in
	 * @param createdAt when the account was made
	 * @param lastLoginAt the last successful login
	 */
	record UserSummary(UUID id, String email, String displayName, Set<Role> roles, boolean enabled, Instant createdAt,
			Instant lastLoginAt) {

		static UserSummary of(UserAccount user) {
			return new UserSummary(user.id(), user.email(), user.displayName(), user.roles(), user.enabled(),
					user.createdAt(), user.lastLoginAt());
		}

	}

}
