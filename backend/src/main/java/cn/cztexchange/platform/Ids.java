package cn.cztexchange.platform;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Identifiers for new rows: version 7 UUIDs (RFC 9562), which start with the creation
 * time, so that ids sort roughly by age and B-tree indexes stay compact, while remaining
 * unguessable.
 */
public final class Ids {

	private static final SecureRandom random = new SecureRandom();

	private Ids() {
	}

	public static UUID newId(Clock clock) {
		long millis = clock.millis();
		long randomA = random.nextInt(1 << 12);
		long mostSignificant = (millis << 16) | 0x7000L | randomA;
		long leastSignificant = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(mostSignificant, leastSignificant);
	}

}
