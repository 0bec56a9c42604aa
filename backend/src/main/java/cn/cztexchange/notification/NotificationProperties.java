package cn.cztexchange.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings.
 *
 * @param email sending notifications by email
 */
@ConfigurationProperties("app.notifications")
public record NotificationProperties(@DefaultValue Email email) {

	/**
	 * Email through the outbox; the mail server itself is Spring Boot's
	 * {@code spring.mail.*}.
	 *
	 * @param enabled whether notifications meant for email are queued and sent; when
	 * false, no email outbox rows are written at all (the local run has no mail server)
	 * @param from the sender address of every email
	 * @param baseUrl where users reach the web app; an email's link is this plus the
	 * notification's path
	 * @param pollInterval how often the dispatcher looks at the outbox without being
	 * woken by NOTIFY
	 * @param maxBackoff the longest pause between attempts while the mail server fails
	 * @param batchSize outbox rows the dispatcher claims in one round (one transaction)
	 * @param timeout how long to wait for the mail server to connect and to answer,
	 * unless {@code spring.mail.properties.mail.smtp.*timeout} says otherwise
	 */
	public record Email(@DefaultValue("false") boolean enabled, @DefaultValue("no-reply@cztexchange.cn") String from,
			@DefaultValue("http://localhost:8080") String baseUrl, @DefaultValue("30s") Duration pollInterval,
			@DefaultValue("5m") Duration maxBackoff, @DefaultValue("20") int batchSize,
			@DefaultValue("30s") Duration timeout) {
	}

}
