package cn.cztexchange.notification;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

import cn.cztexchange.platform.DomainException;

/** A user's own notifications: the list and its read state. */
@Service
class NotificationService {

	private final NotificationRepository notifications;

	private final Clock clock;

	NotificationService(NotificationRepository notifications, Clock clock) {
		this.notifications = notifications;
		this.clock = clock;
	}

	/** One page of the user's notifications, newest first, with the unread count. */
	@Transactional(readOnly = true)
	Mono<NotificationPage> list(UUID userId, boolean unreadOnly, int page, int size) {
		return this.notifications.count(userId)
			.flatMap((counts) -> this.notifications.findByUser(userId, unreadOnly, page, size)
				.map(NotificationPage.Item::of)
				.collectList()
				.map((items) -> new NotificationPage(items, page, size, unreadOnly ? counts.unread() : counts.total(),
						counts.unread())));
	}

	@Transactional
	Mono<Void> markRead(UUID id, UUID userId) {
		return this.notifications.markRead(id, userId, this.clock.instant())
			.flatMap((found) -> found ? Mono.<Void>empty()
					: Mono.error(() -> DomainException.notFound("The notification")));
	}

	@Transactional
	Mono<Void> markAllRead(UUID userId) {
		return this.notifications.markAllRead(userId, this.clock.instant());
	}

}
