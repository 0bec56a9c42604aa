package cn.cztexchange.booking;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.cztexchange.booking.BookingRepository.NewBooking;
import cn.cztexchange.booking.BookingRepository.Outcome;
import cn.cztexchange.booking.BookingRequests.Create;
import cn.cztexchange.booking.Instruments.Instrument;
import cn.cztexchange.booking.Pricing.Estimate;
import cn.cztexchange.catalog.InstrumentDetails.OperatingStatus;
import cn.cztexchange.catalog.InstrumentDetails.ServiceMode;
import cn.cztexchange.identity.CurrentUser;
import cn.cztexchange.identity.OrganisationDirectory;
import cn.cztexchange.identity.UserDirectory;
import cn.cztexchange.notification.Notices;
import cn.cztexchange.platform.DomainException;
import cn.cztexchange.platform.FieldError;
import cn.cztexchange.platform.Ids;
import cn.cztexchange.platform.InvalidRequestException;
import cn.cztexchange.platform.ProblemDetails;

/**
 * Booking requests: every rule is checked before anything is written, then the booking is
 * inserted in one transaction with its first event and the notifications. Overlaps are
 * left to PostgreSQL's exclusion constraint, which decides races between any number of
 * replicas; the loser gets a 409 that names the time it lost.
 */
@Service
class BookingService {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final BookingRepository bookings;

	private final BookingBatcher batcher;

	private final InstrumentSnapshots snapshots;

	private final OrganisationDirectory organisations;

	private final UserDirectory users;

	private final BookingNotifier notifier;

	private final Notices notices;

	private final BookingViews views;

	private final TransactionalOperator transaction;

	private final Clock clock;

	BookingService(BookingRepository bookings, BookingBatcher batcher, InstrumentSnapshots snapshots,
			OrganisationDirectory organisations, UserDirectory users, BookingNotifier notifier, Notices notices,
			BookingViews views, TransactionalOperator transaction, Clock clock) {
		this.bookings = bookings;
		this.batcher = batcher;
		this.snapshots = snapshots;
		this.organisations = organisations;
		this.users = users;
		this.notifier = notifier;
		this.notices = notices;
		this.views = views;
		this.transaction = transaction;
		this.clock = clock;
	}

	Mono<Estimate> estimate(Create request, CurrentUser user) {
		requireShape(request);
		return this.snapshots.find(request.instrumentId())
			.map(InstrumentSnapshots.Snapshot::instrument)
			.flatMap((instrument) -> offered(instrument, request).then(internalRate(request, instrument, user))
				.map((internal) -> estimate(instrument, request, internal)));
	}

	Mono<BookingView> create(Create request, CurrentUser user) {
		requireShape(request);
		return this.snapshots.find(request.instrumentId()).flatMap((snapshot) -> {
			Instrument instrument = snapshot.instrument();
			BookingRules rules = snapshot.rules();
			return checked(request, instrument, rules).then(internalRate(request, instrument, user))
				.flatMap((internal) -> {
					Booking booking = newBooking(request, instrument, rules, user, internal);
					Interval held = (booking.slot() != null) ? SlotRules.held(rules, booking.slot()) : null;
					return insert(booking, held, rules, instrument)
						.flatMap((hostMember) -> requesterName(user).map((name) -> this.views.view(booking, user,
								instrument.title(), rules, hostMember || user.isAdmin(), name)));
				});
		});
	}

	/**
	 * Weekly copies of a machine-time request, each checked and booked on its own: the
	 * answer lists those booked and, for each that could not be, why.
	 */
	Mono<RecurringResult> createRecurring(BookingRequests.Recurring recurring, CurrentUser user) {
		Create first = recurring.request();
		if (first.mode() != ServiceMode.MACHINE_TIME) {
			return Mono.error(new InvalidRequestException("request.mode", "must be MACHINE_TIME to repeat"));
		}
		requireShape(first);
		List<LocalDate> except = (recurring.exceptDates() != null) ? recurring.exceptDates() : List.of();
		List<Create> occurrences = new ArrayList<>();
		for (int week = 0; week < recurring.weeks(); week++) {
			Duration shift = Duration.ofDays(7L * week);
			Create occurrence = new Create(first.instrumentId(), first.mode(), first.start().plus(shift),
					first.end().plus(shift), null, first.organisationId(), first.note());
			if (!except.contains(occurrence.start().atZone(BookingTime.ZONE).toLocalDate())) {
				occurrences.add(occurrence);
			}
		}
		return Flux.fromIterable(occurrences)
			.concatMap((occurrence) -> create(occurrence, user).map(RecurringOutcome::booked)
				.onErrorResume(ErrorResponseException.class,
						(problem) -> Mono.just(RecurringOutcome.refused(occurrence, problem.getBody()))))
			.collectList()
			.map(RecurringResult::of);
	}

