package cn.cztexchange.engagement;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import cn.cztexchange.engagement.Parties.Caller;
import cn.cztexchange.identity.CurrentUser;
import cn.cztexchange.platform.Ids;
import cn.cztexchange.platform.Page;

/**
 * The message thread of an engagement: its parties write in it in every state but
 * DECLINED and WITHDRAWN (there never was a match); admins read it for moderation; for
 * anyone else it does not exist.
 */
@Service
class EngagementThread {

	private final EngagementRepository engagements;

	private final Parties parties;

	private final EngagementViews views;

	private final EngagementNotifier notifier;

	private final TransactionalOperator transaction;

	private final Clock clock;

	EngagementThread(EngagementRepository engagements, Parties parties, EngagementViews views,
			EngagementNotifier notifier, TransactionalOperator transaction, Clock clock) {
		this.engagements = engagements;
		this.parties = parties;
		this.views = views;
		this.notifier = notifier;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** A page of the thread, oldest first. */
	Mono<Page<EngagementView.Message>> messages(UUID id, CurrentUser user, int page, int size) {
		return this.parties.caller(user)
			.flatMap((caller) -> this.views.visible(id, caller))
			.flatMap((e) -> Mono.zip(this.engagements.messages(e.id(), page, size).collectList(),
					this.engagements.countMessages(e.id())))
			.flatMap((found) -> this.views.people(found.getT1().stream().map(EngagementMessage::authorId).toList())
				.map((people) -> new Page<>(found.getT1()
					.stream()
					.map((m) -> new EngagementView.Message(m.id(), people.get(m.authorId()), m.authorSide(), m.body(),
							m.createdAt()))
					.toList(), page, size, found.getT2())));
	}

	/**
	 * Adds a message; the other side is told in-app. The engagement's row is locked, so
	 * that no message slips in after a step that closes the thread.
	 */
	Mono<EngagementView.Message> post(UUID id, String text, CurrentUser user) {
		return this.parties.caller(user).flatMap((caller) -> {
			Mono<EngagementMessage> work = this.engagements.lock(id)
				.filter(caller::mayRead)
				.switchIfEmpty(Mono.error(Caller::notFound))
				.flatMap((e) -> {
					Side side = caller.requireParty(e);
					if (EngagementStatus.THREAD_CLOSED.contains(e.status())) {
						return Mono.error(EngagementProblems.wrongState(e.status(), "take messages"));
					}
					EngagementMessage message = new EngagementMessage(Ids.newId(this.clock), e.id(), user.id(), side,
							text.strip(), this.clock.instant());
					return this.engagements.insertMessage(message)
						.then(this.engagements.touch(e.id(), message.createdAt()))
						.then(this.notifier.messagePosted(e, side, message.body()))
						.thenReturn(message);
				});
			return this.transaction.transactional(work);
		})
			.flatMap((m) -> this.views.people(List.of(m.authorId()))
				.map((people) -> new EngagementView.Message(m.id(), people.get(m.authorId()), m.authorSide(), m.body(),
						m.createdAt())));
	}

}
