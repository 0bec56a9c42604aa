package cn.cztexchange.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import cn.cztexchange.identity.CurrentUser;
import cn.cztexchange.identity.OrganisationDirectory;
import cn.cztexchange.platform.DomainException;
import cn.cztexchange.platform.Ids;
import cn.cztexchange.platform.InvalidRequestException;

/** Admins issue vouchers to firms; the firms' members see their wallet. */
@Service
class VoucherService {

	private final VoucherRepository vouchers;

	private final OrganisationDirectory organisations;

	private final Clock clock;

	VoucherService(VoucherRepository vouchers, OrganisationDirectory organisations, Clock clock) {
		this.vouchers = vouchers;
		this.organisations = organisations;
		this.clock = clock;
	}

	Mono<Voucher> issue(Issue request, CurrentUser user) {
		if (!user.isAdmin()) {
			return Mono.error(DomainException.forbidden("Only admins issue vouchers."));
		}
		LocalDate today = this.clock.instant().atZone(BookingTime.ZONE).toLocalDate();
		if (request.validUntil().isBefore(today)) {
			return Mono.error(new InvalidRequestException("validUntil", "must not be in the past"));
		}
		Voucher voucher = new Voucher(Ids.newId(this.clock), request.organisationId(), request.budgetFen(), 0,
				request.budgetFen(), request.validUntil(), BookingService.blankToNull(request.note()),
				this.clock.instant());
		return this.organisations.find(request.organisationId())
			.switchIfEmpty(Mono.error(() -> new InvalidRequestException("organisationId", "must be an organisation")))
			.then(this.vouchers.insert(voucher, user.id()))
			.thenReturn(voucher);
	}

	Mono<List<Voucher>> ofOrganisation(UUID organisationId, CurrentUser user) {
		Mono<Boolean> allowed = user.isAdmin() ? Mono.just(true)
				: this.organisations.standing(user.id(), organisationId).map((standing) -> standing.isPresent());
		return allowed.flatMap((yes) -> yes ? this.vouchers.ofOrganisation(organisationId).collectList()
				: Mono.error(DomainException.notFound("The organisation's vouchers")));
	}

	/**
	 * An admin's grant.
	 *
	 * @param organisationId the firm
	 * @param budgetFen the budget, in fen
	 * @param validUntil the last day it can be applied
	 * @param note what it is for
	 */
	record Issue(@NotNull(message = "must be given") UUID organisationId,
			@NotNull(message = "must be given") @Positive(message = "must be positive") @Max(value = 100_000_000_000L,
					message = "must be at most 1,000,000,000 yuan") Long budgetFen,
			@NotNull(message = "must be a date such as 2027-12-31") LocalDate validUntil,
			@Size(max = 500, message = "must be at most 500 characters") String note) {
	}

}
