package cn.cztexchange.catalog;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import cn.cztexchange.identity.CurrentUser;
import cn.cztexchange.platform.FieldError;
import cn.cztexchange.platform.InvalidRequestException;

@RestController
@Tag(name = "Catalogue")
class CatalogImportController {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final CatalogImportService service;

	private final CatalogImportProperties properties;

	private final Clock clock;

	CatalogImportController(CatalogImportService service, CatalogImportProperties properties, Clock clock) {
		this.service = service;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/api/v1/catalog/imports/template")
	@Operation(summary = "The import template of a kind: its columns and one example row",
			description = "format=csv (UTF-8 with BOM, for Excel) or xlsx. Lists are separated by ';', money is in "
					+ "yuan, enums take their names, yes/no cells true/false or 是/否.")
	Mono<ResponseEntity<byte[]>> template(@RequestParam ResourceKind kind,
			@RequestParam(defaultValue = "csv") String format) {
		String type = format.strip().toLowerCase(Locale.ROOT);
		if (!type.equals("csv") && !type.equals("xlsx")) {
			return Mono.error(new InvalidRequestException("format", "must be csv or xlsx"));
		}
		List<String> header = ImportTemplate.columns(kind);
		List<List<String>> rows = List.of(ImportTemplate.example(kind, CatalogService.today(this.clock)));
		String name = "czt-import-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "." + type;
		return Mono
			.fromCallable(() -> type.equals("csv") ? Spreadsheets.writeCsv(header, rows)
					: Spreadsheets.writeXlsx(kind.name(), header, rows))
			.subscribeOn(Schedulers.boundedElastic())
			.map((bytes) -> ResponseEntity.ok()
				.contentType(type.equals("csv") ? new MediaType("text", "csv", StandardCharsets.UTF_8) : XLSX)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(name).build().toString())
				.body(bytes));
	}

	@PostMapping(path = "/api/v1/catalog/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import entries from a CSV or .xlsx file (multipart form)",
			description = "Parts: file, organisationId, kind, dryRun (default true), submitForReview (default false). "
					+ "The file and its columns are checked at once (400); the rows in the background: answers 202 "
					+ "with the import to poll at its Location. A dry run writes nothing; a real import writes all "
					+ "rows or, if any row is bad, none.")
	Mono<ResponseEntity<ImportJob>> start(@RequestBody Mono<MultiValueMap<String, Part>> parts,
			@AuthenticationPrincipal Jwt jwt) {
		return parts.flatMap((form) -> {
			List<FieldError> errors = new ArrayList<>();
			UUID organisationId = uuid(form, "organisationId", errors);
			ResourceKind kind = kind(form, errors);
			boolean dryRun = bool(form, "dryRun", true, errors);
			boolean submitForReview = bool(form, "submitForReview", false, errors);
			Part file = form.getFirst("file");
			if (!(file instanceof FilePart)) {
				errors.add(new FieldError("file",
						(file == null) ? "must be given (a .csv or .xlsx file)" : "must be a file, not a text field"));
			}
			if (!errors.isEmpty()) {
				return Mono.error(new InvalidRequestException(errors));
			}
			return Uploads.file(form, "file", this.properties.maxFileSize())
				.flatMap((upload) -> this.service.start(organisationId, kind, dryRun, submitForReview, upload,
						CurrentUser.of(jwt)));
		})
			.map((job) -> ResponseEntity.accepted()
				.location(URI.create("/api/v1/catalog/imports/" + job.id()))
				.body(job));
	}

	@GetMapping("/api/v1/catalog/imports/{id}")
	@Operation(summary = "An import's progress and errors, for its organisation's members")
	Mono<ImportJob> get(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		return this.service.get(id, CurrentUser.of(jwt));
	}

	private static UUID uuid(MultiValueMap<String, Part> form, String name, List<FieldError> errors) {
		String value = Uploads.text(form, name);
		if (value == null) {
			errors.add(new FieldError(name, "must be given"));
			return null;
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldError(name, "'" + value + "' is not a UUID"));
			return null;
		}
	}

	private static ResourceKind kind(MultiValueMap<String, Part> form, List<FieldError> errors) {
		String value = Uploads.text(form, "kind");
		if (value != null) {
			for (ResourceKind kind : ResourceKind.values()) {
				if (kind.name().equalsIgnoreCase(value)) {
					return kind;
				}
			}
		}
		errors.add(new FieldError("kind",
				"must be INSTRUMENT, SERVICE, LITERATURE, TECH_OFFERING, FINANCING or TECH_NEED"));
		return null;
	}

	private static boolean bool(MultiValueMap<String, Part> form, String name, boolean absent,
			List<FieldError> errors) {
		String value = Uploads.text(form, name);
		if (value == null) {
			return absent;
		}
		if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
			return Boolean.parseBoolean(value);
		}
		errors.add(new FieldError(name, "must be true or false"));
		return absent;
	}

}
