package cn.cztexchange.notification;

import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code notifications} table; inserts are {@link Notifications}'. */
@Repository
class NotificationRepository {

	private static final String COLUMNS = "id, user_id, type, title, body, link, created_at, read_at, emailed_at";

	private final DatabaseClient database;

	NotificationRepository(DatabaseClient database) {
		this.database = database;
	}

	/** The user's notifications, newest first. */
	Flux<StoredNotification> findByUser(UUID userId, boolean unreadOnly, int page, int size) {
		return this.database
			.sql("select " + COLUMNS + " from notifications where user_id = :user"
					+ (unreadOnly ? " and read_at is null" : "")
					+ " order by created_at desc, id desc limit :limit offset :offset")
			.bind("user", userId)
			.bind("limit", size)
			.bind("offset", (long) page * size)
			.map(NotificationRepository::map)
			.all();
	}

	/** How many notifications the user has, and how many of them are unread. */
	Mono<Counts> count(UUID userId) {
		return this.database
			.sql("select count(*), count(*) filter (where read_at is null) from notifications where user_id = :user")
			.bind("user", userId)
			.map((row) -> new Counts(row.get(0, Long.class), row.get(1, Long.class)))
			.one();
	}

	Mono<StoredNotification> findById(UUID id) {
		return this.database.sql("select " + COLUMNS + " from notifications where id = :id")
			.bind("id", id)
			.map(NotificationRepository::map)
			.one();
	}

	/**
	 * Marks the user's notification read (keeping the first time it was); tells whether
	 * the user has it.
	 */
	Mono<Boolean> markRead(UUID id, UUID userId, Instant now) {
		return this.database
			.sql("update notifications set read_at = coalesce(read_at, :now) where id = :id and user_id = :user")
			.bind("id", id)
			.bind("user", userId)
			.bind("now", now)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	Mono<Void> markAllRead(UUID userId, Instant now) {
		return this.database.sql("update notifications set read_at = :now where user_id = :user and read_at is null")
			.bind("user", userId)
			.bind("now", now)
			.then();
	}

	Mono<Void> markEmailed(UUID id, Instant now) {
		return this.database.sql("update notifications set emailed_at = :now where id = :id")
			.bind("id", id)
			.bind("now", now)
			.then();
	}

	private static StoredNotification map(Readable row) {
		return new StoredNotification(row.get("id", UUID.class), row.get("user_id", UUID.class),
				row.get("type", String.class), row.get("title", String.class), row.get("body", String.class),
				row.get("link", String.class), row.get("created_at", Instant.class), row.get("read_at", Instant.class),
				row.get("emailed_at", Instant.class));
	}

	/** A notification as stored. */
	record StoredNotification(UUID id, UUID userId, String type, String title, String body, String link,
			Instant createdAt, Instant readAt, Instant emailedAt) {
	}

	/**
	 * @param total all of a user's notifications
	 * @param unread those not read yet
	 */
	record Counts(long total, long unread) {
	}

}
