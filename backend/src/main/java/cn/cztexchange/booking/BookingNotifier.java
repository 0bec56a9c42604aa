package cn.cztexchange.booking;

import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.cztexchange.identity.OrganisationDirectory;
import cn.cztexchange.identity.UserDirectory;
import cn.cztexchange.notification.Notification;
import cn.cztexchange.notification.Notifications;

/**
 * Tells the other side of every step: the requester what staff (or the system) did, the
 * host's staff what the requester did. In-app and by email, inside the step's transaction
 * (through the outbox), in each recipient's language.
 */
@Component
class BookingNotifier {

	private final Notifications notifications;

	private final UserDirectory users;

	private final OrganisationDirectory organisations;

	BookingNotifier(Notifications notifications, UserDirectory users, OrganisationDirectory organisations) {
		this.notifications = notifications;
		this.users = users;
		this.organisations = organisations;
	}

	/**
	 * A booking reached {@code status}; {@code byStaff}: staff or the system moved it.
	 */
	Mono<Void> changed(Booking booking, String instrumentTitle, BookingStatus status, boolean byStaff) {
		Message message = Message.of(status, byStaff);
		Flux<UUID> recipients = byStaff ? Flux.just(booking.requesterId())
				: this.organisations.memberIds(booking.hostOrganisationId()).flatMapMany(Flux::fromIterable);
		return send(recipients, booking, instrumentTitle, message,
				byStaff ? "/bookings/" + booking.id() : "/staff/bookings");
	}

	/** The reminder before an approved booking. */
	Mono<Void> reminder(Booking booking, String instrumentTitle) {
		return send(Flux.just(booking.requesterId()), booking, instrumentTitle, Message.REMINDER,
				"/bookings/" + booking.id());
	}

	/** A waited-for time is free. */
	Mono<Void> slotFreed(UUID userId, UUID instrumentId, String instrumentTitle, Interval slot) {
		return this.users.contact(userId)
			.flatMap((user) -> this.notifications.notify(new Notification(userId, "BOOKING_SLOT_FREED",
					zh(user.locale()) ? "您等候的时段已空出：" + instrumentTitle
							: "A time you waited for is free: " + instrumentTitle,
					BookingTime.describe(slot), "/instruments/" + instrumentId + "/book", true)));
	}

	/** The instrument will be closed during the booking. */
	Mono<Void> closedDuring(Booking booking, String instrumentTitle, Closure closure) {
		return this.users.contact(booking.requesterId())
			.flatMap((user) -> this.notifications.notify(new Notification(user.id(), "BOOKING_CLOSURE",
					(zh(user.locale()) ? "您预约的时段内仪器停用：" : "The instrument is closed during your booking: ")
							+ instrumentTitle,
					BookingTime.describe(closure.interval()) + " — " + closure.reason(), "/bookings/" + booking.id(),
					true)));
	}

	private Mono<Void> send(Flux<UUID> recipients, Booking booking, String instrumentTitle, Message message,
			String link) {
		String when = (booking.startsAt() != null) ? BookingTime.describe(booking.slot())
				: booking.sample().count() + " samples";
		return recipients.flatMap(this.users::contact)
			.map((user) -> new Notification(user.id(), "BOOKING_" + message.name(),
					(zh(user.locale()) ? message.zh : message.en) + instrumentTitle,
					when + ((booking.reason() != null) ? " — " + booking.reason() : ""), link, true))
			.collectList()
			.flatMap((list) -> list.isEmpty() ? Mono.empty() : this.notifications.notifyAll(list));
	}

	private static boolean zh(String locale) {
		return locale == null || locale.startsWith("zh");
	}

	/** The headline of each kind of message, in both languages. */
	private enum Message {

		REQUESTED("新的预约申请：", "New booking request: "), CONFIRMED("预约已确认：", "Booking confirmed: "),
		APPROVED("预约已批准：", "Booking approved: "),
		ADJUSTED("预约时间/数量有调整，请确认：", "Staff proposed a change, please answer: "),
		REJECTED("预约未获批准：", "Booking rejected: "), ACCEPTED("用户已接受调整：", "The user accepted your change: "),
		DECLINED("用户拒绝了调整：", "The user declined your change: "),
		CANCELLED_BY_USER("用户取消了预约：", "Booking cancelled by the user: "), CANCELLED("预约已被取消：", "Booking cancelled: "),
		STARTED("预约已开始：", "Booking started: "), COMPLETED("预约已完成，欢迎评价：", "Booking completed, please rate it: "),
		CHECKED_OUT("用户已签退：", "The user checked out: "), NO_SHOW("预约因未到场已释放：", "Booking released as a no-show: "),
		RATED("用户评价了预约：", "The user rated a booking: "), REMINDER("预约提醒：", "Reminder of your booking: ");

		private final String zh;

		private final String en;

		Message(String zh, String en) {
			this.zh = zh;
			this.en = en;
		}

		static Message of(BookingStatus status, boolean byStaff) {
			return switch (status) {
				case PENDING -> REQUESTED;
				case APPROVED -> byStaff ? APPROVED : ACCEPTED;
				case ADJUSTED -> ADJUSTED;
				case REJECTED -> REJECTED;
				case DECLINED -> DECLINED;
				case CANCELLED -> byStaff ? CANCELLED : CANCELLED_BY_USER;
				case IN_PROGRESS -> STARTED;
				case COMPLETED -> byStaff ? COMPLETED : CHECKED_OUT;
				case NO_SHOW -> NO_SHOW;
			};
		}

	}

	/** Staff hear of a rating; kept apart as it changes no status. */
	Mono<Void> rated(Booking booking, String instrumentTitle) {
		return send(this.organisations.memberIds(booking.hostOrganisationId()).flatMapMany(Flux::fromIterable), booking,
				instrumentTitle, Message.RATED, "/staff/bookings");
	}

	/** A request confirmed at once (no approval needed): the requester hears of it. */
	Mono<Void> confirmed(Booking booking, String instrumentTitle) {
		return send(Flux.just(booking.requesterId()), booking, instrumentTitle, Message.CONFIRMED,
				"/bookings/" + booking.id());
	}

}
