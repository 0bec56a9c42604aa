package cn.cztexchange.booking;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.cztexchange.notification.Notice;
import cn.cztexchange.notification.Notices;

/**
 * Tells the other side of every step: the requester what staff (or the system) did, the
 * host's staff what the requester did. In-app and by email, through the outbox: the
 * step's transaction queues one notice, delivered in each recipient's language once it
 * commits.
 */
@Component
class BookingNotifier {

	private final Notices notices;

	BookingNotifier(Notices notices) {
		this.notices = notices;
	}

	/**
	 * What a new request announces: to staff, a request to answer (or, confirmed at once,
	 * a new booking); to the requester, the confirmation.
	 */
	List<Notice> created(Booking booking, String instrumentTitle) {
		if (booking.status() == BookingStatus.APPROVED) {
			return List.of(notice(booking, instrumentTitle, Message.CONFIRMED, toRequester(booking)),
					notice(booking, instrumentTitle, Message.BOOKED, toStaff(booking)));
		}
		return List.of(notice(booking, instrumentTitle, Message.REQUESTED, toStaff(booking)));
	}

	/**
	 * A booking reached {@code status}; {@code byStaff}: staff or the system moved it.
	 */
	Mono<Void> changed(Booking booking, String instrumentTitle, BookingStatus status, boolean byStaff) {
		return announce(booking, notice(booking, instrumentTitle, Message.of(status, byStaff),
				byStaff ? toRequester(booking) : toStaff(booking)));
	}

	/** The reminder before an approved booking. */
	Mono<Void> reminder(Booking booking, String instrumentTitle) {
		return announce(booking, notice(booking, instrumentTitle, Message.REMINDER, toRequester(booking)));
	}

	/** Staff hear of a rating. */
	Mono<Void> rated(Booking booking, String instrumentTitle) {
		return announce(booking, notice(booking, instrumentTitle, Message.RATED, toStaff(booking)));
	}

	/** A waited-for time is free. */
	Mono<Void> slotFreed(UUID userId, UUID instrumentId, String instrumentTitle, Interval slot) {
		return this.notices.announce(instrumentId.toString(),
				List.of(Notice.toUser(userId, "BOOKING_SLOT_FREED", Message.SLOT_FREED.zh + instrumentTitle,
						Message.SLOT_FREED.en + instrumentTitle, BookingTime.describe(slot),
						"/instruments/" + instrumentId + "/book")));
	}

	/** The instrument will be closed during the booking. */
	Mono<Void> closedDuring(Booking booking, String instrumentTitle, Closure closure) {
		return announce(booking, Notice.toUser(booking.requesterId(), "BOOKING_CLOSURE",
				Message.CLOSURE.zh + instrumentTitle, Message.CLOSURE.en + instrumentTitle,
				BookingTime.describe(closure.interval()) + " — " + closure.reason(), "/bookings/" + booking.id()));
	}

	private Mono<Void> announce(Booking booking, Notice notice) {
		return this.notices.announce(booking.id().toString(), List.of(notice));
	}

	private static Recipients toRequester(Booking booking) {
		return new Recipients(booking.requesterId(), null, "/bookings/" + booking.id());
	}

	private static Recipients toStaff(Booking booking) {
		return new Recipients(null, booking.hostOrganisationId(), "/staff/bookings");
	}

	private static Notice notice(Booking booking, String instrumentTitle, Message message, Recipients to) {
		String when = (booking.startsAt() != null) ? BookingTime.describe(booking.slot())
				: booking.sample().count() + " samples";
		String body = when + ((booking.reason() != null) ? " — " + booking.reason() : "");
		return new Notice((to.user() != null) ? List.of(to.user()) : List.of(), to.membersOf(),
				"BOOKING_" + message.name(), message.zh + instrumentTitle, message.en + instrumentTitle, body,
				to.link(), true);
	}

	/** A requester, or the host's staff, and the page that shows them the booking. */
	private record Recipients(UUID user, UUID membersOf, String link) {
	}

	/** The headline of each kind of message, in both languages. */
	private enum Message {

		REQUESTED("新的预约申请：", "New booking request: "), BOOKED("新的预约（已自动确认）：", "New booking (confirmed at once): "),
		CONFIRMED("预约已确认：", "Booking confirmed: "), APPROVED("预约已批准：", "Booking approved: "),
		ADJUSTED("预约时间/数量有调整，请确认：", "Staff proposed a change, please answer: "),
		REJECTED("预约未获批准：", "Booking rejected: "), ACCEPTED("用户已接受调整：", "The user accepted your change: "),
		DECLINED("用户拒绝了调整：", "The user declined your change: "),
		CANCELLED_BY_USER("用户取消了预约：", "Booking cancelled by the user: "), CANCELLED("预约已被取消：", "Booking cancelled: "),
		STARTED("预约已开始：", "Booking started: "), COMPLETED("预约已完成，欢迎评价：", "Booking completed, please rate it: "),
		CHECKED_OUT("用户已签退：", "The user checked out: "), NO_SHOW("预约因未到场已释放：", "Booking released as a no-show: "),
		RATED("用户评价了预约：", "The user rated a booking: "), REMINDER("预约提醒：", "Reminder of your booking: "),
		SLOT_FREED("您等候的时段已空出：", "A time you waited for is free: "),
		CLOSURE("您预约的时段内仪器停用：", "The instrument is closed during your booking: ");

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

}
