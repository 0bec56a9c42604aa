package cn.cztexchange.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import cn.cztexchange.booking.Instruments.Instrument;
import cn.cztexchange.identity.CurrentUser;
import cn.cztexchange.platform.DomainException;
import cn.cztexchange.platform.Ids;
import cn.cztexchange.platform.InvalidRequestException;

/** Rules, closures and the calendar of an instrument. */
@Service
class InstrumentSettingsService {

	private final Instruments instruments;

	private final InstrumentSettingsRepository settings;

	private final BookingRepository bookings;

	private final BookingNotifier notifier;

	private final InstrumentSnapshots snapshots;

	private final TransactionalOperator transaction;

	private final Clock clock;

	InstrumentSettingsService(Instruments instruments, InstrumentSettingsRepository settings,
			BookingRepository bookings, BookingNotifier notifier, InstrumentSnapshots snapshots,
			TransactionalOperator transaction, Clock clock) {
		this.snapshots = snapshots;
		this.notifier = notifier;
		this.transaction = transaction;
		this.instruments = instruments;
		this.settings = settings;
		this.bookings = bookings;
		this.clock = clock;
	}

	/** The rules that apply to the instrument: its staff's, or the defaults. */
	Mono<BookingRules> rules(Instrument instrument) {
		return this.settings.rulesOrDefaults(instrument);
	}

	Mono<BookingRules> rules(UUID instrumentId) {
		return this.instruments.find(instrumentId).flatMap(this::rules);
	}

	Mono<BookingRules> saveRules(UUID instrumentId, BookingRules rules, CurrentUser user) {
		List<cn.cztexchange.platform.FieldError> errors = rules.inconsistencies();
		if (!errors.isEmpty()) {
			return Mono.error(new InvalidRequestException(errors));
		}
		return this.instruments.findForStaff(instrumentId, user)
			.flatMap((instrument) -> this.settings
				.saveRules(instrumentId, rules, rules.version(), user.id(), this.clock.instant())
				.flatMap((saved) -> saved
						? this.snapshots.changed(List.of(instrumentId)).then(this.settings.rules(instrumentId))
						: Mono.error(() -> DomainException.conflict("Someone changed these rules meanwhile (or they "
								+ "were set for the first time): reload them and apply your change again."))));
	}

	Mono<List<Closure>> closures(UUID instrumentId, Interval range) {
		return this.instruments.find(instrumentId)
			.flatMap((instrument) -> this.settings.closures(instrumentId, range).collectList());
	}

	Mono<Closure> addClosure(UUID instrumentId, BookingRequests.NewClosure request, CurrentUser user) {
		if (!request.start().isBefore(request.end())) {
			return Mono.error(new InvalidRequestException("end", "must be after start"));
		}
		Closure closure = new Closure(Ids.newId(this.clock), request.start(), request.end(), request.kind(),
				request.planned(), request.reason().strip());
		// Whoever holds time it covers is told at once, in the same transaction: an
		// unplanned outage must not be discovered at the instrument.
		return this.instruments.findForStaff(instrumentId, user)
			.flatMap((instrument) -> this.settings.insertClosure(instrumentId, closure, user.id(), this.clock.instant())
				.then(this.bookings.activeDuring(instrumentId, closure.interval())
					.concatMap((booking) -> this.notifier.closedDuring(booking, instrument.title(), closure))
					.then())
				.as(this.transaction::transactional))
			.thenReturn(closure);
	}

	Mono<Void> deleteClosure(UUID instrumentId, UUID closureId, CurrentUser user) {
		return this.instruments.findForStaff(instrumentId, user)
			.flatMap((instrument) -> this.settings.deleteClosure(instrumentId, closureId))
			.flatMap((deleted) -> deleted ? Mono.empty() : Mono.error(() -> DomainException.notFound("The closure")));
	}

	/** The calendar; open to anyone, as it never shows who booked. */
	Mono<Availability> availability(UUID instrumentId, Interval range) {
		return this.snapshots.find(instrumentId)
			.flatMap((snapshot) -> Mono
				.zip(this.settings.closures(instrumentId, range).collectList(),
						this.bookings.held(instrumentId, range).collectList())
				.map((found) -> {
					BookingRules rules = snapshot.rules();
					List<Interval> closed = found.getT1().stream().map(Closure::interval).toList();
					Instant now = this.clock.instant();
					return new Availability(instrumentId, BookingTime.ZONE.getId(), range.start(), range.end(),
							rules.slotMinutes(), rules.bufferMinutes(),
							now.plus(Duration.ofMinutes(rules.minNoticeMinutes())),
							now.plus(Duration.ofDays(rules.maxAdvanceDays())),
							OpeningHours.open(rules.weeklyHours(), closed, range), found.getT2(), found.getT1());
				}));
	}

	/** Checks a requested range: from before to, at most {@code maxDays} apart. */
	static Interval range(Instant from, Instant to, int maxDays) {
		if (!from.isBefore(to)) {
			throw new InvalidRequestException("to", "must be after from");
		}
		if (Duration.between(from, to).compareTo(Duration.ofDays(maxDays)) > 0) {
			throw new InvalidRequestException("to", "must be at most " + maxDays + " days after from");
		}
		return new Interval(from, to);
	}

}
