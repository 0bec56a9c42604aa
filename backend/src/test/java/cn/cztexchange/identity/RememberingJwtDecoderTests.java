package cn.cztexchange.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RememberingJwtDecoderTests {

	private final SecretKey key = new SecretKeySpec(new SecureRandom().generateSeed(32), "HmacSHA256");

	private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T01:00:00Z"));

	private final RememberingJwtDecoder decoder = decoder();

	@Test
	void aRememberedTokenIsRefusedOnceItHasExpired() {
		String token = token(Duration.ofMinutes(1));
		assertThat(this.decoder.decode(token).block().getSubject()).isEqualTo("someone");
		assertThat(this.decoder.decode(token).block().getSubject()).isEqualTo("someone");
		this.clock.now = this.clock.now.plus(Duration.ofMinutes(2));
		assertThatThrownBy(() -> this.decoder.decode(token).block()).isInstanceOf(JwtValidationException.class)
			.hasMessageContaining("expired");
	}

	@Test
	void aTokenWhoseTextDiffersFromARememberedOneIsCheckedAfresh() {
		String token = token(Duration.ofMinutes(1));
		this.decoder.decode(token).block();
		String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA"
				+ token.substring(token.lastIndexOf('.') + 5);
		assertThatThrownBy(() -> this.decoder.decode(forged).block()).isInstanceOf(BadJwtException.class);
	}

	private RememberingJwtDecoder decoder() {
		NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withSecretKey(this.key)
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
		timestamps.setClock(this.clock);
		nimbus.setJwtValidator(timestamps);
		return new RememberingJwtDecoder(nimbus, timestamps);
	}

	private String token(Duration lifetime) {
		Jwt jwt = new NimbusJwtEncoder(new ImmutableSecret<>(this.key))
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
					JwtClaimsSet.builder()
						.subject("someone")
						.issuedAt(this.clock.now)
						.expiresAt(this.clock.now.plus(lifetime))
						.build()));
		return jwt.getTokenValue();
	}

	/** A clock the test moves on. */
	private static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
