package cn.cztexchange.notification;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.cztexchange.identity.OrganisationDirectory;
import cn.cztexchange.identity.UserDirectory;
import cn.cztexchange.identity.UserDirectory.UserContact;
import cn.cztexchange.platform.OutboxHandler;
import cn.cztexchange.platform.OutboxRow;

/**
 * Delivers queued {@link Notice}s: a batch of them costs two reads (the members of the
 * organisations addressed, then every recipient's contact and language) and one insert of
 * all their notifications (plus one of their emails' outbox rows).
 */
@Component
class NoticeHandler implements OutboxHandler {

	private final Notices notices;

	private final Notifications notifications;

	private final OrganisationDirectory organisations;

	private final UserDirectory users;

	NoticeHandler(Notices notices, Notifications notifications, OrganisationDirectory organisations,
			UserDirectory users) {
		this.notices = notices;
		this.notifications = notifications;
		this.organisations = organisations;
		this.users = users;
	}

	@Override
	public String topic() {
		return Notices.TOPIC;
	}

	@Override
	public int batchSize() {
		return 200;
	}

	/** Polled: every booking request writes a notice (see migration V9). */
	@Override
	public boolean notified() {
		return false;
	}

	@Override
	public Mono<Void> handle(List<OutboxRow> rows) {
		List<Notice> batch = new ArrayList<>();
		rows.forEach((row) -> batch.addAll(this.notices.read(row.payload())));
		Set<UUID> organisationIds = new LinkedHashSet<>();
		batch.stream()
			.filter((notice) -> notice.membersOf() != null)
			.forEach((n) -> organisationIds.add(n.membersOf()));
		return this.organisations.memberIds(organisationIds).flatMap((members) -> {
			List<List<UUID>> recipients = batch.stream().map((notice) -> recipients(notice, members)).toList();
			Set<UUID> everyone = new LinkedHashSet<>();
			recipients.forEach(everyone::addAll);
			return this.users.contacts(everyone).flatMap((contacts) -> {
				List<Notification> delivered = new ArrayList<>();
				for (int i = 0; i < batch.size(); i++) {
					Notice notice = batch.get(i);
					for (UUID userId : recipients.get(i)) {
						UserContact contact = contacts.get(userId);
						// A user deleted meanwhile is nobody to tell.
						if (contact != null) {
							delivered.add(new Notification(userId, notice.type(), notice.title(contact.locale()),
									notice.body(), notice.link(), notice.email()));
						}
					}
				}
				return this.notifications.notifyAll(delivered);
			});
		});
	}

	/** Who is told: the users named, then the organisation's members, each once. */
	private static List<UUID> recipients(Notice notice, Map<UUID, List<UUID>> members) {
		Set<UUID> recipients = new LinkedHashSet<>(notice.userIds());
		if (notice.membersOf() != null) {
			recipients.addAll(members.getOrDefault(notice.membersOf(), List.of()));
		}
		return List.copyOf(recipients);
	}

}
