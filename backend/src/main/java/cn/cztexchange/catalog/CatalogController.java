package cn.cztexchange.catalog;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
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
import cn.cztexchange.platform.DomainException;
import cn.cztexchange.platform.Page;

@RestController
@Tag(name = "Catalogue", description = "Publishing entries: drafts, review, publication, archiving")
class CatalogController {

	private final CatalogService service;

	private final CatalogReader reader;

	CatalogController(CatalogService service, CatalogReader reader) {
		this.service = service;
		this.reader = reader;
	}

	@PostMapping("/api/v1/catalog/entries")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a draft entry for one of your organisations")
	Mono<CatalogEntryResponse> create(@Valid @RequestBody CatalogRequests.Create request,
			@AuthenticationPrincipal Jwt jwt) {
		return this.service.create(request, CurrentUser.of(jwt));
	}

	@GetMapping("/api/v1/catalog/entries")
	@Operation(summary = "An organisation's entries, for its members")
	Mono<Page<CatalogEntryResponse>> ofOrganisation(@RequestParam UUID organisationId,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, @AuthenticationPrincipal Jwt jwt) {
		return this.service.ofOrganisation(organisationId, CurrentUser.of(jwt), page, size);
	}

	@GetMapping("/api/v1/catalog/entries/{id}")
	@Operation(summary = "One entry with its working copy, for its organisation's members")
	Mono<CatalogEntryResponse> get(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		return this.service.get(id, CurrentUser.of(jwt));
	}

	@PutMapping("/api/v1/catalog/entries/{id}")
	@Operation(summary = "Replace the working copy",
			description = "Send the version you started from; 409 when someone else changed the entry meanwhile.")
	Mono<CatalogEntryResponse> update(@PathVariable UUID id, @Valid @RequestBody CatalogRequests.Update request,
			@AuthenticationPrincipal Jwt jwt) {
		return this.service.update(id, request, CurrentUser.of(jwt));
	}

	@PostMapping("/api/v1/catalog/entries/{id}/submit")
	@Operation(summary = "Submit the working copy for review")
	Mono<CatalogEntryResponse> submit(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		return this.service.submit(id, CurrentUser.of(jwt));
	}

	@PostMapping("/api/v1/catalog/entries/{id}/withdraw")
	@Operation(summary = "Withdraw a submission to edit it again")
	Mono<CatalogEntryResponse> withdraw(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		return this.service.withdraw(id, CurrentUser.of(jwt));
	}

	@PostMapping("/api/v1/catalog/entries/{id}/archive")
	@Operation(summary = "Archive the entry: it leaves the catalogue")
	Mono<CatalogEntryResponse> archive(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		return this.service.archive(id, CurrentUser.of(jwt));
	}

	@GetMapping("/api/v1/admin/catalog/review-queue")
	@Operation(summary = "Entries waiting for review, oldest first (ADMIN)")
	Mono<Page<CatalogEntryResponse>> reviewQueue(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.service.reviewQueue(page, size);
	}

	@PostMapping("/api/v1/admin/catalog/entries/{id}/approve")
	@Operation(summary = "Approve the working copy: it becomes what the public sees (ADMIN)")
	Mono<CatalogEntryResponse> approve(@PathVariable UUID id) {
		return this.service.approve(id);
	}

	@PostMapping("/api/v1/admin/catalog/entries/{id}/reject")
	@Operation(summary = "Send the working copy back with the reason (ADMIN)")
	Mono<CatalogEntryResponse> reject(@PathVariable UUID id, @Valid @RequestBody CatalogRequests.Reject request) {
		return this.service.reject(id, request.reason());
	}

	@GetMapping("/api/v1/resources/{id}")
	@Operation(summary = "One published resource, as everyone sees it")
	Mono<CatalogReader.PublishedEntry> resource(@PathVariable UUID id) {
		return this.reader.published(id).switchIfEmpty(Mono.error(() -> DomainException.notFound("The resource")));
	}

}
