package cn.cztexchange.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTests {

	@Test
	void idsAreVersion7WithTheTimeInFront() {
		Instant now = Instant.parse("2026-11-27T10:00:00Z");
		UUID id = Ids.newId(Clock.fixed(now, ZoneOffset.UTC));
		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(now.toEpochMilli());
	}

	@Test
	void laterIdsSortAfterEarlierOnes() {
		UUID earlier = Ids.newId(Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC));
		UUID later = Ids.newId(Clock.fixed(Instant.parse("2026-11-27T10:00:00.001Z"), ZoneOffset.UTC));
		assertThat(later.toString()).isGreaterThan(earlier.toString());
		assertThat(Ids.newId(Clock.systemUTC())).isNotEqualTo(Ids.newId(Clock.systemUTC()));
	}

}
