package cn.cztexchange.platform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tells every replica, this one included, that something changed, for what they keep in
 * memory (caches): {@code NOTIFY broadcast}, sent when the caller's transaction commits
 * (at once outside one), and never if it rolls back. Delivery is at most once: a replica
 * whose listening connection was down misses it, which its subscribers learn from a
 * {@link Broadcast#lost} message when listening resumes.
 */
@Component
public class Broadcasts {

	/** PostgreSQL refuses payloads of 8000 bytes and more. */
	private static final int MAX_PAYLOAD_BYTES = 7000;

	private final DatabaseClient database;

	private final Flux<Broadcast> received;

	Broadcasts(DatabaseClient database, DatabaseNotifications notifications) {
		this.database = database;
		this.received = notifications.messages()
			.filter((message) -> message == DatabaseNotifications.CONNECTED || message.channel().equals("broadcast"))
			.map((message) -> (message == DatabaseNotifications.CONNECTED) ? Broadcast.LOST
					: Broadcast.parse(message.payload()));
	}

	/** Tells every replica that these keys of the topic changed. */
	public Mono<Void> send(String topic, Collection<String> keys) {
		if (topic.isEmpty() || topic.contains("\n")) {
			throw new IllegalArgumentException("A topic is one line of text");
		}
		return Flux.fromIterable(payloads(topic, keys))
			.concatMap((payload) -> this.database.sql("select pg_notify('broadcast', :payload)")
				.bind("payload", payload)
				.then())
			.then();
	}

	/**
	 * What is broadcast from now on, by every replica, on this topic; and
	 * {@link Broadcast#LOST} whenever messages may have been missed.
	 */
	public Flux<Broadcast> received(String topic) {
		return this.received.filter((broadcast) -> broadcast == Broadcast.LOST || broadcast.topic().equals(topic));
	}

	private static List<String> payloads(String topic, Collection<String> keys) {
		List<String> payloads = new ArrayList<>();
		StringBuilder payload = new StringBuilder(topic);
		int size = topic.length();
		for (String key : keys) {
			int bytes = key.getBytes(StandardCharsets.UTF_8).length + 1;
			if (size + bytes > MAX_PAYLOAD_BYTES && payload.length() > topic.length()) {
				payloads.add(payload.toString());
				payload = new StringBuilder(topic);
				size = topic.length();
			}
			payload.append('\n').append(key);
			size += bytes;
		}
		if (payload.length() > topic.length()) {
			payloads.add(payload.toString());
		}
		return payloads;
	}

	/**
	 * @param topic what kind of thing changed
	 * @param keys which of them
	 */
	public record Broadcast(String topic, List<String> keys) {

		/** Messages may have been missed: forget what might be stale. */
		public static final Broadcast LOST = new Broadcast("", List.of());

		public boolean lost() {
			return this == LOST;
		}

		static Broadcast parse(String payload) {
			String[] lines = payload.split("\n");
			return new Broadcast(lines[0], List.of(lines).subList(1, lines.length));
		}

	}

}
