package cn.cztexchange.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.cztexchange.notification.NotificationRepository.StoredNotification;

/**
 * One page of a user's notifications.
 *
 * @param items the notifications on this page, newest first
 * @param page the page number, from 0
 * @param size the largest number of notifications a page holds
 * @param total how many notifications the list has in all (only the unread ones when
 * asked for those)
 * @param unread how many of the user's notifications are unread
 */
record NotificationPage(List<Item> items, int page, int size, long total, long unread) {

	/**
	 * One notification as the web app shows it.
	 *
	 * @param id the notification
	 * @param type a short code such as {@code BOOKING_APPROVED}
	 * @param title the headline, in the user's language
	 * @param body the text, in the user's language
	 * @param link a path in the web app, or null
	 * @param createdAt when it was made
	 * @param readAt when the user marked it read, or null while unread
	 */
	record Item(UUID id, String type, String title, String body, String link, Instant createdAt, Instant readAt) {

		static Item of(StoredNotification n) {
			return new Item(n.id(), n.type(), n.title(), n.body(), n.link(), n.createdAt(), n.readAt());
		}

	}

}
