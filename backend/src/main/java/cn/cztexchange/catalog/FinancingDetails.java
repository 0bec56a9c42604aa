package cn.cztexchange.catalog;

import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import cn.cztexchange.identity.City;

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
 * @param cities the cities whose firms it serves; absent or empty: all three (so that
 * content saved before this field existed keeps meaning what it did). {@code region}
 * stays the publisher's words; this is what matching and filters read
 * @param requiredQualifications the qualifications a firm must hold, all of them; absent
 * or empty: none
 */
public record FinancingDetails(@NotNull(message = "must be given") FinancingKind financingKind,
		@NotBlank(message = "must not be blank") @Size(max = 200,
				message = "must be at most 200 characters") String institution,
		@NotEmpty(message = "must name at least one stage") Set<@NotNull(message = "must be a stage") Stage> stages,
		@PositiveOrZero(message = "must not be negative") Long ticketMinFen,
		@PositiveOrZero(message = "must not be negative") Long ticketMaxFen,
		@Size(max = 200, message = "must be at most 200 characters") String region,
		@Size(max = 2000, message = "must be at most 2000 characters") String terms,
		@Size(max = 4000, message = "must be at most 4000 characters") String requirements,
		Set<@NotNull(message = "must be CHANGSHA, ZHUZHOU or XIANGTAN") City> cities,
		Set<@NotNull(message = "must be a qualification") Qualification> requiredQualifications) {

	/** The cities whose firms it serves: all three when none are named. */
	public Set<City> servedCities() {
		return (this.cities != null && !this.cities.isEmpty()) ? this.cities : EnumSet.allOf(City.class);
	}

	/** The qualifications a firm must hold; none when absent. */
	public Set<Qualification> qualificationsRequired() {
		return (this.requiredQualifications != null) ? this.requiredQualifications : Set.of();
	}

	/** Kinds of financing. */
	public enum FinancingKind {

		VC_PE_FUND, ANGEL, BANK_LOAN, GUARANTEE, GOVERNMENT_PROGRAMME, LISTING_SERVICE

	}

	/** A firm's stage. */
	public enum Stage {

		SEED, START_UP, GROWTH, MATURE, PRE_IPO

	}

}
