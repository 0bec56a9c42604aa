package cn.cztexchange.platform;

import java.time.Duration;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * One connection of this replica's own that listens to PostgreSQL's notifications on the
 * channels {@code outbox} (the outbox's insert trigger: a row's topic) and
 * {@code broadcast} ({@link Broadcasts}), re-established with back-off when it drops.
 * Each time it starts listening it first emits {@link #CONNECTED}: whatever was sent
 * while it was not listening is lost, and subscribers should act as if they had missed
 * something.
 */
@Component
class DatabaseNotifications {

	/** Emitted each time the connection (again) listens. */
	static final Message CONNECTED = new Message("", "");

	private final Flux<Message> messages;

	DatabaseNotifications(ConnectionFactory connectionFactory, OutboxProperties properties) {
		ConnectionFactory factory = unwrapped(connectionFactory);
		this.messages = Flux.usingWhen(Mono.from(factory.create()), DatabaseNotifications::listen, Connection::close)
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(properties.maxBackoff()))
			.onErrorResume((ex) -> Flux.empty())
			// One connection, however many subscribe; closed when the last one leaves.
			.share();
	}

	/** The notifications, hot: subscribers see what arrives after they subscribe. */
	Flux<Message> messages() {
		return this.messages;
	}

	private static Flux<Message> listen(Connection connection) {
		if (!(connection instanceof PostgresqlConnection postgres)) {
			return Flux.never();
		}
		return postgres.createStatement("LISTEN outbox; LISTEN broadcast")
			.execute()
			.flatMap((result) -> result.getRowsUpdated())
			.thenMany(Flux.just(CONNECTED)
				.concatWith(postgres.getNotifications()
					.map((notification) -> new Message(notification.getName(),
							String.valueOf(notification.getParameter())))));
	}

	/** The pool's connections cannot LISTEN for long; the factory underneath can. */
	private static ConnectionFactory unwrapped(ConnectionFactory factory) {
		Object current = factory;
		while (current instanceof Wrapped<?> wrapped && wrapped.unwrap() instanceof ConnectionFactory inner) {
			current = inner;
		}
		return (ConnectionFactory) current;
	}

	/**
	 * @param channel the channel it came on
	 * @param payload what it carries
	 */
	record Message(String channel, String payload) {
	}

}
