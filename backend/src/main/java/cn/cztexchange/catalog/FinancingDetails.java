package cn.cztexchange.catalog;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A financing entry (投融资): a fund, loan product, guarantee, programme or listing service.
 *
 * @param financingKind what kind of financing
 * @param institution who provides it
 * @param stages the firm stages it serves
 * @param ticketMinFen the smallest ticket or loan, in fen
 * @param ticketMaxFen the largest ticket or loan, in fen
 * @param region where it invests or lends
 * @param terms rates or terms, where relevant
 * @param requirements what a firm must bring
 */
public record FinancingDetails(@NotNull(message = "must be given") FinancingKind financingKind,
		@NotBlank(message = "must not be blank") @Size(max = 200,
				message = "must be at most 200 characters") String institution,
		@NotEmpty(message = "must name at least one stage") Set<@NotNull(message = "must be a stage") Stage> stages,
		@PositiveOrZero(message = "must not be negative") Long ticketMinFen,
		@PositiveOrZero(message = "must not be negative") Long ticketMaxFen,
		@Size(max = 200, message = "must be at most 200 characters") String region,
		@Size(max = 2000, message = "must be at most 2000 characters") String terms,
		@Size(max = 4000, message = "must be at most 4000 characters") String requirements) {

	/** Kinds of financing. */
	public enum FinancingKind {

		VC_PE_FUND, ANGEL, BANK_LOAN, GUARANTEE, GOVERNMENT_PROGRAMME, LISTING_SERVICE

	}

	/** A firm's stage. */
	public enum Stage {

		SEED, START_UP, GROWTH, MATURE, PRE_IPO

	}

}
