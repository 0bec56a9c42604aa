package cn.cztexchange.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import cn.cztexchange.booking.Booking.Proposal;
import cn.cztexchange.booking.BookingRequests.Adjust;
import cn.cztexchange.booking.BookingRequests.Complete;
import cn.cztexchange.booking.Instruments.Instrument;
import cn.cztexchange.booking.Pricing.Estimate;
import cn.cztexchange.catalog.InstrumentDetails.ServiceMode;
import cn.cztexchange.identity.CurrentUser;
import cn.cztexchange.platform.DomainException;
import cn.cztexchange.platform.FieldError;
import cn.cztexchange.platform.Ids;
import cn.cztexchange.platform.InvalidRequestException;

/**
 * The steps of a booking after the request: approval, adjustment and the user's answer,
 * rejection, cancellation, start, completion with the recorded usage and the charge,
 * no-show, rating, vouchers. Each step locks the booking's row, checks who may take it in
 * which state, writes the change, the event and the notifications in one transaction.
 */
@Service
class BookingSteps {

	private final BookingRepository bookings;

	private final Instruments instruments;

	private final InstrumentSettingsService settings;

	private final InstrumentSettingsRepository settingsRepository;

	private final VoucherRepository vouchers;

	private final Waitlist waitlist;

	private final BookingNotifier notifier;

	private final BookingViews views;

	private final BookingProperties properties;

	private final TransactionalOperator transaction;

	private final Clock clock;

	BookingSteps(BookingRepository bookings, Instruments instruments, InstrumentSettingsService settings,
			InstrumentSettingsRepository settingsRepository, VoucherRepository vouchers, Waitlist waitlist,
			BookingNotifier notifier, BookingViews views, BookingProperties properties,
			TransactionalOperator transaction, Clock clock) {
		this.bookings = bookings;
		this.instruments = instruments;
		this.settings = settings;
		this.settingsRepository = settingsRepository;
		this.vouchers = vouchers;
		this.waitlist = waitlist;
		this.notifier = notifier;
		this.views = views;
		this.properties = properties;
		this.transaction = transaction;
		this.clock = clock;
	}

	Mono<BookingView> approve(UUID id, CurrentUser user) {
		return step(id, user, BookingAction.APPROVE, (s) -> move(s, BookingStatus.APPROVED, null).apply());
	}

	Mono<BookingView> adjust(UUID id, Adjust request, CurrentUser user) {
		return step(id, user, BookingAction.ADJUST, (s) -> {
			String note = BookingService.blankToNull(request.note());
			if (s.booking().mode() == ServiceMode.SAMPLE_SUBMISSION) {
				if (request.sampleCount() == null) {
					return Mono
						.error(new InvalidRequestException("sampleCount", "must be given for sample submission"));
				}
				return move(s, BookingStatus.ADJUSTED, null)
					.json("proposal", new Proposal(null, null, request.sampleCount(), note))
					.apply();
			}
			if (request.start() == null || request.end() == null) {
				return Mono.error(new InvalidRequestException("start", "start and end must be given for machine time"));
			}
			Interval proposed = new Interval(request.start(), request.end());
			return checkSlot(s, proposed).then(Mono.defer(() -> move(s, BookingStatus.ADJUSTED, null)
				.json("proposal", new Proposal(proposed.start(), proposed.end(), null, note))
				.held(SlotRules.held(s.rules(), proposed))
				.apply()));
		});
	}

	Mono<BookingView> accept(UUID id, CurrentUser user) {
		return step(id, user, BookingAction.ACCEPT, (s) -> {
			Booking b = s.booking();
			Proposal proposal = b.proposal();
			boolean machineTime = b.mode() == ServiceMode.MACHINE_TIME;
			long minutes = machineTime ? Duration.between(proposal.start(), proposal.end()).toMinutes() : 0;
			SampleDetails sample = machineTime ? null : b.sample().withCount(proposal.sampleCount());
			Estimate estimate = Pricing.estimate(s.instrument().details(), b.rateKind() == Pricing.RateKind.INTERNAL,
					b.mode(), minutes, machineTime ? 0 : sample.count());
			BookingRepository.Update update = move(s, BookingStatus.APPROVED, null).json("proposal", null)
				.set("rate_fen", estimate.rateFen(), Long.class)
				.set("quantity", estimate.quantity(), java.math.BigDecimal.class)
				.set("estimate_fen", estimate.amountFen(), Long.class);
			if (machineTime) {
				update.set("starts_at", proposal.start(), Instant.class).set("ends_at", proposal.end(), Instant.class);
			}
			else {
				update.json("sample", sample);
			}
			return update.apply();
		});
	}