	/**
	 * Books in one statement, which also checks what depends on other rows (suspension,
	 * closures, training; the exclusion constraint, overlaps), together with other
	 * requests that arrive meanwhile. Where quotas make a user's requests depend on each
	 * other, they queue for each other in a transaction of their own that checks the
	 * quotas first. Answers whether the requester is a member of the host.
	 */
	private Mono<Boolean> insert(Booking booking, Interval held, BookingRules rules, Instrument instrument) {
		boolean machineTime = booking.slot() != null;
		NewBooking request = new NewBooking(booking, held, machineTime && rules.trainingRequired(),
				Ids.newId(this.clock), Notices.TOPIC,
				this.notices.payload(this.notifier.created(booking, instrument.title())));
		boolean quotas = machineTime && (rules.quotaMinutesPerDay() != null || rules.quotaMinutesPerWeek() != null
				|| rules.quotaMinutesPerMonth() != null);
		Mono<Outcome> write = quotas ? this.bookings.lockRequester(booking.requesterId())
			.then(checkQuotas(booking, rules))
			.then(this.bookings.insertAll(List.of(request)).map((outcomes) -> outcomes.get(0)))
			.as(this.transaction::transactional) : this.batcher.insert(request);
		return write.retryWhen(BookingProblems.DEADLOCK_RETRY).flatMap((outcome) -> {
			if (!outcome.allowed()) {
				return Mono.error(refused(outcome));
			}
			if (outcome.inserted()) {
				return Mono.just(outcome.hostMember());
			}
			// Left out by the exclusion constraint: its time is taken. Only time can be,
			// so
			// a request that holds none is never left out (held is null only
			// defensively).
			Flux<Interval> taken = (held != null) ? this.bookings.held(booking.instrumentId(), held) : Flux.empty();
			return taken.collectList()
				.flatMap((found) -> Mono.<Boolean>error(
						found.isEmpty() ? BookingProblems.takenMeanwhile() : BookingProblems.taken(found.get(0))));
		});
	}

	private static ErrorResponseException refused(Outcome refusal) {
		if (refusal.suspendedUntil() != null) {
			return BookingProblems.suspended(refusal.suspendedUntil());
		}
		if (refusal.closure() != null) {
			return BookingProblems.closed(refusal.closure());
		}
		return DomainException.forbidden("This instrument may only be used by trained users: ask its staff for "
				+ "training, or send samples instead.");
	}

	/**
	 * Every rule that needs no other rows: what the instrument offers and (for machine
	 * time) grid, length, notice, advance and opening hours.
	 */
	private Mono<Void> checked(Create request, Instrument instrument, BookingRules rules) {
		if (request.mode() == ServiceMode.MACHINE_TIME) {
			Interval interval = new Interval(request.start(), request.end());
			List<FieldError> errors = SlotRules.shape(rules, interval, this.clock.instant());
			if (errors.isEmpty() && !SlotRules.withinOpeningHours(rules, interval)) {
				errors.add(new FieldError("start",
						"the instrument is not open for the whole time (see its opening hours)"));
			}
			if (!errors.isEmpty()) {
				return Mono.error(new InvalidRequestException(errors));
			}
		}
		return offered(instrument, request);
	}

	/** The requester's name as their token has it, or as their account does. */
	private Mono<String> requesterName(CurrentUser user) {
		return (user.displayName() != null) ? Mono.just(user.displayName())
				: this.users.contact(user.id()).map(UserDirectory.UserContact::displayName).defaultIfEmpty("");
	}

	/** The instrument must offer the mode and be in service. */
	private static Mono<Void> offered(Instrument instrument, Create request) {
		if (!instrument.details().serviceModes().contains(request.mode())) {
			return Mono.error(new InvalidRequestException("mode", "this instrument does not offer " + request.mode()));
		}
		OperatingStatus status = instrument.details().operatingStatus();
		if (status != OperatingStatus.IN_SERVICE) {
			return Mono.error(DomainException
				.conflict("The instrument is " + ((status == OperatingStatus.RETIRED) ? "retired" : "under maintenance")
						+ " and cannot be booked."));
		}
		return Mono.empty();
	}

