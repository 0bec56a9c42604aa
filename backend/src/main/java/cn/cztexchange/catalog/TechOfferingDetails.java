package cn.cztexchange.catalog;

import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A technology-transfer offering (技术转移/成果转化); inventors are reached through the owner.
 *
 * @param ipType what kind of intellectual property
 * @param ipNumbers patent or registration numbers
 * @param trl technology readiness level, 1 to 9
 * @param dealModes the deals the owner would make
 * @param askingPriceFen the asking price in fen; absent when negotiable
 */
public record TechOfferingDetails(@NotNull(message = "must be given") IpType ipType,
		@Size(max = 20,
				message = "must list at most 20 numbers") List<@NotBlank(message = "must not be blank") @Size(max = 40,
						message = "must be at most 40 characters") String> ipNumbers,
		@NotNull(message = "must be given") @Min(value = 1, message = "must be from 1 to 9") @Max(value = 9,
				message = "must be from 1 to 9") Integer trl,
		@NotEmpty(message = "must name at least one deal mode") Set<@NotNull(
				message = "must be a deal mode") DealMode> dealModes,
		@PositiveOrZero(message = "must not be negative") Long askingPriceFen) {

	/** Kinds of intellectual property. */
	public enum IpType {

		INVENTION_PATENT, UTILITY_MODEL, DESIGN_PATENT, SOFTWARE_COPYRIGHT, KNOW_HOW, OTHER

	}

	/** The deals an owner may offer. */
	public enum DealMode {

		TRANSFER, LICENCE, EQUITY_CONTRIBUTION, JOINT_DEVELOPMENT, SERVICE

	}

}
