package cn.cztexchange.booking;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import cn.cztexchange.booking.Instruments.Instrument;
import cn.cztexchange.identity.City;
import cn.cztexchange.identity.CurrentUser;
import cn.cztexchange.identity.OrganisationDirectory;
import cn.cztexchange.platform.DomainException;
import cn.cztexchange.platform.Sql;

/**
 * Utilisation, cross-city use and revenue, computed from the bookings in PostgreSQL at
 * the time of asking (hours in a range, clipped to it).
 */
@Service
class BookingReports {

	private static final String CLIPPED_HOURS = "greatest(0, extract(epoch from (least(%2$s, :to) - greatest(%1$s, "
			+ ":from))) / 3600.0)";

	private final DatabaseClient database;

	private final Instruments instruments;

	private final InstrumentSettingsService settings;

	private final InstrumentSettingsRepository settingsRepository;

	private final OrganisationDirectory organisations;

	BookingReports(DatabaseClient database, Instruments instruments, InstrumentSettingsService settings,
			InstrumentSettingsRepository settingsRepository, OrganisationDirectory organisations) {
		this.database = database;
		this.instruments = instruments;
		this.settings = settings;
		this.settingsRepository = settingsRepository;
		this.organisations = organisations;
	}

	/**
	 * Per instrument the organisation hosts: open, booked, used and idle hours, no-shows.
	 */
	Mono<Utilisation> utilisation(UUID organisationId, Interval range, CurrentUser user) {
		return memberOrAdmin(organisationId, user).then(this.database
			.sql("select instrument_id, " + "coalesce(sum(case when status in " + BookingStatus.HOLDING_SQL
					+ " and mode = 'MACHINE_TIME' then " + String.format(CLIPPED_HOURS, "starts_at", "ends_at")
					+ " end), 0) as booked, "
					+ "coalesce(sum(case when actual_start is not null and actual_end is not null then "
					+ String.format(CLIPPED_HOURS, "actual_start", "actual_end") + " end), 0) as used, "
					+ "count(*) filter (where status <> 'CANCELLED') as bookings, "
					+ "count(*) filter (where status = 'NO_SHOW') as no_shows, "
					+ "count(*) filter (where status = 'COMPLETED') as completed from bookings "
					+ "where host_organisation_id = :org and coalesce(starts_at, created_at) < :to "
					+ "and coalesce(ends_at, created_at) >= :from group by instrument_id")
			.bind("org", organisationId)
			.bind("from", range.start())
			.bind("to", range.end())
			.map((row) -> new Object[] { row.get("instrument_id", UUID.class), number(row.get("booked")),
					number(row.get("used")), row.get("bookings", Long.class), row.get("no_shows", Long.class),
					row.get("completed", Long.class) })
			.all()
			.as(Sql::whole)
			.concatMap((row) -> this.instruments.find((UUID) row[0])
				.flatMap((instrument) -> openHours(instrument, range).map((open) -> {
					double used = (double) row[2];
					long noShows = (long) row[4];
					long attended = (long) row[5] + noShows;
					return new InstrumentUse(instrument.id(), instrument.title(), round(open), round((double) row[1]),
							round(used), round(Math.max(0, open - used)), (long) row[3], noShows,
							(attended == 0) ? 0 : round((double) noShows / attended));
				}))
				.onErrorResume(DomainException.class, (gone) -> Mono.empty()))
			.collectList()
			.map((rows) -> new Utilisation(organisationId, range.start(), range.end(), rows)));
	}

	/**
	 * Who books whose instruments, city to city: the paying organisation's city first.
	 */
	Mono<CrossCity> crossCity(Interval range, CurrentUser user) {
		if (!user.isAdmin()) {
			return Mono.error(DomainException.forbidden("Only admins see the region's cross-city report."));
		}
		return this.database
			.sql("select organisation_id, instrument_id, count(*) as bookings, coalesce(sum(case when mode = "
					+ "'MACHINE_TIME' then " + String.format(CLIPPED_HOURS, "starts_at", "ends_at")
					+ " end), 0) as hours from bookings where status in ('APPROVED', 'IN_PROGRESS', 'COMPLETED') "
					+ "and coalesce(starts_at, created_at) < :to and coalesce(ends_at, created_at) >= :from "
					+ "group by organisation_id, instrument_id")
			.bind("from", range.start())
			.bind("to", range.end())
			.map((row) -> new Object[] { row.get("organisation_id", UUID.class), row.get("instrument_id", UUID.class),
					row.get("bookings", Long.class), number(row.get("hours")) })
			.all()
			.as(Sql::whole)
			.collectList()
			.flatMap((rows) -> {
				Set<UUID> payers = rows.stream()
					.map((row) -> (UUID) row[0])
					.filter(java.util.Objects::nonNull)
					.collect(Collectors.toSet());
				Set<UUID> instrumentIds = rows.stream().map((row) -> (UUID) row[1]).collect(Collectors.toSet());
				return Mono.zip(this.organisations.cities(payers), instrumentCities(instrumentIds)).map((cities) -> {
					Map<String, Flow> flows = new LinkedHashMap<>();
					for (Object[] row : rows) {
						String from = firstCity(cities.getT1().get((UUID) row[0]));
						String to = cities.getT2().getOrDefault((UUID) row[1], "UNKNOWN");
						flows.merge(from + ">" + to, new Flow(from, to, (long) row[2], (double) row[3]),
								(a, b) -> new Flow(a.fromCity(), a.toCity(), a.bookings() + b.bookings(),
										a.hours() + b.hours()));
					}
					return new CrossCity(range.start(), range.end(),
							flows.values()
								.stream()
								.map((f) -> new Flow(f.fromCity(), f.toCity(), f.bookings(), round(f.hours())))
								.toList());
				});
			});
	}