	/**
	 * Whether the internal rate applies: the caller books for the host organisation. A
	 * paying organisation must be one of the caller's.
	 */
	private Mono<Boolean> internalRate(Create request, Instrument instrument, CurrentUser user) {
		if (request.organisationId() == null) {
			return Mono.just(false);
		}
		return this.organisations.standing(user.id(), request.organisationId())
			.flatMap((standing) -> standing.isPresent()
					? Mono.just(request.organisationId().equals(instrument.hostOrganisationId()))
					: Mono.error(new InvalidRequestException("organisationId", "must be one of your organisations")));
	}

	private Mono<Void> checkQuotas(Booking booking, BookingRules rules) {
		if (booking.slot() == null) {
			return Mono.empty();
		}
		return Flux.fromArray(SlotRules.Quota.values())
			.filter((quota) -> SlotRules.limit(rules, quota) != null)
			.concatMap((quota) -> this.bookings
				.minutesBooked(booking.requesterId(), SlotRules.period(quota, booking.startsAt()))
				.flatMap((booked) -> {
					int limit = SlotRules.limit(rules, quota);
					return (booked + booking.slot().minutes() > limit)
							? Mono.<Void>error(BookingProblems.quotaExceeded(quota, booked, limit)) : Mono.empty();
				}))
			.then();
	}

	private Booking newBooking(Create request, Instrument instrument, BookingRules rules, CurrentUser user,
			boolean internal) {
		Instant now = this.clock.instant();
		boolean machineTime = request.mode() == ServiceMode.MACHINE_TIME;
		BookingStatus status = (machineTime && !rules.approvalRequired()) ? BookingStatus.APPROVED
				: BookingStatus.PENDING;
		Estimate estimate = estimate(instrument, request, internal);
		return new Booking(Ids.newId(this.clock), instrument.id(), instrument.hostOrganisationId(), user.id(),
				request.organisationId(), request.mode(), status, machineTime ? request.start() : null,
				machineTime ? request.end() : null, machineTime ? null : request.sample(), blankToNull(request.note()),
				estimate.rate(), estimate.unit(), estimate.rateFen(), estimate.quantity(), estimate.amountFen(), null,
				null, null, null, null, null, null, null, 0, null, null, checkInCode(), now, now, 1);
	}

	private static Estimate estimate(Instrument instrument, Create request, boolean internal) {
		boolean machineTime = request.mode() == ServiceMode.MACHINE_TIME;
		return Pricing.estimate(instrument.details(), internal, request.mode(),
				machineTime ? Duration.between(request.start(), request.end()).toMinutes() : 0,
				machineTime ? 0 : request.sample().count());
	}

	/** What each mode needs in the request, named field by field. */
	private static void requireShape(Create request) {
		List<FieldError> errors = new ArrayList<>();
		if (request.mode() == ServiceMode.MACHINE_TIME) {
			if (request.start() == null) {
				errors.add(new FieldError("start", "must be given for machine time"));
			}
			if (request.end() == null) {
				errors.add(new FieldError("end", "must be given for machine time"));
			}
			if (request.start() != null && request.end() != null && !request.start().isBefore(request.end())) {
				errors.add(new FieldError("end", "must be after start"));
			}
		}
		else if (request.sample() == null) {
			errors.add(new FieldError("sample", "must be given for sample submission"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
	}

	static String checkInCode() {
		return String.format("%06d", RANDOM.nextInt(1_000_000));
	}

	static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/**
	 * @param booked the occurrences booked
	 * @param refused those that could not be, with why
	 */
	record RecurringResult(List<BookingView> booked, List<Refusal> refused) {

		static RecurringResult of(List<RecurringOutcome> outcomes) {
			return new RecurringResult(
					outcomes.stream().filter((o) -> o.booking() != null).map(RecurringOutcome::booking).toList(),
					outcomes.stream().filter((o) -> o.refusal() != null).map(RecurringOutcome::refusal).toList());
		}

	}

	/**
	 * @param start the occurrence's start
	 * @param end its end
	 * @param detail why it could not be booked
	 * @param conflict the time that is taken, when that is why
	 * @param errors the rules it broke, field by field, when that is why
	 */
	record Refusal(Instant start, Instant end, String detail, Object conflict, Object errors) {
	}

	private record RecurringOutcome(BookingView booking, Refusal refusal) {

		static RecurringOutcome booked(BookingView booking) {
			return new RecurringOutcome(booking, null);
		}

		static RecurringOutcome refused(Create occurrence, ProblemDetail problem) {
			Map<String, Object> properties = (problem.getProperties() != null) ? problem.getProperties() : Map.of();
			return new RecurringOutcome(null, new Refusal(occurrence.start(), occurrence.end(), problem.getDetail(),
					properties.get("conflict"), properties.get(ProblemDetails.ERRORS)));
		}

	}

}
