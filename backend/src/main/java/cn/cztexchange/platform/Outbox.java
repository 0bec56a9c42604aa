package cn.cztexchange.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.r2dbc.postgresql.codec.Json;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transactional outbox. Append inside the transaction of the change it announces: the
 * row is committed with the change or not at all, and its insert trigger sends
 * {@code NOTIFY outbox} to wake the consumers.
 */
@Component
public class Outbox {

	private final DatabaseClient database;

	private final JsonMapper json;

	private final Clock clock;

	Outbox(DatabaseClient database, JsonMapper json, Clock clock) {
		this.database = database;
		this.json = json;
		this.clock = clock;
	}

	public Mono<Void> append(String topic, Object key, Map<String, ?> payload) {
		return this.database
			.sql("insert into outbox (topic, key, payload, created_at) values (:topic, :key, :payload, :created)")
			.bind("topic", topic)
			.bind("key", key.toString())
			.bind("payload", Json.of(this.json.writeValueAsString(payload)))
			.bind("created", this.clock.instant())
			.then();
	}

	/**
	 * How far the consumers of a topic are behind: rows waiting, and the age of the
	 * oldest.
	 */
	public Mono<Lag> lag(String topic) {
		return this.database.sql("select count(*), min(created_at) from outbox where topic = :topic")
			.bind("topic", topic)
			.map((row) -> {
				Instant oldest = row.get(1, Instant.class);
				long age = (oldest != null) ? Math.max(0, Duration.between(oldest, this.clock.instant()).toSeconds())
						: 0;
				return new Lag(row.get(0, Long.class), age);
			})
			.one();
	}

	/**
	 * @param pending rows not yet consumed
	 * @param oldestAgeSeconds how long the oldest has waited
	 */
	public record Lag(long pending, long oldestAgeSeconds) {
	}

}