	Mono<BookingView> decline(UUID id, String reason, CurrentUser user) {
		return step(id, user, BookingAction.DECLINE,
				(s) -> release(s, move(s, BookingStatus.DECLINED, BookingService.blankToNull(reason))));
	}

	Mono<BookingView> reject(UUID id, String reason, CurrentUser user) {
		if (BookingService.blankToNull(reason) == null) {
			return Mono.error(new InvalidRequestException("reason", "must say why the request is rejected"));
		}
		return step(id, user, BookingAction.REJECT, (s) -> release(s, move(s, BookingStatus.REJECTED, reason.strip())));
	}

	Mono<BookingView> cancel(UUID id, String reason, CurrentUser user) {
		return step(id, user, BookingAction.CANCEL,
				(s) -> release(s, move(s, BookingStatus.CANCELLED, BookingService.blankToNull(reason))));
	}

	Mono<BookingView> start(UUID id, String code, CurrentUser user) {
		return step(id, user, BookingAction.START, (s) -> requireCodeUnlessStaff(s, code).then(Mono.defer(
				() -> move(s, BookingStatus.IN_PROGRESS, null).set("actual_start", s.now(), Instant.class).apply())));
	}

	Mono<BookingView> complete(UUID id, Complete request, CurrentUser user) {
		return step(id, user, BookingAction.COMPLETE,
				(s) -> requireCodeUnlessStaff(s, request.code()).then(Mono.defer(() -> {
					Booking b = s.booking();
					boolean machineTime = b.mode() == ServiceMode.MACHINE_TIME;
					// Machine time is charged for the time at the instrument (checked in
					// to now,
					// unless staff say otherwise); samples by the time staff record, if
					// any.
					Instant start = machineTime
							? firstNonNull(s.staff() ? request.actualStart() : null, b.actualStart(), b.startsAt())
							: (s.staff() ? request.actualStart() : null);
					Instant end = machineTime ? firstNonNull(s.staff() ? request.actualEnd() : null, s.now())
							: (s.staff() ? request.actualEnd() : null);
					if (machineTime || start != null || end != null) {
						List<FieldError> errors = usageErrors(start, end, s.now());
						if (!errors.isEmpty()) {
							return Mono.error(new InvalidRequestException(errors));
						}
					}
					int samples = machineTime ? 0
							: (request.samplesRun() != null) ? request.samplesRun() : b.sample().count();
					Long minutesUsed = (start != null && end != null) ? Duration.between(start, end).toMinutes() : null;
					Estimate charge = Pricing.charge(s.instrument().details(), b.rateKind(), b.mode(), minutesUsed,
							samples);
					long excess = Math.max(0, b.subsidyFen() - charge.amountFen());
					BookingRepository.Update update = move(s, BookingStatus.COMPLETED, null)
						.set("actual_start", firstNonNull(start, b.actualStart()), Instant.class)
						.set("actual_end", end, Instant.class)
						.set("samples_run", machineTime ? null : samples, Integer.class)
						.set("result_note", BookingService.blankToNull(request.resultNote()), String.class)
						.set("charge_fen", charge.amountFen(), Long.class)
						.set("subsidy_fen", b.subsidyFen() - excess, Long.class);
					return ((excess > 0) ? this.vouchers.refund(b.voucherId(), excess) : Mono.<Void>empty())
						.then(update.apply());
				})));
	}

	Mono<BookingView> noShow(UUID id, CurrentUser user) {
		return step(id, user, BookingAction.NO_SHOW, this::markNoShow);
	}

	Mono<BookingView> rate(UUID id, BookingRequests.Rating rating, CurrentUser user) {
		return step(id, user, BookingAction.RATE,
				(s) -> this.bookings.update(s.booking(), s.now())
					.set("rating", rating.stars().shortValue(), Short.class)
					.set("rating_comment", BookingService.blankToNull(rating.comment()), String.class)
					.apply());
	}

