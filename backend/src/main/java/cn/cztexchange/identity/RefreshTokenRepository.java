package cn.cztexchange.identity;

import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
class RefreshTokenRepository {

	private final DatabaseClient database;

	RefreshTokenRepository(DatabaseClient database) {
		this.database = database;
	}

	Mono<Void> insert(StoredRefreshToken token) {
		return this.database
			.sql("insert into refresh_tokens (id, family_id, user_id, token_hash, issued_at, expires_at) "
					+ "values (:id, :family, :user, :hash, :issued, :expires)")
			.bind("id", token.id())
			.bind("family", token.familyId())
			.bind("user", token.userId())
			.bind("hash", token.hash())
			.bind("issued", token.issuedAt())
			.bind("expires", token.expiresAt())
			.then();
	}

	/**
	 * Finds the token and locks it, so that two refreshes with one token cannot both
	 * succeed.
	 */
	Mono<StoredRefreshToken> lockByHash(byte[] hash) {
		return this.database.sql("select * from refresh_tokens where token_hash = :hash for update")
			.bind("hash", hash)
			.map(RefreshTokenRepository::map)
			.one();
	}

	Mono<Void> markUsed(UUID id, Instant now) {
		return this.database.sql("update refresh_tokens set used_at = :now where id = :id")
			.bind("id", id)
			.bind("now", now)
			.then();
	}

	Mono<Void> revokeFamily(UUID familyId, Instant now) {
		return this.database
			.sql("update refresh_tokens set revoked_at = :now where family_id = :family and revoked_at is null")
			.bind("family", familyId)
			.bind("now", now)
			.then();
	}

	Mono<Void> revokeAllOf(UUID userId, Instant now) {
		return this.database
			.sql("update refresh_tokens set revoked_at = :now where user_id = :user and revoked_at is null")
			.bind("user", userId)
			.bind("now", now)
			.then();
	}

	private static StoredRefreshToken map(Readable row) {
		return new StoredRefreshToken(row.get("id", UUID.class), row.get("family_id", UUID.class),
				row.get("user_id", UUID.class), row.get("token_hash", byte[].class),
				row.get("issued_at", Instant.class), row.get("expires_at", Instant.class),
				row.get("used_at", Instant.class), row.get("revoked_at", Instant.class));
	}

	/** A refresh token as stored: only its SHA-256 hash. */
	record StoredRefreshToken(UUID id, UUID familyId, UUID userId, byte[] hash, Instant issuedAt, Instant expiresAt,
			Instant usedAt, Instant revokedAt) {
	}

}
