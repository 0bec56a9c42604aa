package cn.cztexchange.booking;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.cztexchange.identity.CurrentUser;
import cn.cztexchange.identity.OrganisationDirectory;
import cn.cztexchange.identity.UserDirectory;
import cn.cztexchange.platform.DomainException;
import cn.cztexchange.platform.Page;

/** Reads bookings for the API: who may see which, and what each caller may do next. */
@Component
class BookingViews {

	private final BookingRepository bookings;

	private final Instruments instruments;

	private final InstrumentSettingsService settings;

	private final UserDirectory users;

	private final OrganisationDirectory organisations;

	private final Clock clock;

	BookingViews(BookingRepository bookings, Instruments instruments, InstrumentSettingsService settings,
			UserDirectory users, OrganisationDirectory organisations, Clock clock) {
		this.bookings = bookings;
		this.instruments = instruments;
		this.settings = settings;
		this.users = users;
		this.organisations = organisations;
		this.clock = clock;
	}

	/**
	 * The booking if the user made it or is staff of its host; a 404 problem otherwise
	 * (others must not learn that it exists).
	 */
	Mono<Booking> visible(UUID id, CurrentUser user) {
		return this.bookings.findById(id)
			.filterWhen((booking) -> booking.requesterId().equals(user.id()) ? Mono.just(true)
					: this.instruments.isStaff(user, booking.hostOrganisationId()))
			.switchIfEmpty(Mono.error(() -> DomainException.notFound("The booking")));
	}

	Mono<BookingView> get(UUID id, CurrentUser user) {
		return visible(id, user).flatMap((booking) -> view(booking, user));
	}

	Mono<BookingView> view(Booking booking, CurrentUser user) {
		return this.instruments.find(booking.instrumentId())
			.flatMap((instrument) -> this.settings.rules(instrument)
				.flatMap((rules) -> view(booking, user, instrument.title(), rules)))
			// An instrument withdrawn from the catalogue keeps its bookings readable.
			.onErrorResume(DomainException.class, (gone) -> view(booking, user, "", BookingRules.defaults(null)));
	}

	/**
	 * The view, when the caller already knows the instrument's title and rules, whether
	 * the user is the host's staff, and the requester's name.
	 */
	BookingView view(Booking booking, CurrentUser user, String instrumentTitle, BookingRules rules, boolean staff,
			String requesterName) {
		boolean requester = booking.requesterId().equals(user.id());
		Set<BookingAction> actions = BookingAction.allowed(booking, requester, staff,
				Duration.ofHours(rules.cancellationDeadlineHours()), this.clock.instant());
		return BookingView.of(booking, instrumentTitle, new BookingView.Person(booking.requesterId(), requesterName),
				staff, actions);
	}

	/** The view, when the caller already has the instrument's title and rules. */
	Mono<BookingView> view(Booking booking, CurrentUser user, String instrumentTitle, BookingRules rules) {
		return Mono
			.zip(this.instruments.isStaff(user, booking.hostOrganisationId()),
					this.users.contact(booking.requesterId()))
			.map((found) -> view(booking, user, instrumentTitle, rules, found.getT1(), found.getT2().displayName()));
	}

	/**
	 * The caller's own bookings, or (staff) those of the instruments their organisations
	 * host; admins are staff of every instrument, so their queue holds every booking.
	 */
	Mono<Page<BookingView>> list(CurrentUser user, boolean staffScope, BookingStatus status, UUID instrumentId,
			int page, int size) {
		if (!staffScope) {
			return page(user, user.id(), null, status, instrumentId, page, size);
		}
		if (user.isAdmin()) {
			return page(user, null, null, status, instrumentId, page, size);
		}
		return this.organisations.organisationsOf(user.id())
			.flatMap((orgs) -> page(user, null, List.copyOf(orgs), status, instrumentId, page, size));
	}

	private Mono<Page<BookingView>> page(CurrentUser user, UUID requester, List<UUID> hosts, BookingStatus status,
			UUID instrumentId, int page, int size) {
		return Mono
			.zip(this.bookings.find(requester, hosts, status, instrumentId, page, size)
				.collectList()
				.flatMap((bookings) -> views(bookings, user)),
					this.bookings.count(requester, hosts, status, instrumentId))
			.map((found) -> new Page<>(found.getT1(), page, size, found.getT2()));
	}

	/**
	 * Views of several bookings, reading each instrument and its rules once however many
	 * of the bookings are for it.
	 */
	private Mono<List<BookingView>> views(List<Booking> bookings, CurrentUser user) {
		return this.instruments.findAll(bookings.stream().map(Booking::instrumentId).toList())
			.flatMap((found) -> Flux.fromIterable(found.values())
				.concatMap((instrument) -> this.settings.rules(instrument).map((rules) -> Map.entry(instrument, rules)))
				.collectMap((entry) -> entry.getKey().id(), Map.Entry::getValue)
				.flatMap((rules) -> Flux.fromIterable(bookings).concatMap((booking) -> {
					Instruments.Instrument instrument = found.get(booking.instrumentId());
					// An instrument withdrawn from the catalogue keeps its bookings
					// readable.
					return (instrument != null) ? view(booking, user, instrument.title(), rules.get(instrument.id()))
							: view(booking, user, "", BookingRules.defaults(null));
				}).collectList()));
	}

}