	/**
	 * Pays as much of the booking (its charge, or its estimate until then) as the voucher
	 * has left; the voucher must belong to the paying organisation and be valid today.
	 */
	Mono<BookingView> applyVoucher(UUID id, UUID voucherId, CurrentUser user) {
		return step(id, user, BookingAction.APPLY_VOUCHER, (s) -> this.vouchers.findById(voucherId)
			.filter((voucher) -> voucher.organisationId().equals(s.booking().organisationId()))
			.switchIfEmpty(Mono.error(() -> new InvalidRequestException("voucherId",
					"must be a voucher of the organisation that pays for the booking")))
			.flatMap((voucher) -> this.vouchers
				.spend(voucherId, s.booking().chargeableFen(), s.now().atZone(BookingTime.ZONE).toLocalDate())
				.switchIfEmpty(
						Mono.error(() -> DomainException.conflict("The voucher has nothing left or has expired.")))
				.flatMap((amount) -> this.bookings.update(s.booking(), s.now())
					.set("voucher_id", voucherId, UUID.class)
					.set("subsidy_fen", amount, Long.class)
					.apply())));
	}

	/**
	 * Releases a booking nobody started within the grace period, for the sweep: inside
	 * the sweep's transaction, with the row already locked.
	 */
	Mono<Booking> releaseNoShow(Booking booking) {
		return context(booking, null)
			.flatMap((s) -> markNoShow(s).flatMap((changed) -> record(s, changed, null, BookingAction.NO_SHOW)));
	}

	private Mono<Booking> markNoShow(Step s) {
		return release(s, move(s, BookingStatus.NO_SHOW, null)).flatMap((updated) -> {
			Instant since = s.now().minus(this.properties.noShowWindow());
			return this.bookings.countNoShows(updated.requesterId(), since)
				.flatMap(
						(count) -> (count >= this.properties.noShowLimit())
								? this.settingsRepository.suspend(updated.requesterId(),
										s.now().plus(this.properties.suspension()),
										count + " no-shows since " + BookingTime.describe(since), s.now())
								: Mono.empty())
				.thenReturn(updated);
		});
	}

	/**
	 * The frame of every step: lock, authorise, change, record, notify, in one
	 * transaction.
	 */
	private Mono<BookingView> step(UUID id, CurrentUser user, BookingAction action,
			Function<Step, Mono<Booking>> change) {
		Mono<Step> work = this.bookings.lock(id)
			.switchIfEmpty(Mono.error(() -> DomainException.notFound("The booking")))
			.flatMap((booking) -> context(booking, user))
			.flatMap((s) -> authorise(s, action).then(Mono.defer(() -> change.apply(s)))
				.flatMap((changed) -> record(s, changed, user.id(), action))
				.map((changed) -> new Step(changed, s.instrument(), s.rules(), s.requester(), s.staff(), s.now())));
		return this.transaction.transactional(work)
			.retryWhen(BookingProblems.DEADLOCK_RETRY)
			.onErrorResume(BookingProblems::isOverlap, (overlap) -> Mono.error(BookingProblems.takenMeanwhile()))
			.flatMap((done) -> this.views.view(done.booking(), user, done.instrument().title(), done.rules()));
	}

	private Mono<Step> context(Booking booking, CurrentUser user) {
		return this.instruments.find(booking.instrumentId())
			.flatMap((instrument) -> Mono
				.zip(this.settings.rules(instrument), this.instruments.isStaff(user, booking.hostOrganisationId()))
				.map((found) -> new Step(booking, instrument, found.getT1(),
						user != null && booking.requesterId().equals(user.id()), found.getT2(), this.clock.instant())));
	}

	private static Mono<Void> authorise(Step s, BookingAction action) {
		if (!s.requester() && !s.staff()) {
			return Mono.error(DomainException.notFound("The booking"));
		}
		Duration deadline = Duration.ofHours(s.rules().cancellationDeadlineHours());
		Set<BookingAction> allowed = BookingAction.allowed(s.booking(), s.requester(), s.staff(), deadline, s.now());
		if (allowed.contains(action)) {
			return Mono.empty();
		}
		if (action == BookingAction.CANCEL && s.requester() && s.booking().status() == BookingStatus.APPROVED) {
			return Mono.error(DomainException.conflict("Bookings can be cancelled until "
					+ s.rules().cancellationDeadlineHours() + " hours before they start; ask the staff."));
		}
		if (BookingAction.allowed(s.booking(), false, true, deadline, s.now()).contains(action)) {
			return Mono.error(
					DomainException.forbidden("Only staff of the organisation that hosts the instrument may do this."));
		}
		if (BookingAction.allowed(s.booking(), true, false, deadline, s.now()).contains(action)) {
			return Mono.error(DomainException.forbidden("Only the user who made the booking may do this."));
		}
		return Mono.error(BookingProblems.wrongState(s.booking().status(), describe(action)));
	}

