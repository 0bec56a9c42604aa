package cn.cztexchange.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import cn.cztexchange.identity.CurrentUser;
import cn.cztexchange.platform.InvalidRequestException;

@RestController
@Tag(name = "Instrument booking", description = "Opening hours, booking rules, closures, calendars, qualifications")
class InstrumentBookingController {

	private final InstrumentSettingsService settings;

	private final Qualifications qualifications;

	private final BookingCalendar calendar;

	private final Waitlist waitlist;

	InstrumentBookingController(InstrumentSettingsService settings, Qualifications qualifications,
			BookingCalendar calendar, Waitlist waitlist) {
		this.settings = settings;
		this.qualifications = qualifications;
		this.calendar = calendar;
		this.waitlist = waitlist;
	}

	@GetMapping("/api/v1/instruments/{id}/availability")
	@Operation(summary = "The calendar: open hours, taken times (never by whom) and closures",
			description = "from/to are instants or local dates (Asia/Shanghai midnight); at most 31 days. Public.")
	Mono<Availability> availability(@PathVariable UUID id, @Parameter(example = "2026-12-01") @RequestParam String from,
			@Parameter(example = "2026-12-08") @RequestParam String to) {
		return Mono.defer(() -> this.settings.availability(id,
				InstrumentSettingsService.range(instant("from", from), instant("to", to), 31)));
	}

	@GetMapping("/api/v1/instruments/{id}/booking-rules")
	@Operation(summary = "How the instrument may be booked (the defaults until its staff set them). Public.")
	Mono<BookingRules> rules(@PathVariable UUID id) {
		return this.settings.rules(id);
	}

	@PutMapping("/api/v1/instruments/{id}/booking-rules")
	@Operation(summary = "Set the booking rules (staff of the host)",
			description = "Send the version you read (none the first time); 409 when someone changed them meanwhile.")
	Mono<BookingRules> saveRules(@PathVariable UUID id, @Valid @RequestBody BookingRules rules,
			@AuthenticationPrincipal Jwt jwt) {
		return this.settings.saveRules(id, rules, CurrentUser.of(jwt));
	}

	@GetMapping("/api/v1/instruments/{id}/closures")
	@Operation(summary = "Holidays, maintenance and outages in a range of at most 400 days (public)")
	Mono<List<Closure>> closures(@PathVariable UUID id, @RequestParam String from, @RequestParam String to) {
		return Mono.defer(() -> this.settings.closures(id,
				InstrumentSettingsService.range(instant("from", from), instant("to", to), 400)));
	}

	@PostMapping("/api/v1/instruments/{id}/closures")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Close the instrument for a time, with the reason (staff of the host)")
	Mono<Closure> addClosure(@PathVariable UUID id, @Valid @RequestBody BookingRequests.NewClosure request,
			@AuthenticationPrincipal Jwt jwt) {
		return this.settings.addClosure(id, request, CurrentUser.of(jwt));
	}

	@DeleteMapping("/api/v1/instruments/{id}/closures/{closureId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a closure (staff of the host)")
	Mono<Void> deleteClosure(@PathVariable UUID id, @PathVariable UUID closureId, @AuthenticationPrincipal Jwt jwt) {
		return this.settings.deleteClosure(id, closureId, CurrentUser.of(jwt));
	}

	@GetMapping("/api/v1/instruments/{id}/qualifications")
	@Operation(summary = "Users trained on the instrument (staff of the host)")
	Mono<List<Qualifications.Qualified>> qualifications(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		return this.qualifications.list(id, CurrentUser.of(jwt));
	}

	@PostMapping("/api/v1/instruments/{id}/qualifications")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record that a user is trained (staff of the host)")
	Mono<Qualifications.Qualified> grant(@PathVariable UUID id, @Valid @RequestBody BookingRequests.Grant request,
			@AuthenticationPrincipal Jwt jwt) {
		return this.qualifications.grant(id, request, CurrentUser.of(jwt));
	}

	@DeleteMapping("/api/v1/instruments/{id}/qualifications/{userId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Withdraw a user's qualification (staff of the host)")
	Mono<Void> revoke(@PathVariable UUID id, @PathVariable UUID userId, @AuthenticationPrincipal Jwt jwt) {
		return this.qualifications.revoke(id, userId, CurrentUser.of(jwt));
	}

	@GetMapping(path = "/api/v1/instruments/{id}/calendar.ics", produces = BookingController.CALENDAR)
	@Operation(summary = "The instrument's taken times as iCalendar, without names (public)")
	Mono<String> calendar(@PathVariable UUID id) {
		return this.calendar.ofInstrument(id);
	}

	@PostMapping("/api/v1/instruments/{id}/waitlist")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Wait for a taken time: you are told when it frees up")
	Mono<Waitlist.Entry> joinWaitlist(@PathVariable UUID id, @Valid @RequestBody BookingRequests.Waitlist request,
			@AuthenticationPrincipal Jwt jwt) {
		return this.waitlist.join(id, request, CurrentUser.of(jwt));
	}

	/** An instant, or a local date read as midnight in Asia/Shanghai. */
	static Instant instant(String name, String value) {
		try {
			return (value.length() == 10) ? LocalDate.parse(value).atStartOfDay(BookingTime.ZONE).toInstant()
					: Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidRequestException(name,
					"must be an instant such as 2026-12-01T00:00:00Z or a date such as " + "2026-12-01");
		}
	}

}
