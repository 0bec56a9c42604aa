package cn.cztexchange.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.cztexchange.platform.Sql;

@Repository
class VoucherRepository {

	private final DatabaseClient database;

	VoucherRepository(DatabaseClient database) {
		this.database = database;
	}

	Mono<Void> insert(Voucher voucher, UUID issuedBy) {
		return Sql.bind(this.database.sql("insert into vouchers (id, organisation_id, budget_fen, spent_fen, "
				+ "valid_until, note, issued_by, issued_at) values (:id, :org, :budget, 0, :until, :note, :by, :at)")
			.bind("id", voucher.id())
			.bind("org", voucher.organisationId())
			.bind("budget", voucher.budgetFen())
			.bind("until", voucher.validUntil())
			.bind("by", issuedBy)
			.bind("at", voucher.issuedAt()), "note", voucher.note(), String.class).then();
	}

	Flux<Voucher> ofOrganisation(UUID organisationId) {
		return this.database.sql("select * from vouchers where organisation_id = :org order by issued_at desc")
			.bind("org", organisationId)
			.map(VoucherRepository::map)
			.all()
			.as(Sql::whole);
	}

	Mono<Voucher> findById(UUID id) {
		return this.database.sql("select * from vouchers where id = :id")
			.bind("id", id)
			.map(VoucherRepository::map)
			.one();
	}

	/**
	 * Takes up to {@code wantFen} from the voucher's remaining budget and answers how
	 * much it took (empty when nothing is left or it has expired). The row is locked
	 * before the remainder is read, so concurrent spenders queue and none can overspend;
	 * the table's check constraint would refuse it anyway.
	 */
	Mono<Long> spend(UUID voucherId, long wantFen, LocalDate today) {
		return this.database.sql("update vouchers v set spent_fen = v.spent_fen + d.amount from (select id, "
				+ "least(:want, budget_fen - spent_fen) as amount from vouchers where id = :id and valid_until >= :today "
				+ "for update) d where v.id = d.id and d.amount > 0 returning d.amount")
			.bind("want", wantFen)
			.bind("id", voucherId)
			.bind("today", today)
			.map((row) -> row.get(0, Long.class))
			.one();
	}

	/** Gives back what a booking no longer needs. */
	Mono<Void> refund(UUID voucherId, long amountFen) {
		return this.database.sql("update vouchers set spent_fen = spent_fen - :amount where id = :id")
			.bind("amount", amountFen)
			.bind("id", voucherId)
			.then();
	}

	private static Voucher map(Readable row) {
		long budget = row.get("budget_fen", Long.class);
		long spent = row.get("spent_fen", Long.class);
		return new Voucher(row.get("id", UUID.class), row.get("organisation_id", UUID.class), budget, spent,
				budget - spent, row.get("valid_until", LocalDate.class), row.get("note", String.class),
				row.get("issued_at", Instant.class));
	}

}
