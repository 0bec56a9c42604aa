package cn.cztexchange.identity;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import cn.cztexchange.platform.DomainException;
import cn.cztexchange.platform.Ids;
import cn.cztexchange.platform.InvalidRequestException;

/**
 * Registration, login, refresh, logout and password change. Answers never tell whether an
 * email address has an account: registration always answers alike, and a failed login
 * says only that the email or the password is wrong, after the same amount of hashing
 * work either way.
 */
@Service
class AuthService {

	/**
	 * The problem type of a refresh that lost a race with another tab: worth one retry.
	 */
	static final URI CONCURRENT_REFRESH = URI.create("urn:czt:problem:refresh-concurrent");

	private final UserRepository users;

	private final OrganisationRepository organisations;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy = PasswordPolicy.load();

	private final AccessTokens accessTokens;

	private final RefreshTokens refreshTokens;

	private final RateLimiter rateLimiter;

	private final AuditLog audit;

	private final TransactionalOperator transaction;

	private final SecurityProperties.RateLimits limits;

	private final Clock clock;

	/**
	 * Compared against when the email has no account, so that both cases cost the same
	 * time.
	 */
	private final Mono<String> dummyHash;

	AuthService(UserRepository users, OrganisationRepository organisations, PasswordEncoder passwords,
			AccessTokens accessTokens, RefreshTokens refreshTokens, RateLimiter rateLimiter, AuditLog audit,
			TransactionalOperator transaction, SecurityProperties properties, Clock clock) {
		this.users = users;
		this.organisations = organisations;
		this.passwords = passwords;
		this.accessTokens = accessTokens;
		this.refreshTokens = refreshTokens;
		this.rateLimiter = rateLimiter;
		this.audit = audit;
		this.transaction = transaction;
		this.limits = properties.rateLimits();
		this.clock = clock;
		this.dummyHash = Mono.fromCallable(() -> passwords.encode("not a real password, only for timing"))
			.subscribeOn(Schedulers.boundedElastic())
			.cache();
	}

	/** Creates the account if the address is free; does nothing visible otherwise. */
	Mono<Void> register(RegisterRequest request, String clientAddress) {
		return Mono.defer(() -> registerNow(request, clientAddress));
	}

	private Mono<Void> registerNow(RegisterRequest request, String clientAddress) {
		String email = EmailAddresses.normalise(request.email());
		validateNewAccount(email, request.password());
		if (!Role.isSelfService(request.role())) {
			throw new InvalidRequestException("role", "must be RESEARCHER, FIRM or INVESTOR");
		}
		String key = "register:address:" + clientAddress;
		return this.rateLimiter.count(key, this.limits.registrationWindow()).flatMap((count) -> {
			if (count > this.limits.registrationsPerAddress()) {
				return this.audit
					.record(AuditEventType.REGISTRATION_RATE_LIMITED, null, email, null, null, clientAddress, Map.of())
					.then(Mono.error(tooManyRequests(this.rateLimiter.secondsLeft(this.limits.registrationWindow()))));
			}
			return hash(request.password()).flatMap((hash) -> {
				Instant now = this.clock.instant();
				UserAccount user = new UserAccount(Ids.newId(this.clock), email, hash, request.displayName().strip(),
						request.locale(), EnumSet.of(request.role()), true, now, now, null);
				return this.users.insertIfAbsent(user)
					.filter((inserted) -> inserted)
					.flatMap((inserted) -> this.audit.record(AuditEventType.REGISTERED, user.id(), email, "USER",
							user.id(), clientAddress, Map.of("role", request.role().name())))
					.as(this.transaction::transactional);
			});
		});
	}

	Mono<Session> login(String rawEmail, String password, String clientAddress) {
		String email = EmailAddresses.normalise(rawEmail);
		String accountKey = "login:account:" + email;
		String addressKey = "login:address:" + clientAddress;
		return Mono.zip(
				this.rateLimiter.isExceeded(accountKey, this.limits.loginFailuresPerAccount(),
						this.limits.loginWindow()),
				this.rateLimiter.isExceeded(addressKey, this.limits.loginFailuresPerAddress(),
						this.limits.loginWindow()))
			.flatMap((exceeded) -> {
				if (exceeded.getT1() || exceeded.getT2()) {
					return this.audit
						.record(AuditEventType.LOGIN_RATE_LIMITED, null, email, null, null, clientAddress,
								Map.of("by", exceeded.getT1() ? "account" : "address"))
						.then(Mono.error(tooManyRequests(this.rateLimiter.secondsLeft(this.limits.loginWindow()))));
				}
				return this.users.findByEmail(email)
					.map(Optional::of)
					.defaultIfEmpty(Optional.empty())
					.flatMap((found) -> found.map((user) -> matches(password, user.passwordHash()))
						.orElseGet(() -> this.dummyHash.flatMap((hash) -> matches(password, hash)).thenReturn(false))
						.flatMap((ok) -> ok ? succeed(found.get(), clientAddress)
								: fail(email, accountKey, addressKey, clientAddress)));
			});
	}

