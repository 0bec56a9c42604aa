package cn.cztexchange.booking;

import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import cn.cztexchange.identity.CurrentUser;
import cn.cztexchange.platform.InvalidRequestException;
import cn.cztexchange.platform.Page;

@RestController
@Tag(name = "Bookings", description = "Requests, approval, usage, statements, vouchers and calendars")
class BookingController {

	static final String CALENDAR = "text/calendar;charset=UTF-8";

	private final BookingService service;

	private final BookingSteps steps;

	private final BookingViews views;

	private final Statements statements;

	private final VoucherService vouchers;

	private final BookingCalendar calendar;

	private final Waitlist waitlist;

	BookingController(BookingService service, BookingSteps steps, BookingViews views, Statements statements,
			VoucherService vouchers, BookingCalendar calendar, Waitlist waitlist) {
		this.service = service;
		this.steps = steps;
		this.views = views;
		this.statements = statements;
		this.vouchers = vouchers;
		this.calendar = calendar;
		this.waitlist = waitlist;
	}

	@PostMapping("/api/v1/bookings/estimate")
	@Operation(summary = "What a request would cost, from the instrument's rates, before booking")
	Mono<Pricing.Estimate> estimate(@Valid @RequestBody BookingRequests.Create request,
			@AuthenticationPrincipal Jwt jwt) {
		return Mono.defer(() -> this.service.estimate(request, CurrentUser.of(jwt)));
	}

	@PostMapping("/api/v1/bookings")
	@Operation(summary = "Book machine time (start and end) or submit samples",
			description = "201 with the booking: PENDING, or APPROVED at once where the instrument needs no approval. "
					+ "409 names the taken time (property conflict) when someone holds it, or a closure or quota.")
	Mono<ResponseEntity<BookingView>> create(@Valid @RequestBody BookingRequests.Create request,
			@AuthenticationPrincipal Jwt jwt) {
		return Mono.defer(() -> this.service.create(request, CurrentUser.of(jwt)))
			.map((booking) -> ResponseEntity.created(URI.create("/api/v1/bookings/" + booking.id())).body(booking));
	}

	@PostMapping("/api/v1/bookings/recurring")
	@Operation(summary = "Book the same machine time every week, checked occurrence by occurrence",
			description = "Answers the occurrences booked and, for each that could not be, why (and the taken time).")
	Mono<BookingService.RecurringResult> recurring(@Valid @RequestBody BookingRequests.Recurring request,
			@AuthenticationPrincipal Jwt jwt) {
		return Mono.defer(() -> this.service.createRecurring(request, CurrentUser.of(jwt)));
	}

	@GetMapping("/api/v1/bookings")
	@Operation(summary = "Your bookings (scope=mine) or the bookings of instruments your organisations host "
			+ "(scope=staff, the queue)")
	Mono<Page<BookingView>> list(@RequestParam(defaultValue = "mine") String scope,
			@RequestParam(required = false) BookingStatus status, @RequestParam(required = false) UUID instrumentId,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, @AuthenticationPrincipal Jwt jwt) {
		if (!scope.equals("mine") && !scope.equals("staff")) {
			return Mono.error(new InvalidRequestException("scope", "must be mine or staff"));
		}
		return this.views.list(CurrentUser.of(jwt), scope.equals("staff"), status, instrumentId, page, size);
	}

	@GetMapping("/api/v1/bookings/{id}")
	@Operation(summary = "One booking, for its requester and the host's staff (404 for anyone else)")
	Mono<BookingView> get(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		return this.views.get(id, CurrentUser.of(jwt));
	}

	@PostMapping("/api/v1/bookings/{id}/approve")
	@Operation(summary = "Approve a pending request (staff)")
	Mono<BookingView> approve(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		return this.steps.approve(id, CurrentUser.of(jwt));
	}

	@PostMapping("/api/v1/bookings/{id}/adjust")
	@Operation(summary = "Propose another time (machine time) or number of samples (staff); the user answers")
	Mono<BookingView> adjust(@PathVariable UUID id, @Valid @RequestBody BookingRequests.Adjust request,
			@AuthenticationPrincipal Jwt jwt) {
		return this.steps.adjust(id, request, CurrentUser.of(jwt));
	}

	@PostMapping("/api/v1/bookings/{id}/accept")
	@Operation(summary = "Accept the staff's proposal (requester)")
	Mono<BookingView> accept(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		return this.steps.accept(id, CurrentUser.of(jwt));
	}

	@PostMapping("/api/v1/bookings/{id}/decline")
	@Operation(summary = "Decline the staff's proposal (requester)")
	Mono<BookingView> decline(@PathVariable UUID id, @Valid @RequestBody BookingRequests.Reason request,
			@AuthenticationPrincipal Jwt jwt) {
		return this.steps.decline(id, request.reason(), CurrentUser.of(jwt));
	}

	@PostMapping("/api/v1/bookings/{id}/reject")
	@Operation(summary = "Reject a request with the reason (staff)")
	Mono<BookingView> reject(@PathVariable UUID id, @Valid @RequestBody BookingRequests.Reason request,
			@AuthenticationPrincipal Jwt jwt) {
		return this.steps.reject(id, request.reason(), CurrentUser.of(jwt));
	}

	@PostMapping("/api/v1/bookings/{id}/cancel")
	@Operation(summary = "Cancel (requester until the instrument's deadline; staff any time before it starts)")
	Mono<BookingView> cancel(@PathVariable UUID id, @Valid @RequestBody BookingRequests.Reason request,
			@AuthenticationPrincipal Jwt jwt) {
		return this.steps.cancel(id, request.reason(), CurrentUser.of(jwt));
	}

