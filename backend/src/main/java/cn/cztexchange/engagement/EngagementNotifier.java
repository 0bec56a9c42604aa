package cn.cztexchange.engagement;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.cztexchange.identity.OrganisationDirectory;
import cn.cztexchange.identity.UserDirectory;
import cn.cztexchange.notification.Notification;
import cn.cztexchange.notification.Notifications;

/**
 * Tells the other side of every step, in each recipient's language: in-app and by email
 * (through the outbox, inside the step's transaction); of each message in-app only, so
 * that a lively thread does not flood anyone's mailbox.
 */
@Component
class EngagementNotifier {

	/** Times in notifications are local to the region. */
	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final int EXCERPT = 200;

	private final Notifications notifications;

	private final UserDirectory users;

	private final OrganisationDirectory organisations;

	private final ExpertRepository experts;

	private final Parties parties;

	EngagementNotifier(Notifications notifications, UserDirectory users, OrganisationDirectory organisations,
			ExpertRepository experts, Parties parties) {
		this.notifications = notifications;
		this.users = users;
		this.organisations = organisations;
		this.experts = experts;
		this.parties = parties;
	}

	/**
	 * The engagement reached its state by a step of {@code actor}'s side; {@code detail}
	 * says more in the recipient's language (true: Chinese), or answers null.
	 */
	Mono<Void> stepTaken(Engagement e, Side actor, Function<Boolean, String> detail) {
		Message message = (e.status() == EngagementStatus.INTERESTED && e.kind() == EngagementKind.ADVISORY)
				? Message.REQUESTED : Message.valueOf(e.status().name());
		return send(e, actor, message, detail, true);
	}

	/** A message in the thread. */
	Mono<Void> messagePosted(Engagement e, Side author, String text) {
		return send(e, author, Message.MESSAGE, (zh) -> excerpt(text), false);
	}

	/** The start of a long text, for a notification's body. */
	static String excerpt(String text) {
		return (text.length() > EXCERPT) ? text.substring(0, EXCERPT) + "…" : text;
	}

	private Mono<Void> send(Engagement e, Side actor, Message message, Function<Boolean, String> detail,
			boolean email) {
		return Mono.zip(this.parties.members(e, actor.other()), name(e, actor))
			.flatMap((found) -> Flux.fromIterable(found.getT1()).concatMap(this.users::contact).map((user) -> {
				boolean zh = user.locale() == null || user.locale().startsWith("zh");
				String subject = (zh || e.subjectTitleEn() == null) ? e.subjectTitleZh() : e.subjectTitleEn();
				String who = (zh || found.getT2().en() == null) ? found.getT2().zh() : found.getT2().en();
				String more = (detail != null) ? detail.apply(zh) : null;
				return new Notification(user.id(), "ENGAGEMENT_" + message.name(),
						(zh ? message.zh : message.en) + subject, who + ((more != null) ? " — " + more : ""),
						"/engagements/" + e.id(), email);
			}).collectList())
			.flatMap((list) -> list.isEmpty() ? Mono.empty() : this.notifications.notifyAll(list));
	}

	/** The name of one side: its organisation's, or the expert's. */
	private Mono<Name> name(Engagement e, Side side) {
		UUID organisation = (side == Side.FIRM) ? e.firmId() : e.counterpartOrganisationId();
		if (organisation != null) {
			return this.organisations.find(organisation)
				.map((found) -> new Name(found.nameZh(), found.nameEn()))
				.defaultIfEmpty(new Name("", ""));
		}
		return this.experts.findById(e.expertId())
			.map((expert) -> new Name(expert.nameZh(), expert.nameEn()))
			.defaultIfEmpty(new Name("", ""));
	}

	/** A time as the region reads it. */
	static String describe(Instant time, boolean zh) {
		return TIME.format(time.atZone(ZONE)) + (zh ? "（北京时间）" : " (Beijing time)");
	}

	private record Name(String zh, String en) {
	}

	/** The headline of each kind of notification, in both languages. */
	private enum Message {

		INTERESTED("新的对接意向：", "New expression of interest: "), REQUESTED("新的咨询服务请求：", "New advisory request: "),
		ACCEPTED("对方已接受对接，双方联系方式现已可见：", "Accepted — both sides' contact details are now visible: "),
		DECLINED("对方婉拒了对接：", "Declined: "), WITHDRAWN("对方撤回了对接意向：", "Interest withdrawn: "),
		MEETING_PROPOSED("对方提议会面：", "Meeting proposed: "), MEETING_HELD("会面已举行：", "Meeting held: "),
		NEGOTIATING("已进入洽谈与尽职调查：", "Negotiation and due diligence begun: "), CLOSED("对接已成交：", "Deal closed: "),
		DROPPED("对接已终止：", "Engagement dropped: "), MESSAGE("对接新消息：", "New message: ");

		private final String zh;

		private final String en;

		Message(String zh, String en) {
			this.zh = zh;
			this.en = en;
		}

	}

}