	Mono<Session> refresh(String refreshToken, String clientAddress) {
		return this.refreshTokens.rotate(refreshToken, clientAddress)
			.flatMap((rotation) -> rotation.concurrent() ? Mono.error(AuthService::concurrentRefresh)
					: this.users.findById(rotation.userId())
						.filter(UserAccount::enabled)
						.map((user) -> session(user, rotation.nextToken())))
			.as(this.transaction::transactional)
			.switchIfEmpty(Mono.error(AuthService::sessionEnded));
	}

	Mono<Void> logout(String refreshToken, CurrentUser user, String clientAddress) {
		Mono<Void> revoke = (refreshToken != null) ? this.refreshTokens.revokeFamilyOf(refreshToken) : Mono.empty();
		Mono<Void> record = (user != null) ? this.audit.record(AuditEventType.LOGGED_OUT, user.id(), user.email(),
				"USER", user.id(), clientAddress, Map.of()) : Mono.empty();
		return revoke.then(record).as(this.transaction::transactional);
	}

	/** Changes the password and ends every session of the user, this one included. */
	Mono<Void> changePassword(CurrentUser current, String currentPassword, String newPassword, String clientAddress) {
		return this.users.findById(current.id())
			.switchIfEmpty(Mono.error(() -> DomainException.notFound("The user")))
			.flatMap((user) -> matches(currentPassword, user.passwordHash()).flatMap((ok) -> {
				if (!ok) {
					return Mono.error(new InvalidRequestException("currentPassword", "is not your current password"));
				}
				this.policy.problemWith(newPassword, user.email()).ifPresent((problem) -> {
					throw new InvalidRequestException("newPassword", problem);
				});
				return hash(newPassword)
					.flatMap((hash) -> this.users.updatePassword(user.id(), hash, this.clock.instant())
						.then(this.refreshTokens.revokeAllOf(user.id()))
						.then(this.audit.record(AuditEventType.PASSWORD_CHANGED, user.id(), user.email(), "USER",
								user.id(), clientAddress, Map.of()))
						.as(this.transaction::transactional));
			}));
	}

	Mono<MeResponse> me(UUID userId) {
		return this.users.findById(userId)
			.switchIfEmpty(Mono.error(() -> DomainException.notFound("The user")))
			.flatMap(this::describe);
	}

	Mono<MeResponse> describe(UserAccount user) {
		return this.organisations.membershipsOf(user.id())
			.collectList()
			.map((memberships) -> MeResponse.of(user, memberships));
	}

	private Mono<Session> succeed(UserAccount user, String clientAddress) {
		if (!user.enabled()) {
			return Mono.error(new DomainException(HttpStatus.FORBIDDEN, "Account disabled",
					"This account has been disabled by the platform operators."));
		}
		return this.users.recordLogin(user.id(), this.clock.instant())
			.then(this.refreshTokens.issue(user.id()))
			.flatMap((refresh) -> this.audit
				.record(AuditEventType.LOGIN_SUCCEEDED, user.id(), user.email(), "USER", user.id(), clientAddress,
						Map.of())
				.thenReturn(session(user, refresh)))
			.as(this.transaction::transactional);
	}

	private Mono<Session> fail(String email, String accountKey, String addressKey, String clientAddress) {
		return this.rateLimiter.count(accountKey, this.limits.loginWindow())
			.then(this.rateLimiter.count(addressKey, this.limits.loginWindow()))
			.then(this.audit.record(AuditEventType.LOGIN_FAILED, null, email, null, null, clientAddress, Map.of()))
			.then(Mono.error(new DomainException(HttpStatus.UNAUTHORIZED, "Login failed",
					"The email address or the password is wrong.")));
	}

	private Session session(UserAccount user, String refreshToken) {
		return new Session(this.accessTokens.issue(user), refreshToken, user);
	}

	private void validateNewAccount(String email, String password) {
		if (!EmailAddresses.isValid(email)) {
			throw new InvalidRequestException("email", "must be an email address");
		}
		this.policy.problemWith(password, email).ifPresent((problem) -> {
			throw new InvalidRequestException("password", problem);
		});
	}

	/** Argon2 is deliberately slow: never on an event-loop thread. */
	private Mono<String> hash(String password) {
		return Mono.fromCallable(() -> this.passwords.encode(password)).subscribeOn(Schedulers.boundedElastic());
	}

	private Mono<Boolean> matches(String password, String hash) {
		return Mono.fromCallable(() -> this.passwords.matches(password, hash)).subscribeOn(Schedulers.boundedElastic());
	}

	private static ErrorResponseException tooManyRequests(long retryAfterSeconds) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				"Too many attempts. Try again in " + retryAfterSeconds + " seconds.");
		problem.setTitle("Too many requests");
		ErrorResponseException exception = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
		exception.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		return exception;
	}

	/** Tells the web app to try again: another tab has just set the new cookie. */
	private static ErrorResponseException concurrentRefresh() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				"This session was refreshed a moment ago by another request; refresh again with the new cookie.");
		problem.setTitle("Session refreshed elsewhere");
		problem.setType(CONCURRENT_REFRESH);
		return new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
	}

	private static DomainException sessionEnded() {
		return new DomainException(HttpStatus.UNAUTHORIZED, "Session ended",
				"Your session has ended; please log in again.");
	}

	/**
	 * A signed-in session: the access token for the API, the refresh token for the
	 * cookie.
	 */
	record Session(AccessTokens.IssuedAccessToken accessToken, String refreshToken, UserAccount user) {
	}

}