	@PostMapping("/api/v1/bookings/{id}/start")
	@Operation(summary = "Start: staff, or the requester checking in with the code shown at the instrument")
	Mono<BookingView> start(@PathVariable UUID id, @Valid @RequestBody BookingRequests.Code request,
			@AuthenticationPrincipal Jwt jwt) {
		return this.steps.start(id, request.code(), CurrentUser.of(jwt));
	}

	@PostMapping("/api/v1/bookings/{id}/complete")
	@Operation(summary = "Record the usage and charge it: staff (actual times, samples run) or the requester "
			+ "checking out with the code")
	Mono<BookingView> complete(@PathVariable UUID id, @Valid @RequestBody BookingRequests.Complete request,
			@AuthenticationPrincipal Jwt jwt) {
		return this.steps.complete(id, request, CurrentUser.of(jwt));
	}

	@PostMapping("/api/v1/bookings/{id}/no-show")
	@Operation(summary = "Release an approved booking nobody came for (staff)")
	Mono<BookingView> noShow(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		return this.steps.noShow(id, CurrentUser.of(jwt));
	}

	@PostMapping("/api/v1/bookings/{id}/rating")
	@Operation(summary = "Rate a completed booking, once (requester)")
	Mono<BookingView> rate(@PathVariable UUID id, @Valid @RequestBody BookingRequests.Rating request,
			@AuthenticationPrincipal Jwt jwt) {
		return this.steps.rate(id, request, CurrentUser.of(jwt));
	}

	@PostMapping("/api/v1/bookings/{id}/voucher")
	@Operation(summary = "Pay part of the booking with an innovation voucher of the paying organisation (requester)")
	Mono<BookingView> applyVoucher(@PathVariable UUID id, @Valid @RequestBody BookingRequests.ApplyVoucher request,
			@AuthenticationPrincipal Jwt jwt) {
		return this.steps.applyVoucher(id, request.voucherId(), CurrentUser.of(jwt));
	}

	@GetMapping("/api/v1/bookings/{id}/statement")
	@Operation(summary = "What the booking costs: the estimate, or the charge from recorded usage, and the voucher's "
			+ "share")
	Mono<Statements.BookingStatement> statement(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		return this.statements.ofBooking(id, CurrentUser.of(jwt));
	}

	@GetMapping(path = "/api/v1/bookings/{id}/calendar.ics", produces = CALENDAR)
	@Operation(summary = "The booking as an iCalendar file")
	Mono<ResponseEntity<String>> bookingCalendar(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		return this.calendar.ofBooking(id, CurrentUser.of(jwt))
			.map((ics) -> ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("booking-" + id + ".ics").build().toString())
				.body(ics));
	}

	@GetMapping("/api/v1/organisations/{id}/statements")
	@Operation(summary = "The organisation's completed bookings of a month, with totals (members, admins); "
			+ "format=csv for a spreadsheet")
	Mono<ResponseEntity<?>> monthlyStatement(@PathVariable UUID id, @RequestParam String month,
			@RequestParam(defaultValue = "json") String format, @AuthenticationPrincipal Jwt jwt) {
		YearMonth parsed;
		try {
			parsed = YearMonth.parse(month);
		}
		catch (DateTimeParseException ex) {
			return Mono.error(new InvalidRequestException("month", "must be a month such as 2026-12"));
		}
		if (!format.equals("json") && !format.equals("csv")) {
			return Mono.error(new InvalidRequestException("format", "must be json or csv"));
		}
		return this.statements.ofOrganisation(id, parsed, CurrentUser.of(jwt))
			.map((statement) -> format.equals("csv")
					? CsvExport.download("statement-" + month, Statements.csv(statement))
					: ResponseEntity.ok(statement));
	}

	@PostMapping("/api/v1/vouchers")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Issue an innovation voucher to a firm (ADMIN)")
	Mono<Voucher> issueVoucher(@Valid @RequestBody VoucherService.Issue request, @AuthenticationPrincipal Jwt jwt) {
		return this.vouchers.issue(request, CurrentUser.of(jwt));
	}

	@GetMapping("/api/v1/vouchers")
	@Operation(summary = "An organisation's vouchers: budget, spent, remaining (members, admins)")
	Mono<List<Voucher>> vouchers(@RequestParam UUID organisationId, @AuthenticationPrincipal Jwt jwt) {
		return this.vouchers.ofOrganisation(organisationId, CurrentUser.of(jwt));
	}

	@PostMapping("/api/v1/me/calendar-feed")
	@Operation(summary = "A new secret URL of your bookings' calendar feed (the previous one stops working)")
	Mono<Map<String, String>> calendarFeed(@AuthenticationPrincipal Jwt jwt) {
		return this.calendar.rotateFeedToken(CurrentUser.of(jwt))
			.map((token) -> Map.of("url", "/api/v1/calendar/" + token + ".ics"));
	}

	@GetMapping(path = "/api/v1/calendar/{token}.ics", produces = CALENDAR)
	@Operation(summary = "A user's bookings as an iCalendar feed; the secret token is the only credential (public)")
	Mono<String> feed(@PathVariable String token) {
		return this.calendar.feed(token);
	}

	@GetMapping("/api/v1/waitlist")
	@Operation(summary = "The times you wait for")
	Mono<List<Waitlist.Entry>> myWaitlist(@AuthenticationPrincipal Jwt jwt) {
		return this.waitlist.mine(CurrentUser.of(jwt)).collectList();
	}

	@DeleteMapping("/api/v1/waitlist/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Stop waiting")
	Mono<Void> leaveWaitlist(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		return this.waitlist.leave(id, CurrentUser.of(jwt));
	}

}
