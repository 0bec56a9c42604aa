package cn.cztexchange.notification;

import java.util.UUID;

/**
 * A message to one user, as another feature hands it to {@link Notifications}.
 *
 * @param userId who is told
 * @param type a short code such as {@code BOOKING_APPROVED}
 * @param title the headline, already in the user's language (also the email subject)
 * @param body the text, already in the user's language
 * @param link a path in the web app, such as {@code /bookings/<id>}, or null; the email
 * carries it as an absolute address
 * @param email whether to send it by email as well (when email is enabled)
 */
public record Notification(UUID userId, String type, String title, String body, String link, boolean email) {

	public Notification {
		if (userId == null) {
			throw new IllegalArgumentException("A notification needs a user");
		}
		if (type == null || type.isBlank()) {
			throw new IllegalArgumentException("A notification needs a type");
		}
		if (title == null || title.isBlank()) {
			throw new IllegalArgumentException("A notification needs a title");
		}
		if (body == null) {
			throw new IllegalArgumentException("A notification needs a body (it may be empty)");
		}
		if (link != null && !link.startsWith("/")) {
			throw new IllegalArgumentException("A notification's link is a path in the web app, starting with /");
		}
	}

}