	/**
	 * Charges, voucher subsidies and the rest, per month, of the organisation's
	 * instruments.
	 */
	Mono<Revenue> revenue(UUID organisationId, int year, CurrentUser user) {
		Instant from = YearMonth.of(year, 1).atDay(1).atStartOfDay(BookingTime.ZONE).toInstant();
		Instant to = YearMonth.of(year + 1, 1).atDay(1).atStartOfDay(BookingTime.ZONE).toInstant();
		return memberOrAdmin(organisationId, user).then(this.database
			.sql("select to_char(coalesce(actual_end, ends_at, updated_at) at time zone 'Asia/Shanghai', 'YYYY-MM') "
					+ "as month, count(*) as bookings, sum(charge_fen) as charge, sum(subsidy_fen) as subsidy "
					+ "from bookings where host_organisation_id = :org and status = 'COMPLETED' "
					+ "and coalesce(actual_end, ends_at, updated_at) >= :from "
					+ "and coalesce(actual_end, ends_at, updated_at) < :to group by 1 order by 1")
			.bind("org", organisationId)
			.bind("from", from)
			.bind("to", to)
			.map((row) -> {
				long charge = number(row.get("charge")).longValue();
				long subsidy = number(row.get("subsidy")).longValue();
				return new Month(row.get("month", String.class), row.get("bookings", Long.class), charge, subsidy,
						Math.max(0, charge - subsidy));
			})
			.all()
			.as(Sql::whole)
			.collectList()
			.map((months) -> new Revenue(organisationId, year, months)));
	}

	private Mono<Double> openHours(Instrument instrument, Interval range) {
		return this.settings.rules(instrument)
			.zipWith(this.settingsRepository.closures(instrument.id(), range).map(Closure::interval).collectList())
			.map((found) -> OpeningHours.open(found.getT1().weeklyHours(), found.getT2(), range)
				.stream()
				.mapToLong(Interval::minutes)
				.sum() / 60.0);
	}

	private Mono<Map<UUID, String>> instrumentCities(Collection<UUID> ids) {
		return this.instruments.findAll(ids)
			.map((found) -> found.values()
				.stream()
				.collect(Collectors.toMap(Instrument::id, (instrument) -> instrument.content().city().name())));
	}

	private Mono<Void> memberOrAdmin(UUID organisationId, CurrentUser user) {
		if (user.isAdmin()) {
			return Mono.empty();
		}
		return this.organisations.standing(user.id(), organisationId)
			.flatMap((standing) -> standing.isPresent() ? Mono.empty()
					: Mono.error(DomainException.notFound("The organisation's reports")));
	}

	private static String firstCity(List<City> cities) {
		return (cities == null || cities.isEmpty()) ? "UNKNOWN" : cities.get(0).name();
	}

	private static Double number(Object value) {
		return (value != null) ? ((Number) value).doubleValue() : 0.0;
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	record InstrumentUse(UUID instrumentId, String title, double openHours, double bookedHours, double usedHours,
			double idleHours, long bookings, long noShows, double noShowRate) {
	}

	record Utilisation(UUID organisationId, Instant from, Instant to, List<InstrumentUse> instruments) {

		String csv() {
			return CsvExport.table(
					List.of("instrument", "title", "open_hours", "booked_hours", "used_hours", "idle_hours", "bookings",
							"no_shows", "no_show_rate"),
					this.instruments.stream()
						.map((i) -> List.<Object>of(i.instrumentId(), i.title(), i.openHours(), i.bookedHours(),
								i.usedHours(), i.idleHours(), i.bookings(), i.noShows(), i.noShowRate()))
						.toList());
		}

	}

	record Flow(String fromCity, String toCity, long bookings, double hours) {
	}

	record CrossCity(Instant from, Instant to, List<Flow> flows) {

		String csv() {
			return CsvExport.table(List.of("from_city", "to_city", "bookings", "hours"),
					this.flows.stream()
						.map((f) -> List.<Object>of(f.fromCity(), f.toCity(), f.bookings(), f.hours()))
						.toList());
		}

	}

	record Month(String month, long bookings, long chargeFen, long subsidyFen, long payableFen) {
	}

	record Revenue(UUID organisationId, int year, List<Month> months) {

		String csv() {
			return CsvExport
				.table(List.of("month", "bookings", "charge_fen", "subsidy_fen", "payable_fen"), this.months.stream()
					.map((m) -> List.<Object>of(m.month(), m.bookings(), m.chargeFen(), m.subsidyFen(), m.payableFen()))
					.toList());
		}

	}

}
