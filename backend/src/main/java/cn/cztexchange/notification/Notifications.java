package cn.cztexchange.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

import cn.cztexchange.platform.Ids;

/**
 * Tells users about something that happened. Call it inside the transaction of the change
 * it announces (subscribe to the returned {@code Mono} as part of that transaction): the
 * in-app notification, and the outbox row that has it emailed, are committed with the
 * change or not at all. Outside a transaction it makes one of its own.
 */
@Service
public class Notifications {

	/** The outbox topic of notifications waiting to be emailed. */
	static final String EMAIL_TOPIC = "email";

	private final DatabaseClient database;

	private final Clock clock;

	private final NotificationProperties properties;

	Notifications(DatabaseClient database, Clock clock, NotificationProperties properties) {
		this.database = database;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Stores the notification for the user's list and, when it asks for email and email
	 * is enabled, queues the email.
	 */
	@Transactional
	public Mono<Void> notify(Notification notification) {
		return notifyAll(List.of(notification));
	}

	/**
	 * The same for several notifications, in order, with one insert for all of them (and
	 * one for their emails' outbox rows).
	 */
	@Transactional
	public Mono<Void> notifyAll(List<Notification> notifications) {
		if (notifications.isEmpty()) {
			return Mono.empty();
		}
		int count = notifications.size();
		UUID[] ids = new UUID[count];
		UUID[] users = new UUID[count];
		String[] types = new String[count];
		String[] titles = new String[count];
		String[] bodies = new String[count];
		String[] links = new String[count];
		List<UUID> emailed = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Notification notification = notifications.get(i);
			ids[i] = Ids.newId(this.clock);
			users[i] = notification.userId();
			types[i] = notification.type();
			titles[i] = notification.title();
			bodies[i] = notification.body();
			links[i] = notification.link();
			if (notification.email() && this.properties.email().enabled()) {
				emailed.add(ids[i]);
			}
		}
		Instant now = this.clock.instant();
		Mono<Void> rows = this.database
			.sql("insert into notifications (id, user_id, type, title, body, link, created_at) "
					+ "select id, user_id, type, title, body, link, :created from unnest(cast(:ids as uuid[]), "
					+ "cast(:users as uuid[]), cast(:types as text[]), cast(:titles as text[]), cast(:bodies as text[]), "
					+ "cast(:links as text[])) as n(id, user_id, type, title, body, link)")
			.bind("ids", ids)
			.bind("users", users)
			.bind("types", types)
			.bind("titles", titles)
			.bind("bodies", bodies)
			.bind("links", links)
			.bind("created", now)
			.then();
		if (emailed.isEmpty()) {
			return rows;
		}
		return rows.then(this.database
			.sql("insert into outbox (topic, key, payload, created_at) select :topic, id::text, "
					+ "jsonb_build_object('notificationId', id::text), :created from unnest(cast(:ids as uuid[])) as id")
			.bind("topic", EMAIL_TOPIC)
			.bind("ids", emailed.toArray(UUID[]::new))
			.bind("created", now)
			.then());
	}

}
