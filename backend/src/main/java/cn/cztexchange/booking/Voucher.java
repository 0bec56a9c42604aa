package cn.cztexchange.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An innovation voucher (科技创新券): a budget granted to a firm that pays part of its
 * bookings.
 *
 * @param id the voucher
 * @param organisationId the firm
 * @param budgetFen the budget
 * @param spentFen how much bookings have used
 * @param remainingFen what is left
 * @param validUntil the last day it can be applied
 * @param note what it is for, or null
 * @param issuedAt when the admin issued it
 */
public record Voucher(UUID id, UUID organisationId, long budgetFen, long spentFen, long remainingFen,
		LocalDate validUntil, String note, Instant issuedAt) {
}
