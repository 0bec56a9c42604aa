package cn.cztexchange.notification;

import java.util.List;
import java.util.UUID;

/**
 * Something to tell users, as another feature hands it to {@link Notices}: written in
 * both languages, and addressed to users by id and/or to every member of an organisation,
 * who are looked up only when it is delivered. Each recipient gets a {@link Notification}
 * in their own language.
 *
 * @param userIds users told by id
 * @param membersOf an organisation whose members are all told, or null
 * @param type a short code such as {@code BOOKING_APPROVED}
 * @param titleZh the headline in Chinese (also the email subject)
 * @param titleEn the headline in English
 * @param body the text, the same in both languages (times, names, a reason as typed)
 * @param link a path in the web app, or null
 * @param email whether to send it by email as well (when email is enabled)
 */
public record Notice(List<UUID> userIds, UUID membersOf, String type, String titleZh, String titleEn, String body,
		String link, boolean email) {

	public Notice {
		userIds = (userIds != null) ? List.copyOf(userIds) : List.of();
		if (userIds.isEmpty() && membersOf == null) {
			throw new IllegalArgumentException("A notice needs someone to tell");
		}
		if (type == null || type.isBlank() || titleZh == null || titleZh.isBlank() || titleEn == null
				|| titleEn.isBlank() || body == null) {
			throw new IllegalArgumentException("A notice needs a type, both titles and a body (it may be empty)");
		}
		if (link != null && !link.startsWith("/")) {
			throw new IllegalArgumentException("A notice's link is a path in the web app, starting with /");
		}
	}

	/** A notice to one user. */
	public static Notice toUser(UUID userId, String type, String titleZh, String titleEn, String body, String link) {
		return new Notice(List.of(userId), null, type, titleZh, titleEn, body, link, true);
	}

	/** A notice to every member of an organisation. */
	public static Notice toMembersOf(UUID organisationId, String type, String titleZh, String titleEn, String body,
			String link) {
		return new Notice(List.of(), organisationId, type, titleZh, titleEn, body, link, true);
	}

	/** The title in the user's language ({@code zh-CN} unless it is English). */
	String title(String locale) {
		return (locale != null && locale.startsWith("en")) ? this.titleEn : this.titleZh;
	}

}
