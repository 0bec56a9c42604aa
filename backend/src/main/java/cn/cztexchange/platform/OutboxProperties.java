package cn.cztexchange.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox's consumers ({@link OutboxHandler}s) are run.
 *
 * @param pollInterval how often each consumer looks at the outbox without being woken by
 * {@code NOTIFY outbox} (a fallback: a notification is lost when the listening connection
 * drops)
 * @param quietPollInterval how often the consumers of topics whose rows wake nobody look
 * at the outbox ({@link OutboxHandler#notified()})
 * @param maxBackoff the longest pause between attempts while a consumer fails
 */
@ConfigurationProperties("app.outbox")
public record OutboxProperties(@DefaultValue("5s") Duration pollInterval,
		@DefaultValue("500ms") Duration quietPollInterval, @DefaultValue("1m") Duration maxBackoff) {
}
