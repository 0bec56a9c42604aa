package cn.cztexchange.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.cztexchange.identity.RefreshTokenRepository.StoredRefreshToken;
import cn.cztexchange.platform.Ids;

/**
 * Revocable refresh tokens: random, stored only as a hash, used once. Each refresh
 * replaces the token with the next one of the same family; presenting a replaced token
 * again means it was stolen (or replayed), so the whole family is revoked and the user
 * must log in again.
 */
@Component
class RefreshTokens {

	private static final SecureRandom random = new SecureRandom();

	private final RefreshTokenRepository repository;

	private final AuditLog audit;

	private final SecurityProperties.RefreshToken properties;

	private final Clock clock;

	RefreshTokens(RefreshTokenRepository repository, AuditLog audit, SecurityProperties properties, Clock clock) {
		this.repository = repository;
		this.audit = audit;
		this.properties = properties.refreshToken();
		this.clock = clock;
	}

	/** Starts a new family, at login. */
	Mono<String> issue(UUID userId) {
		return issue(userId, Ids.newId(this.clock));
	}

	/**
	 * Uses the token once and answers its user and the next token; completes empty when
	 * the token is unknown, expired, revoked or already used. A used one revokes its
	 * family, which must be committed although the caller answers 401: hence empty rather
	 * than an error. Used only moments ago, it is a concurrent refresh rather than theft:
	 * {@link Rotation#CONCURRENT}.
	 */
	Mono<Rotation> rotate(String token, String clientAddress) {
		Instant now = this.clock.instant();
		return this.repository.lockByHash(hash(token)).flatMap((stored) -> {
			if (stored.revokedAt() != null || !stored.expiresAt().isAfter(now)) {
				return Mono.empty();
			}
			if (stored.usedAt() != null && stored.usedAt().plus(this.properties.reuseGrace()).isAfter(now)) {
				return Mono.just(Rotation.CONCURRENT);
			}
			if (stored.usedAt() != null) {
				return this.repository.revokeFamily(stored.familyId(), now)
					.then(this.audit.record(AuditEventType.REFRESH_TOKEN_REUSED, stored.userId(), null, "USER",
							stored.userId(), clientAddress, Map.of("family", stored.familyId().toString())))
					.then(Mono.empty());
			}
			return this.repository.markUsed(stored.id(), now)
				.then(issue(stored.userId(), stored.familyId()))
				.map((next) -> new Rotation(stored.userId(), next));
		});
	}

	/** Ends the session the token belongs to; unknown tokens are ignored. */
	Mono<Void> revokeFamilyOf(String token) {
		return this.repository.lockByHash(hash(token))
			.flatMap((stored) -> this.repository.revokeFamily(stored.familyId(), this.clock.instant()));
	}

	Mono<Void> revokeAllOf(UUID userId) {
		return this.repository.revokeAllOf(userId, this.clock.instant());
	}

	private Mono<String> issue(UUID userId, UUID familyId) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = this.clock.instant();
		StoredRefreshToken stored = new StoredRefreshToken(Ids.newId(this.clock), familyId, userId, hash(token), now,
				now.plus(this.properties.ttl()), null, null);
		return this.repository.insert(stored).thenReturn(token);
	}

	private static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The outcome of a refresh: whose session it is, and the token that replaces the used
	 * one.
	 */
	record Rotation(UUID userId, String nextToken) {

		/** The token was rotated a moment ago by another request with the same cookie. */
		static final Rotation CONCURRENT = new Rotation(null, null);

		boolean concurrent() {
			return this.userId == null;
		}

	}

}
