package cn.cztexchange.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Fixed-window counters in PostgreSQL, so that every backend replica counts against the
 * same limit. A key is counted per window; once it reaches the limit, {@link #isExceeded}
 * says so until the window ends.
 */
@Component
class RateLimiter {

	private final DatabaseClient database;

	private final Clock clock;

	RateLimiter(DatabaseClient database, Clock clock) {
		this.database = database;
		this.clock = clock;
	}

	/**
	 * Whether the key has been counted {@code limit} times or more in the current window.
	 */
	Mono<Boolean> isExceeded(String key, int limit, Duration window) {
		return this.database
			.sql("select coalesce(sum(count), 0) from rate_limit_counters where key = :key and window_start = :start")
			.bind("key", key)
			.bind("start", windowStart(window))
			.map((row) -> row.get(0, Long.class))
			.one()
			.map((count) -> count >= limit);
	}

	/** Counts one more for the key and answers the new count in this window. */
	Mono<Long> count(String key, Duration window) {
		return this.database.sql("insert into rate_limit_counters (key, window_start, count) values (:key, :start, 1) "
				+ "on conflict (key, window_start) do update set count = rate_limit_counters.count + 1 returning count")
			.bind("key", key)
			.bind("start", windowStart(window))
			.map((row) -> row.get(0, Integer.class).longValue())
			.one();
	}

	/** Seconds until the current window ends, for {@code Retry-After}. */
	long secondsLeft(Duration window) {
		Instant now = this.clock.instant();
		return Math.max(1, Duration.between(now, windowStart(window).plus(window)).toSeconds());
	}

	/** Counters of ended windows are of no use; clear them out now and then. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void deleteEndedWindows() {
		this.database.sql("delete from rate_limit_counters where window_start < :before")
			.bind("before", this.clock.instant().minus(Duration.ofDays(1)))
			.then()
			.subscribe();
	}

	private Instant windowStart(Duration window) {
		long millis = window.toMillis();
		return Instant.ofEpochMilli(this.clock.millis() / millis * millis);
	}

}
