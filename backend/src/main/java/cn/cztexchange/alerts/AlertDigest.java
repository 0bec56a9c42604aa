package cn.cztexchange.alerts;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import cn.cztexchange.alerts.SavedSearchRepository.Pending;
import cn.cztexchange.catalog.CatalogReader;
import cn.cztexchange.catalog.CatalogReader.PublishedContent;
import cn.cztexchange.identity.UserDirectory;
import cn.cztexchange.identity.UserDirectory.UserContact;
import cn.cztexchange.notification.Notice;
import cn.cztexchange.notification.NotificationProperties;
import cn.cztexchange.notification.Notices;

/**
 * The daily email digest: at {@code app.alerts.digest-cron}, each user with new hits of
 * saved searches that have the digest on gets one email listing them per saved search,
 * and the hits are marked digested. Every replica runs it at the same moment, safely: a
 * batch of users is one transaction that takes each user's digest with a lock no other
 * replica can hold at once (a user whose digest another replica is sending is left to
 * it), claims their hits {@code FOR UPDATE SKIP LOCKED}, queues the notices and marks the
 * hits, so that each hit is mailed once and nobody gets a digest in halves. Should a
 * replica die half-way, what it had not committed waits for the next day's run.
 */
@Component
class AlertDigest implements SchedulingConfigurer {

	/** Users whose digests one transaction sends. */
	static final int USERS_PER_BATCH = 50;

	private static final Log log = LogFactory.getLog(AlertDigest.class);

	private final SavedSearchRepository searches;

	private final CatalogReader catalog;

	private final UserDirectory users;

	private final Notices notices;

	private final AlertsProperties properties;

	private final NotificationProperties notificationProperties;

	private final TransactionalOperator transaction;

	private final Clock clock;

	AlertDigest(SavedSearchRepository searches, CatalogReader catalog, UserDirectory users, Notices notices,
			AlertsProperties properties, NotificationProperties notificationProperties,
			TransactionalOperator transaction, Clock clock) {
		this.searches = searches;
		this.catalog = catalog;
		this.users = users;
		this.notices = notices;
		this.properties = properties;
		this.notificationProperties = notificationProperties;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (this.properties.enabled() && !this.properties.digestCron().equals("-")) {
			registrar.addTriggerTask(
					() -> send().subscribe((sent) -> log.info("Sent the saved-search digest to " + sent + " users"),
							(error) -> log.warn("The saved-search digest failed; the next one sends what is left",
									error)),
					new CronTrigger(this.properties.digestCron(), ZoneId.of(this.properties.digestZone())));
		}
	}

	/**
	 * Sends every digest due now, batch by batch; answers to how many users. With email
	 * disabled, the hits are only marked digested: the in-app notices told of them
	 * already.
	 */
	Mono<Integer> send() {
		return batch(null).expand((batch) -> batch.more() ? batch(batch.last()) : Mono.empty())
			.map(Batch::sent)
			.reduce(0, Integer::sum);
	}

	/** The digests of the next users after {@code after}, in one transaction. */
	private Mono<Batch> batch(UUID after) {
		Instant now = this.clock.instant();
		return this.searches.digestRecipients(after, USERS_PER_BATCH)
			.flatMap((recipients) -> recipients.isEmpty() ? Mono.just(new Batch(0, null, false))
					: this.searches.lockDigests(recipients)
						.flatMap((locked) -> locked.isEmpty() ? Mono.just(List.<Pending>of())
								: this.searches.claimDigests(locked))
						.flatMap((pending) -> notify(pending).flatMap((sent) -> this.searches.markDigested(pending, now)
							.thenReturn(new Batch(sent, recipients.get(recipients.size() - 1),
									recipients.size() == USERS_PER_BATCH)))))
			.as(this.transaction::transactional);
	}

	/** Queues one digest notice per user; answers how many. */
	private Mono<Integer> notify(List<Pending> pending) {
		if (pending.isEmpty() || !this.notificationProperties.email().enabled()) {
			return Mono.just(0);
		}
		// user → saved search → its hits, newest first (the order they were claimed in)
		Map<UUID, Map<UUID, List<Pending>>> byUser = new LinkedHashMap<>();
		pending.forEach((hit) -> byUser.computeIfAbsent(hit.userId(), (id) -> new LinkedHashMap<>())
			.computeIfAbsent(hit.savedSearchId(), (id) -> new ArrayList<>())
			.add(hit));
		int titles = this.properties.digestTitles();
		Set<UUID> listed = new LinkedHashSet<>();
		byUser.values()
			.forEach((bySearch) -> bySearch.values()
				.forEach((hits) -> hits.stream().limit(titles).forEach((hit) -> listed.add(hit.entryId()))));
		// One query after the other: they share the transaction's connection.
		return this.users.contacts(byUser.keySet())
			.flatMap((contacts) -> this.catalog.publishedContents(listed)
				.collectMap(PublishedContent::id, Function.identity())
				.flatMap((published) -> {
					List<Notice> digests = new ArrayList<>();
					byUser.forEach((userId, bySearch) -> {
						UserContact user = contacts.get(userId);
						if (user != null) {
							digests
								.add(AlertNotices.digest(userId, sections(bySearch, published, titles), user.locale()));
						}
					});
					return this.notices.announce("saved-search-digest", digests).thenReturn(digests.size());
				}));
	}

	private static List<AlertNotices.DigestSection> sections(Map<UUID, List<Pending>> bySearch,
			Map<UUID, PublishedContent> published, int titles) {
		List<AlertNotices.DigestSection> sections = new ArrayList<>();
		bySearch.values().forEach((hits) -> {
			List<PublishedContent> shown = hits.stream()
				.limit(titles)
				.map((hit) -> published.get(hit.entryId()))
				.filter(Objects::nonNull)
				.toList();
			sections.add(new AlertNotices.DigestSection(hits.get(0).name(), hits.size(), shown));
		});
		return sections;
	}

	/**
	 * @param sent digests sent
	 * @param last the last user looked at, where the next batch starts
	 * @param more whether there may be more users
	 */
	private record Batch(int sent, UUID last, boolean more) {
	}

}
