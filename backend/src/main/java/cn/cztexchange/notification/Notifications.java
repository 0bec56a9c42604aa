package cn.cztexchange.notification;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.cztexchange.platform.Ids;
import cn.cztexchange.platform.Outbox;
import cn.cztexchange.platform.Sql;

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

	private final Outbox outbox;

	private final Clock clock;

	private final NotificationProperties properties;

	Notifications(DatabaseClient database, Outbox outbox, Clock clock, NotificationProperties properties) {
		this.database = database;
		this.outbox = outbox;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Stores the notification for the user's list and, when it asks for email and email
	 * is enabled, queues the email.
	 */
	@Transactional
	public Mono<Void> notify(Notification notification) {
		return insert(notification);
	}

	/** The same for several notifications, in order. */
	@Transactional
	public Mono<Void> notifyAll(List<Notification> notifications) {
		return Flux.fromIterable(notifications).concatMap(this::insert).then();
	}

	private Mono<Void> insert(Notification notification) {
		UUID id = Ids.newId(this.clock);
		Mono<Void> row = Sql
			.bind(this.database.sql("insert into notifications (id, user_id, type, title, body, link, created_at) "
					+ "values (:id, :user, :type, :title, :body, :link, :created)"), "link", notification.link(),
					String.class)
			.bind("id", id)
			.bind("user", notification.userId())
			.bind("type", notification.type())
			.bind("title", notification.title())
			.bind("body", notification.body())
			.bind("created", this.clock.instant())
			.then();
		if (!notification.email() || !this.properties.email().enabled()) {
			return row;
		}
		return row.then(this.outbox.append(EMAIL_TOPIC, id, Map.of("notificationId", id.toString())));
	}

}
