package cn.cztexchange.matching;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.cztexchange.catalog.CatalogReader.PublishedContent;
import cn.cztexchange.identity.OrganisationDirectory;
import cn.cztexchange.identity.UserDirectory;
import cn.cztexchange.identity.UserDirectory.UserContact;
import cn.cztexchange.notification.Notification;
import cn.cztexchange.notification.Notifications;

/**
 * Tells a firm's members about new matches: one in-app notification per subject and
 * refresh (never one per match), in each member's language, naming the best three. No
 * email: matches come often, and the list is one click away. Links point at the web app's
 * match lists: {@code /matching/firms/{firm}/financing},
 * {@code /matching/firms/{firm}/offerings}, {@code /matching/entries/{need}/offerings}.
 */
@Component
class MatchNotifier {

	private static final int NAMED = 3;

	private final Notifications notifications;

	private final OrganisationDirectory organisations;

	private final UserDirectory users;

	MatchNotifier(Notifications notifications, OrganisationDirectory organisations, UserDirectory users) {
		this.notifications = notifications;
		this.organisations = organisations;
		this.users = users;
	}

	/** New financing entries or offerings for a firm. */
	Mono<Void> firmMatches(UUID firmId, Direction direction, List<Scored> fresh) {
		if (fresh.isEmpty()) {
			return Mono.empty();
		}
		boolean financing = direction == Direction.FINANCING;
		String link = "/matching/firms/" + firmId + (financing ? "/financing" : "/offerings");
		return this.organisations.find(firmId)
			.flatMap((firm) -> send(firmId, "MATCH_NEW_" + direction.name(),
					(user) -> Language.ofLocale(user.locale()) == Language.ZH
							? (financing ? "新的融资匹配：" : "新的技术成果匹配：") + firm.nameZh() + "（" + fresh.size() + " 项）"
							: fresh.size() + " new " + (financing ? "financing" : "technology offering")
									+ ((fresh.size() == 1) ? " match" : " matches") + " for " + firm.nameEn(),
					fresh, link));
	}

	/** New offerings for a firm's technology need. */
	Mono<Void> needMatches(PublishedContent need, List<Scored> fresh) {
		if (fresh.isEmpty()) {
			return Mono.empty();
		}
		String titleZh = need.content().titleZh();
		String titleEn = (need.content().titleEn() != null) ? need.content().titleEn() : titleZh;
		return send(need.ownerOrganisationId(), "MATCH_NEW_NEED_OFFERINGS",
				(user) -> Language.ofLocale(user.locale()) == Language.ZH
						? "技术需求“" + titleZh + "”有 " + fresh.size() + " 项新的成果匹配"
						: fresh.size() + " new " + ((fresh.size() == 1) ? "offering matches" : "offerings match")
								+ " your need “" + titleEn + "”",
				fresh, "/matching/entries/" + need.id() + "/offerings");
	}

	private Mono<Void> send(UUID organisationId, String type, java.util.function.Function<UserContact, String> title,
			List<Scored> fresh, String link) {
		return this.organisations.memberIds(organisationId)
			.flatMap(this.users::contacts)
			.map((contacts) -> contacts.values()
				.stream()
				.map((user) -> new Notification(user.id(), type, title.apply(user),
						body(fresh, Language.ofLocale(user.locale())), link, false))
				.toList())
			.flatMap((list) -> list.isEmpty() ? Mono.empty() : this.notifications.notifyAll(list));
	}

	/** The best three, with their scores. */
	private static String body(List<Scored> fresh, Language language) {
		String named = fresh.stream()
			.limit(NAMED)
			.map((scored) -> name(scored, language) + String.format(Locale.ROOT,
					(language == Language.ZH) ? "（%.0f 分）" : " (score %.0f)", scored.score()))
			.collect(Collectors.joining((language == Language.ZH) ? "；" : "; "));
		int more = fresh.size() - NAMED;
		if (more > 0) {
			named += (language == Language.ZH) ? "；另有 " + more + " 项" : "; and " + more + " more";
		}
		return named;
	}

	private static String name(Scored scored, Language language) {
		if (scored.entry() == null) {
			return scored.id().toString();
		}
		return (language == Language.EN && scored.entry().titleEn() != null) ? scored.entry().titleEn()
				: scored.entry().titleZh();
	}

}
