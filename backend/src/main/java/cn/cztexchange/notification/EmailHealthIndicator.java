package cn.cztexchange.notification;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.cztexchange.platform.Outbox;

/**
 * The {@code mail} health component, in place of Spring Boot's (which connects to the
 * mail server and is DOWN while it is, taking the whole application's health down with
 * it). The platform works on while the mail server is down: emails wait in the outbox. So
 * this is UP, and its details tell how many emails wait, for how long, and how the last
 * attempts to send went.
 */
@Component("mailHealthIndicator")
class EmailHealthIndicator extends AbstractReactiveHealthIndicator {

	private final Outbox outbox;

	private final EmailDispatcher dispatcher;

	private final NotificationProperties properties;

	EmailHealthIndicator(Outbox outbox, EmailDispatcher dispatcher, NotificationProperties properties) {
		super("Email health check failed");
		this.outbox = outbox;
		this.dispatcher = dispatcher;
		this.properties = properties;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		if (!this.properties.email().enabled()) {
			return Mono.just(builder.up().withDetail("enabled", false).build());
		}
		return this.outbox.lag(Notifications.EMAIL_TOPIC).map((lag) -> {
			builder.up()
				.withDetail("enabled", true)
				.withDetail("waiting", lag.pending())
				.withDetail("oldestWaitingSeconds", lag.oldestAgeSeconds())
				.withDetail("failuresInARow", this.dispatcher.failures());
			String lastError = this.dispatcher.lastError();
			if (lastError != null) {
				builder.withDetail("lastError", lastError);
			}
			return builder.build();
		});
	}

}
