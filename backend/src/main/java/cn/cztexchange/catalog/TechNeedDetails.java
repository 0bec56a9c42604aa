package cn.cztexchange.catalog;

import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import cn.cztexchange.catalog.TechOfferingDetails.DealMode;

/**
 * A technology need (技术需求) that a firm posts and technology owners answer: the reverse
 * side of a {@link TechOfferingDetails technology offering}. What it is about is in the
 * entry's title and summary; this says how the firm wants it solved.
 *
 * @param needType how the firm wants the need met
 * @param budgetMinFen the least the firm expects to spend, in fen; absent when open
 * @param budgetMaxFen the most the firm would spend, in fen; absent when open or
 * negotiable
 * @param deadline by when the firm wants answers; absent when open. It must not be in the
 * past when the entry is written or submitted; once it has passed, the entry still stands
 * (the firm may still welcome answers) and readers see that it has passed
 * @param dealModes the deals the firm would make
 * @param minTrl the technology readiness level (1 to 9) the firm needs at least; absent
 * when any will do
 */
public record TechNeedDetails(@NotNull(message = "must be given") NeedType needType,
		@PositiveOrZero(message = "must not be negative") Long budgetMinFen,
		@PositiveOrZero(message = "must not be negative") Long budgetMaxFen, LocalDate deadline,
		@NotEmpty(message = "must name at least one deal mode") Set<@NotNull(
				message = "must be a deal mode") DealMode> dealModes,
		@Min(value = 1, message = "must be from 1 to 9") @Max(value = 9,
				message = "must be from 1 to 9") Integer minTrl) {

	/** How a firm wants a need met. */
	public enum NeedType {

		/** 合作研发. */
		JOINT_DEVELOPMENT,
		/** 技术引进/许可. */
		LICENCE_IN,
		/** 委托开发. */
		COMMISSIONED_DEVELOPMENT,
		/** 技术攻关. */
		PROBLEM_SOLVING,
		/** 技术咨询. */
		CONSULTING

	}

}
