package cn.cztexchange.notification;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import cn.cztexchange.identity.UserDirectory;
import cn.cztexchange.identity.UserDirectory.UserContact;
import cn.cztexchange.notification.NotificationRepository.StoredNotification;

/**
 * Sends the notifications queued for email by draining the outbox rows of topic
 * {@code email} (and no others). Each round claims a batch with
 * {@code FOR UPDATE SKIP LOCKED}, so that replicas share the work without sending a mail
 * twice, sends the mails one by one, and deletes each row once its mail is sent, in the
 * same transaction. When the mail server fails, the rows sent so far are committed, the
 * rest stay, and the dispatcher tries again after a pause that grows with each failure:
 * nothing is lost while the mail server is down. A mail the server refuses for good (an
 * address it rejects) is logged and dropped, so that it cannot hold up the others.
 * Delivery is at least once: should the commit fail after a mail went out, that mail is
 * sent again.
 *
 * <p>
 * Woken by {@code NOTIFY outbox} for the topic {@code email} on a connection of its own,
 * and by a poll as a fallback. Runs only when email is enabled.
 */
@Component
class EmailDispatcher implements SmartLifecycle {

	private static final Log log = LogFactory.getLog(EmailDispatcher.class);

	private final DatabaseClient database;

	private final ConnectionFactory connectionFactory;

	private final TransactionalOperator transaction;

	private final NotificationRepository notifications;

	private final UserDirectory users;

	private final ObjectProvider<JavaMailSender> mailSenders;

	private final NotificationProperties.Email properties;

	private final Clock clock;

	private final AtomicLong failures = new AtomicLong();

	private volatile String lastError;

	private volatile JavaMailSender mailSender;

	private volatile Disposable running;

	EmailDispatcher(DatabaseClient database, ConnectionFactory connectionFactory, TransactionalOperator transaction,
			NotificationRepository notifications, UserDirectory users, ObjectProvider<JavaMailSender> mailSenders,
			NotificationProperties properties, Clock clock) {
		this.database = database;
		this.connectionFactory = connectionFactory;
		this.transaction = transaction;
		this.notifications = notifications;
		this.users = users;
		this.mailSenders = mailSenders;
		this.properties = properties.email();
		this.clock = clock;
	}

	@Override
	public void start() {
		if (!this.properties.enabled()) {
			return;
		}
		JavaMailSender sender = this.mailSenders.getIfAvailable();
		if (sender == null) {
			throw new IllegalStateException("app.notifications.email.enabled is true, but no mail server is "
					+ "configured: set spring.mail.host (and spring.mail.port, username, password)");
		}
		applyTimeouts(sender);
		this.mailSender = sender;
		Flux<Object> wakeUps = Flux.merge(notifications(),
				Flux.interval(Duration.ZERO, this.properties.pollInterval()));
		this.running = wakeUps.onBackpressureLatest().concatMap((wakeUp) -> drain(), 1).subscribe();
	}

	@Override
	public void stop() {
		Disposable running = this.running;
		if (running != null) {
			running.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running != null && !this.running.isDisposed();
	}

	/** How many rounds in a row failed (0 after one that did not). */
	long failures() {
		return this.failures.get();
	}

	/** Why the last round failed, or null when it did not. */
	String lastError() {
		return this.lastError;
	}

	/**
	 * Rounds until no email is waiting; after a failure, a pause that grows with each
	 * one.
	 */
	Mono<Void> drain() {
		return round().expand((count) -> (count == this.properties.batchSize()) ? round() : Mono.empty())
			.then()
			.doOnSuccess((ignored) -> {
				this.failures.set(0);
				this.lastError = null;
			})
			.onErrorResume((ex) -> {
				long failed = this.failures.incrementAndGet();
				this.lastError = ex.getMessage();
				Duration pause = backoff(failed);
				log.warn("Sending notification emails failed (" + failed + " in a row), retrying in " + pause.toMillis()
						+ " ms: " + ex.getMessage());
				return Mono.delay(pause).then();
			});
	}

	/**
	 * One batch in one transaction: claim, send one by one, delete what was sent. Answers
	 * how many rows it claimed, or fails (after committing what was sent) when the mail
	 * server did.
	 */
	Mono<Integer> round() {
		return this.database
			.sql("select id, key from outbox where topic = :topic order by id limit :limit for update skip locked")
			.bind("topic", Notifications.EMAIL_TOPIC)
			.bind("limit", this.properties.batchSize())
			.map((row) -> new Claimed(row.get("id", Long.class), UUID.fromString(row.get("key", String.class))))
			.all()
			.collectList()
			.flatMap(this::sendAll)
			.as(this.transaction::transactional)
			.flatMap((outcome) -> (outcome.failure() != null) ? Mono.<Integer>error(outcome.failure())
					: Mono.just(outcome.claimed()));
	}

	private Mono<Outcome> sendAll(List<Claimed> claimed) {
		return Flux.fromIterable(claimed)
			.concatMap((row) -> send(row.notificationId()).then(delete(row)))
			.then(Mono.just(new Outcome(claimed.size(), null)))
			// Stop at the first failure; what was sent before it is committed.
			.onErrorResume((ex) -> Mono.just(new Outcome(claimed.size(), ex)));
	}

	/**
	 * Emails the notification, unless it or its user is gone (or it was sent already);
	 * then records when.
	 */
	private Mono<Void> send(UUID notificationId) {
		return this.notifications.findById(notificationId)
			.filter((notification) -> notification.emailedAt() == null)
			.flatMap((notification) -> this.users.contact(notification.userId())
				.flatMap((contact) -> mail(notification, contact))
				.filter((sent) -> sent)
				.flatMap((sent) -> this.notifications.markEmailed(notification.id(), this.clock.instant())));
	}

	/** Sends the mail; answers false when the server refused it for good. */
	private Mono<Boolean> mail(StoredNotification notification, UserContact contact) {
		return Mono.fromCallable(() -> {
			this.mailSender.send(message(notification, contact));
			return true;
		}).subscribeOn(Schedulers.boundedElastic()).onErrorResume(EmailDispatcher::permanent, (ex) -> {
			log.warn("The mail server refused the email of notification " + notification.id()
					+ " for good; it is not sent: " + ex.getMessage());
			return Mono.just(false);
		});
	}

	private MimeMessage message(StoredNotification notification, UserContact contact) {
		MimeMessage message = this.mailSender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(this.properties.from());
			helper.setTo(new InternetAddress(contact.email(), contact.displayName(), "UTF-8"));
			helper.setSubject(notification.title());
			helper.setText(text(notification), false);
			helper.setSentDate(Date.from(this.clock.instant()));
			message.setHeader("Auto-Submitted", "auto-generated");
		}
		catch (MessagingException | UnsupportedEncodingException ex) {
			throw new MailPreparationException(ex);
		}
		return message;
	}

