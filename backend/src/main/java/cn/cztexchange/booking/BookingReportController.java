package cn.cztexchange.booking;

import java.util.UUID;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import cn.cztexchange.identity.CurrentUser;
import cn.cztexchange.platform.InvalidRequestException;

@RestController
@Tag(name = "Booking reports", description = "Utilisation, cross-city use and revenue; JSON or CSV (format=csv)")
class BookingReportController {

	private final BookingReports reports;

	BookingReportController(BookingReports reports) {
		this.reports = reports;
	}

	@GetMapping("/api/v1/reports/utilisation")
	@Operation(summary = "Open, booked, used and idle hours and no-show rate per instrument the organisation hosts "
			+ "(its members, admins); from/to as instants or dates, at most 366 days")
	Mono<ResponseEntity<?>> utilisation(@RequestParam UUID organisationId, @RequestParam String from,
			@RequestParam String to, @RequestParam(defaultValue = "json") String format,
			@AuthenticationPrincipal Jwt jwt) {
		return Mono.defer(() -> answer(format, "utilisation",
				this.reports.utilisation(organisationId, range(from, to), CurrentUser.of(jwt)),
				BookingReports.Utilisation::csv));
	}

	@GetMapping("/api/v1/reports/cross-city")
	@Operation(summary = "Bookings and hours from the paying organisation's city to the instrument's city (ADMIN)")
	Mono<ResponseEntity<?>> crossCity(@RequestParam String from, @RequestParam String to,
			@RequestParam(defaultValue = "json") String format, @AuthenticationPrincipal Jwt jwt) {
		return Mono.defer(() -> answer(format, "cross-city",
				this.reports.crossCity(range(from, to), CurrentUser.of(jwt)), BookingReports.CrossCity::csv));
	}

	@GetMapping("/api/v1/reports/revenue")
	@Operation(summary = "Charges, voucher subsidies and the rest per month for the organisation's instruments")
	Mono<ResponseEntity<?>> revenue(@RequestParam UUID organisationId, @RequestParam @Min(2000) @Max(2100) int year,
			@RequestParam(defaultValue = "json") String format, @AuthenticationPrincipal Jwt jwt) {
		return Mono.defer(() -> answer(format, "revenue-" + year,
				this.reports.revenue(organisationId, year, CurrentUser.of(jwt)), BookingReports.Revenue::csv));
	}

	private static Interval range(String from, String to) {
		return InstrumentSettingsService.range(InstrumentBookingController.instant("from", from),
				InstrumentBookingController.instant("to", to), 366);
	}

	private static <T> Mono<ResponseEntity<?>> answer(String format, String name, Mono<T> report,
			Function<T, String> csv) {
		if (!format.equals("json") && !format.equals("csv")) {
			return Mono.error(new InvalidRequestException("format", "must be json or csv"));
		}
		return report.map((found) -> format.equals("csv") ? CsvExport.download(name, csv.apply(found))
				: ResponseEntity.ok(found));
	}

}
