package cn.cztexchange.booking;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import cn.cztexchange.catalog.EntryContent.PriceUnit;
import cn.cztexchange.identity.CurrentUser;
import cn.cztexchange.identity.OrganisationDirectory;
import cn.cztexchange.platform.DomainException;

/**
 * Invoice-like statements (no payment is taken here): per booking, and per paying
 * organisation per month (Asia/Shanghai), with the voucher's share and the rest.
 */
@Service
class Statements {

	private final DatabaseClient database;

	private final BookingViews views;

	private final Instruments instruments;

	private final OrganisationDirectory organisations;

	Statements(DatabaseClient database, BookingViews views, Instruments instruments,
			OrganisationDirectory organisations) {
		this.database = database;
		this.views = views;
		this.instruments = instruments;
		this.organisations = organisations;
	}

	Mono<BookingStatement> ofBooking(UUID id, CurrentUser user) {
		return this.views.visible(id, user).flatMap((booking) -> this.views.view(booking, user).map((view) -> {
			boolean charged = booking.chargeFen() != null;
			BigDecimal quantity = charged ? null : booking.quantity();
			Line line = new Line(booking.id(), (booking.actualEnd() != null) ? booking.actualEnd() : booking.endsAt(),
					view.instrumentTitle(), booking.mode().name(), quantity, booking.unit(), booking.rateFen(),
					booking.chargeableFen(), booking.subsidyFen(), booking.payableFen());
			return new BookingStatement(view, List.of(line), charged, booking.chargeableFen(), booking.subsidyFen(),
					booking.payableFen());
		}));
	}

	/** Completed bookings the organisation pays for, that ended in the month. */
	Mono<MonthlyStatement> ofOrganisation(UUID organisationId, YearMonth month, CurrentUser user) {
		Instant from = month.atDay(1).atStartOfDay(BookingTime.ZONE).toInstant();
		Instant to = month.plusMonths(1).atDay(1).atStartOfDay(BookingTime.ZONE).toInstant();
		return member(organisationId, user).then(this.database
			.sql("select id, instrument_id, mode, unit, rate_fen, quantity, charge_fen, subsidy_fen, "
					+ "coalesce(actual_end, ends_at, updated_at) as ended from bookings where organisation_id = :org "
					+ "and status = 'COMPLETED' and coalesce(actual_end, ends_at, updated_at) >= :from "
					+ "and coalesce(actual_end, ends_at, updated_at) < :to order by ended, id")
			.bind("org", organisationId)
			.bind("from", from)
			.bind("to", to)
			.map(Statements::row)
			.all()
			.collectList()
			.flatMap((rows) -> this.instruments.findAll(rows.stream().map(StatementRow::instrumentId).toList())
				.map((found) -> rows.stream()
					.map((row) -> new Line(row.id(), row.ended(), titleOf(found.get(row.instrumentId())), row.mode(),
							null, row.unit(), row.rateFen(), row.chargeFen(), row.subsidyFen(),
							Math.max(0, row.chargeFen() - row.subsidyFen())))
					.toList()))
			.map((lines) -> new MonthlyStatement(organisationId, month.toString(), lines,
					lines.stream().mapToLong(Line::amountFen).sum(), lines.stream().mapToLong(Line::subsidyFen).sum(),
					lines.stream().mapToLong(Line::payableFen).sum())));
	}

	/** The statement as CSV, amounts in yuan, with a line of totals. */
	static String csv(MonthlyStatement statement) {
		List<List<Object>> rows = new ArrayList<>();
		for (Line line : statement.lines()) {
			rows.add(List.of(line.bookingId(), line.date(), line.description(), line.mode(), line.unit(),
					yuan(line.rateFen()), yuan(line.amountFen()), yuan(line.subsidyFen()), yuan(line.payableFen())));
		}
		rows.add(List.of("", "", "total", "", "", "", yuan(statement.totalFen()), yuan(statement.subsidyFen()),
				yuan(statement.payableFen())));
		return CsvExport.table(List.of("booking", "ended", "instrument", "mode", "unit", "rate_yuan", "amount_yuan",
				"subsidy_yuan", "payable_yuan"), rows);
	}

	private Mono<Void> member(UUID organisationId, CurrentUser user) {
		if (user.isAdmin()) {
			return Mono.empty();
		}
		return this.organisations.standing(user.id(), organisationId)
			.flatMap((standing) -> standing.isPresent() ? Mono.empty()
					: Mono.error(DomainException.notFound("The organisation's statement")));
	}

	private static String titleOf(Instruments.Instrument instrument) {
		return (instrument != null) ? instrument.title() : "";
	}

	private static BigDecimal yuan(long fen) {
		return BigDecimal.valueOf(fen, 2);
	}

	private static StatementRow row(Readable row) {
		return new StatementRow(row.get("id", UUID.class), row.get("instrument_id", UUID.class),
				row.get("mode", String.class), PriceUnit.valueOf(row.get("unit", String.class)),
				row.get("rate_fen", Long.class), row.get("charge_fen", Long.class), row.get("subsidy_fen", Long.class),
				row.get("ended", Instant.class));
	}

	private record StatementRow(UUID id, UUID instrumentId, String mode, PriceUnit unit, long rateFen, long chargeFen,
			long subsidyFen, Instant ended) {
	}

	/**
	 * One line of a statement.
	 *
	 * @param bookingId the booking
	 * @param date when it ended
	 * @param description the instrument
	 * @param mode machine time or samples
	 * @param quantity the estimated quantity while not yet charged, else null
	 * @param unit what the rate is charged per
	 * @param rateFen the rate
	 * @param amountFen the charge (or estimate)
	 * @param subsidyFen what a voucher pays
	 * @param payableFen the rest
	 */
	record Line(UUID bookingId, Instant date, String description, String mode, BigDecimal quantity, PriceUnit unit,
			long rateFen, long amountFen, long subsidyFen, long payableFen) {
	}

	/**
	 * @param booking the booking
	 * @param lines what it costs
	 * @param charged whether the amount is final (from recorded usage) or an estimate
	 * @param totalFen the amount
	 * @param subsidyFen the voucher's share
	 * @param payableFen the rest
	 */
	record BookingStatement(BookingView booking, List<Line> lines, boolean charged, long totalFen, long subsidyFen,
			long payableFen) {
	}

	record MonthlyStatement(UUID organisationId, String month, List<Line> lines, long totalFen, long subsidyFen,
			long payableFen) {
	}

}