	/** The body, then the absolute link to what it is about. */
	String text(StoredNotification notification) {
		StringBuilder text = new StringBuilder(notification.body());
		if (notification.link() != null) {
			String base = this.properties.baseUrl();
			if (base.endsWith("/")) {
				base = base.substring(0, base.length() - 1);
			}
			text.append("\n\n").append(base).append(notification.link());
		}
		return text.append('\n').toString();
	}

	/**
	 * Whether trying again cannot help: the message cannot be built, or the server
	 * rejected a recipient address. Connection failures, timeouts and temporary refusals
	 * are worth another attempt.
	 */
	static boolean permanent(Throwable ex) {
		if (ex instanceof MailPreparationException || ex instanceof MailParseException) {
			return true;
		}
		if (ex instanceof MailSendException send) {
			for (Exception failed : send.getFailedMessages().values()) {
				if (failed instanceof SendFailedException refused && refused.getInvalidAddresses() != null
						&& refused.getInvalidAddresses().length > 0) {
					return true;
				}
			}
		}
		return false;
	}

	private Mono<Void> delete(Claimed row) {
		return this.database.sql("delete from outbox where id = :id").bind("id", row.id()).then();
	}

	/**
	 * Without timeouts, Jakarta Mail waits for ever on a mail server that accepts the
	 * connection and then says nothing, and the dispatcher with it.
	 */
	private void applyTimeouts(JavaMailSender sender) {
		if (sender instanceof JavaMailSenderImpl impl) {
			Properties mail = impl.getJavaMailProperties();
			String millis = Long.toString(this.properties.timeout().toMillis());
			for (String protocol : List.of("smtp", "smtps")) {
				mail.putIfAbsent("mail." + protocol + ".connectiontimeout", millis);
				mail.putIfAbsent("mail." + protocol + ".timeout", millis);
				mail.putIfAbsent("mail." + protocol + ".writetimeout", millis);
			}
		}
	}

	/** LISTEN on a connection of its own, re-established with back-off if it drops. */
	private Flux<Object> notifications() {
		ConnectionFactory factory = unwrapped(this.connectionFactory);
		return Flux.usingWhen(Mono.from(factory.create()), EmailDispatcher::listen, Connection::close)
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(this.properties.maxBackoff()))
			.onErrorResume((ex) -> Flux.empty());
	}

	private static Flux<Object> listen(Connection connection) {
		if (!(connection instanceof PostgresqlConnection postgres)) {
			return Flux.never();
		}
		return postgres.createStatement("LISTEN outbox")
			.execute()
			.flatMap((result) -> result.getRowsUpdated())
			.thenMany(postgres.getNotifications()
				// The trigger sends the row's topic: the indexer's rows are none of ours.
				.filter((notification) -> Notifications.EMAIL_TOPIC.equals(notification.getParameter()))
				.map((notification) -> (Object) notification));
	}

	/** The pool's connections cannot LISTEN for long; the factory underneath can. */
	private static ConnectionFactory unwrapped(ConnectionFactory factory) {
		Object current = factory;
		while (current instanceof Wrapped<?> wrapped && wrapped.unwrap() instanceof ConnectionFactory inner) {
			current = inner;
		}
		return (ConnectionFactory) current;
	}

	private Duration backoff(long failures) {
		Duration pause = Duration.ofSeconds(1L << Math.min(failures - 1, 10));
		return (pause.compareTo(this.properties.maxBackoff()) > 0) ? this.properties.maxBackoff() : pause;
	}

	private record Claimed(Long id, UUID notificationId) {
	}

	/**
	 * @param claimed how many rows the round claimed
	 * @param failure what stopped it, or null
	 */
	private record Outcome(int claimed, Throwable failure) {
	}

}