	private static String describe(BookingAction action) {
		return switch (action) {
			case APPROVE -> "approved";
			case ADJUST -> "adjusted";
			case REJECT -> "rejected";
			case ACCEPT -> "accepted";
			case DECLINE -> "declined";
			case CANCEL -> "cancelled";
			case START -> "started";
			case COMPLETE -> "completed";
			case NO_SHOW -> "marked as a no-show";
			case RATE -> "rated";
			case APPLY_VOUCHER -> "paid with a voucher";
		};
	}

	private Mono<Booking> record(Step s, Booking changed, UUID actorId, BookingAction action) {
		Booking before = s.booking();
		String title = s.instrument().title();
		Mono<Void> notify;
		if (action == BookingAction.RATE) {
			notify = this.notifier.rated(changed, title);
		}
		else if (action == BookingAction.APPLY_VOUCHER) {
			notify = Mono.empty();
		}
		else {
			notify = this.notifier.changed(changed, title, changed.status(), !s.requester());
		}
		String note = switch (action) {
			case RATE -> "rated " + changed.rating();
			case APPLY_VOUCHER -> "voucher " + changed.voucherId() + ": " + changed.subsidyFen() + " fen";
			default -> changed.reason();
		};
		return this.bookings
			.recordEvent(Ids.newId(this.clock), changed.id(), s.now(), actorId, before.status(), changed.status(), note)
			.then(notify)
			.thenReturn(changed);
	}

	private BookingRepository.Update move(Step s, BookingStatus to, String reason) {
		BookingRepository.Update update = this.bookings.update(s.booking(), s.now()).status(to);
		return (reason != null) ? update.set("reason", reason, String.class) : update;
	}

	/**
	 * Applies a change that gives the booking's time up: the voucher gets back what it
	 * paid, and whoever waits for that time is told.
	 */
	private Mono<Booking> release(Step s, BookingRepository.Update update) {
		Booking b = s.booking();
		if (b.subsidyFen() > 0) {
			update.set("subsidy_fen", 0L, Long.class);
		}
		Mono<Void> refund = (b.subsidyFen() > 0) ? this.vouchers.refund(b.voucherId(), b.subsidyFen()) : Mono.empty();
		return refund.then(update.apply())
			.flatMap((updated) -> ((b.slot() != null)
					? this.waitlist.offerFreed(b.instrumentId(), s.instrument().title(), b.slot()) : Mono.<Void>empty())
				.thenReturn(updated));
	}

	private Mono<Void> checkSlot(Step s, Interval slot) {
		List<FieldError> errors = SlotRules.shape(s.rules(), slot, s.now());
		if (errors.isEmpty() && !SlotRules.withinOpeningHours(s.rules(), slot)) {
			errors
				.add(new FieldError("start", "the instrument is not open for the whole time (see its opening hours)"));
		}
		if (!errors.isEmpty()) {
			return Mono.error(new InvalidRequestException(errors));
		}
		return this.settingsRepository.closures(s.booking().instrumentId(), slot)
			.collectList()
			.flatMap((closures) -> closures.isEmpty() ? Mono.empty()
					: Mono.error(BookingProblems.closed(closures.get(0))));
	}

	private static Mono<Void> requireCodeUnlessStaff(Step s, String code) {
		if (s.staff() || s.booking().checkInCode().equals(code)) {
			return Mono.empty();
		}
		return Mono.error(new InvalidRequestException("code", (code == null || code.isBlank())
				? "must be the code shown at the instrument" : "does not match the code shown at the instrument"));
	}

	private static List<FieldError> usageErrors(Instant start, Instant end, Instant now) {
		if (start == null || end == null) {
			return List.of(new FieldError((start == null) ? "actualStart" : "actualEnd", "must be given"));
		}
		if (!start.isBefore(end)) {
			return List.of(new FieldError("actualEnd", "must be after actualStart"));
		}
		if (end.isAfter(now.plus(Duration.ofMinutes(1)))) {
			return List.of(new FieldError("actualEnd", "must not be in the future"));
		}
		return List.of();
	}

	@SafeVarargs
	private static <T> T firstNonNull(T... values) {
		for (T value : values) {
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	/**
	 * A step under way.
	 *
	 * @param booking the booking, locked
	 * @param instrument its instrument
	 * @param rules the instrument's rules
	 * @param requester whether the caller made the booking
	 * @param staff whether the caller is staff of its host
	 * @param now the time of the step
	 */
	record Step(Booking booking, Instrument instrument, BookingRules rules, boolean requester, boolean staff,
			Instant now) {
	}

}
