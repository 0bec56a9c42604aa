package cn.cztexchange.identity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers the tokens it decoded. A client sends the same access token with every
 * request until it expires, and checking its signature and parsing its claims again each
 * time was a twentieth of a booking request's CPU. Both depend on nothing but the token's
 * text, so they are skipped for a token seen before; what depends on the time (expiry,
 * not-before) and the issuer is validated on every use, as the wrapped decoder would. A
 * token that no longer validates is forgotten and handed to the wrapped decoder, which
 * answers the error it always would.
 */
final class RememberingJwtDecoder implements ReactiveJwtDecoder {

	/** More tokens than this in use at once, and it starts afresh. */
	static final int MAX_TOKENS = 20_000;

	private final ReactiveJwtDecoder decoder;

	private final OAuth2TokenValidator<Jwt> validator;

	private final Map<String, Jwt> decoded = new ConcurrentHashMap<>();

	RememberingJwtDecoder(ReactiveJwtDecoder decoder, OAuth2TokenValidator<Jwt> validator) {
		this.decoder = decoder;
		this.validator = validator;
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt known = this.decoded.get(token);
		if (known != null) {
			if (!this.validator.validate(known).hasErrors()) {
				return Mono.just(known);
			}
			this.decoded.remove(token);
		}
		return this.decoder.decode(token).doOnNext((jwt) -> {
			if (this.decoded.size() >= MAX_TOKENS) {
				this.decoded.clear();
			}
			this.decoded.put(token, jwt);
		});
	}

}
