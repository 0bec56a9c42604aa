package cn.cztexchange.engagement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import cn.cztexchange.engagement.Engagement.Deal;
import cn.cztexchange.engagement.Engagement.Meeting;
import cn.cztexchange.engagement.Engagement.MeetingMode;
import cn.cztexchange.engagement.EngagementRequests.Close;
import cn.cztexchange.engagement.EngagementRequests.ProposeMeeting;
import cn.cztexchange.engagement.Parties.Caller;
import cn.cztexchange.identity.CurrentUser;
import cn.cztexchange.platform.DomainException;
import cn.cztexchange.platform.Ids;
import cn.cztexchange.platform.InvalidRequestException;

/**
 * The steps of an engagement after the expression of interest. Each step locks the
 * engagement's row, checks that the caller is a party (404 otherwise; 403 for admins),
 * that the version they read is current, that their side may take the step (403) in this
 * state (409 naming it), and writes the change, the event and the notifications of the
 * other side in one transaction.
 */
@Service
class EngagementSteps {

	private final EngagementRepository engagements;

	private final Parties parties;

	private final EngagementNotifier notifier;

	private final EngagementViews views;

	private final TransactionalOperator transaction;

	private final Clock clock;

	EngagementSteps(EngagementRepository engagements, Parties parties, EngagementNotifier notifier,
			EngagementViews views, TransactionalOperator transaction, Clock clock) {
		this.engagements = engagements;
		this.parties = parties;
		this.notifier = notifier;
		this.views = views;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * The other side accepts: the introduction, contact details are shown from now on.
	 */
	Mono<EngagementView> accept(UUID id, Integer version, String note, CurrentUser user) {
		return step(id, user, EngagementAction.ACCEPT, version,
				(s) -> Change.of(s, EngagementAction.ACCEPT).accepted(s.now()).note(note));
	}

	Mono<EngagementView> decline(UUID id, Integer version, String reason, CurrentUser user) {
		return step(id, user, EngagementAction.DECLINE, version,
				(s) -> Change.of(s, EngagementAction.DECLINE).ended(s.now()).reason(reason));
	}

	Mono<EngagementView> withdraw(UUID id, Integer version, String reason, CurrentUser user) {
		return step(id, user, EngagementAction.WITHDRAW, version,
				(s) -> Change.of(s, EngagementAction.WITHDRAW).ended(s.now()).reason(reason));
	}

	Mono<EngagementView> proposeMeeting(UUID id, ProposeMeeting request, CurrentUser user) {
		String place = EngagementService.blankToNull(request.place());
		if (request.mode() == MeetingMode.IN_PERSON && place == null) {
			return Mono.error(new InvalidRequestException("place", "must say where to meet in person"));
		}
		if (!request.startsAt().isAfter(this.clock.instant())) {
			return Mono.error(new InvalidRequestException("startsAt", "must be in the future"));
		}
		return step(id, user, EngagementAction.PROPOSE_MEETING, request.version(), (s) -> {
			Meeting meeting = new Meeting(request.startsAt(), request.mode(), place,
					EngagementService.blankToNull(request.note()), s.side());
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("startsAt", meeting.startsAt().toString());
			details.put("mode", meeting.mode().name());
			if (place != null) {
				details.put("place", place);
			}
			return Change.of(s, EngagementAction.PROPOSE_MEETING)
				.meeting(meeting)
				.note(request.note())
				.details(Map.of("meeting", details), (zh) -> describe(meeting, zh));
		});
	}

	Mono<EngagementView> meetingHeld(UUID id, Integer version, String note, CurrentUser user) {
		return step(id, user, EngagementAction.MEETING_HELD, version,
				(s) -> Change.of(s, EngagementAction.MEETING_HELD).note(note));
	}

	Mono<EngagementView> negotiate(UUID id, Integer version, String note, CurrentUser user) {
		return step(id, user, EngagementAction.NEGOTIATE, version,
				(s) -> Change.of(s, EngagementAction.NEGOTIATE).note(note));
	}

	Mono<EngagementView> close(UUID id, Close request, CurrentUser user) {
		return step(id, user, EngagementAction.CLOSE, request.version(), (s) -> {
			EngagementKind kind = s.engagement().kind();
			if (!DealType.fitting(kind).contains(request.dealType())) {
				throw new InvalidRequestException("dealType",
						"must be one of " + DealType.fitting(kind) + " for a " + kind + " engagement");
			}
			Deal deal = new Deal(request.dealType(), request.amountFen(),
					EngagementService.blankToNull(request.note()));
			return Change.of(s, EngagementAction.CLOSE)
				.ended(s.now())
				.deal(deal)
				.note(request.note())
				.details(Map.of("deal", Map.of("type", deal.type().name(), "amountFen", deal.amountFen())),
						(zh) -> describe(deal, zh));
		});
	}

	Mono<EngagementView> drop(UUID id, Integer version, String reason, CurrentUser user) {
		return step(id, user, EngagementAction.DROP, version,
				(s) -> Change.of(s, EngagementAction.DROP).ended(s.now()).reason(reason));
	}

	/**
	 * The frame of every step: lock, authorise, change, record, notify, in one
	 * transaction.
	 */
	private Mono<EngagementView> step(UUID id, CurrentUser user, EngagementAction action, Integer version,
			Function<Step, Change> change) {
		return this.parties.caller(user).flatMap((caller) -> {
			Mono<Engagement> work = this.engagements.lock(id)
				.filter(caller::mayRead)
				.switchIfEmpty(Mono.error(Caller::notFound))
				.flatMap((engagement) -> {
					Side side = caller.requireParty(engagement);
					if (version != null && version != engagement.version()) {
						return Mono.error(EngagementProblems.stale(engagement.version()));
					}
					authorise(engagement, side, action);
					Step s = new Step(engagement, side, user.id(), this.clock.instant());
					return apply(s, change.apply(s));
				});
			return this.transaction.transactional(work).flatMap((changed) -> this.views.view(changed, caller));
		});
	}

	private Mono<Engagement> apply(Step s, Change change) {
		Engagement before = s.engagement();
		Engagement after = change.engagement();
		return this.engagements.update(after, before.version())
			.flatMap((written) -> written ? Mono.<Void>empty()
					: Mono.error(EngagementProblems.stale(before.version() + 1)))
			.then(this.engagements.recordEvent(Ids.newId(this.clock), before.id(), s.now(), s.actorId(), s.side(),
					before.status(), after.status(), change.eventNote(), change.details()))
			.then(this.notifier.stepTaken(after, s.side(), change.notificationDetail()))
			.thenReturn(after);
	}

	/**
	 * Refuses a step the caller's side may not take (403), or that the engagement's state
	 * does not allow (409, naming the state).
	 */
	private static void authorise(Engagement e, Side side, EngagementAction action) {
		if (EngagementAction.allowed(e.status(), e.initiator(), side).contains(action)) {
			return;
		}
		if (EngagementAction.allowed(e.status(), e.initiator(), side.other()).contains(action)) {
			throw DomainException.forbidden(
					(action == EngagementAction.WITHDRAW) ? "Only the side that expressed interest may withdraw it."
							: "Only the side that received the interest may accept or decline it.");
		}
		throw EngagementProblems.wrongState(e.status(), describe(action));
	}

	private static String describe(EngagementAction action) {
		return switch (action) {
			case ACCEPT -> "be accepted";
			case DECLINE -> "be declined";
			case WITHDRAW -> "be withdrawn";
			case PROPOSE_MEETING -> "have a meeting proposed";
			case MEETING_HELD -> "have a meeting marked as held";
			case NEGOTIATE -> "move to negotiation";
			case CLOSE -> "be closed with a deal";
			case DROP -> "be dropped";
			case SEND_MESSAGE -> "take messages";
		};
	}

	private static String describe(Meeting meeting, boolean zh) {
		String when = EngagementNotifier.describe(meeting.startsAt(), zh);
		String how = (meeting.mode() == MeetingMode.ONLINE) ? (zh ? "线上" : "online") : (zh ? "线下" : "in person");
		return when + " · " + how + ((meeting.place() != null) ? " · " + meeting.place() : "");
	}

	private static String describe(Deal deal, boolean zh) {
		String yuan = BigDecimal.valueOf(deal.amountFen(), 2).toPlainString();
		return deal.type().name() + " · " + (zh ? "¥" + yuan + " 元" : "CNY " + yuan);
	}

	/**
	 * A step under way.
	 *
	 * @param engagement the engagement, locked
	 * @param side the caller's side
	 * @param actorId the caller
	 * @param now the time of the step
	 */
	record Step(Engagement engagement, Side side, UUID actorId, Instant now) {
	}

	/**
	 * What a step changes, built up from the engagement as it was.
	 */
	private static final class Change {

		private final Step step;

		private final EngagementAction action;

		private String reason;

		private String note;

		private Instant acceptedAt;

		private Instant endedAt;

		private Meeting meeting;

		private Deal deal;

		private Map<String, ?> details;

		private Function<Boolean, String> detail;

		private Change(Step step, EngagementAction action) {
			this.step = step;
			this.action = action;
			Engagement e = step.engagement();
			this.acceptedAt = e.acceptedAt();
			this.meeting = e.meeting();
		}

		static Change of(Step step, EngagementAction action) {
			return new Change(step, action);
		}

		Change accepted(Instant at) {
			this.acceptedAt = at;
			return this;
		}

		Change ended(Instant at) {
			this.endedAt = at;
			return this;
		}

		Change reason(String reason) {
			this.reason = EngagementService.blankToNull(reason);
			return this;
		}

		Change note(String note) {
			this.note = EngagementService.blankToNull(note);
			return this;
		}

		Change meeting(Meeting meeting) {
			this.meeting = meeting;
			return this;
		}

		Change deal(Deal deal) {
			this.deal = deal;
			return this;
		}

		Change details(Map<String, ?> details, Function<Boolean, String> detail) {
			this.details = details;
			this.detail = detail;
			return this;
		}

		Engagement engagement() {
			Engagement e = this.step.engagement();
			return new Engagement(e.id(), e.kind(), e.service(), e.firmId(), e.counterpartOrganisationId(),
					e.expertId(), e.subjectId(), e.subjectKind(), e.subjectTitleZh(), e.subjectTitleEn(), e.initiator(),
					e.initiatedBy(), this.action.target(), this.reason, this.meeting, this.deal, this.acceptedAt,
					this.endedAt, e.createdAt(), this.step.now(), this.step.now(), e.version() + 1);
		}

		/** What the history keeps as the step's words: the reason, or the note. */
		String eventNote() {
			return (this.reason != null) ? this.reason : this.note;
		}

		Map<String, ?> details() {
			return this.details;
		}

		/** What the other side reads besides the headline, in their language. */
		Function<Boolean, String> notificationDetail() {
			if (this.detail != null) {
				return (zh) -> {
					String more = this.detail.apply(zh);
					return (eventNote() != null) ? more + " — " + eventNote() : more;
				};
			}
			String words = eventNote();
			return (words != null) ? (zh) -> EngagementNotifier.excerpt(words) : null;
		}

	}

}
