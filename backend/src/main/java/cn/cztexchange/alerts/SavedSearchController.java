package cn.cztexchange.alerts;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import cn.cztexchange.platform.Page;

@RestController
@Tag(name = "Saved searches", description = "Searches a user keeps, and the new entries each has found")
class SavedSearchController {

	private static final String BASE = "/api/v1/me/saved-searches";

	private final SavedSearchService service;

	SavedSearchController(SavedSearchService service) {
		this.service = service;
	}

	@GetMapping(BASE)
	@Operation(summary = "Your saved searches, newest first, each with its count of hits")
	Mono<List<SavedSearchView>> list(@AuthenticationPrincipal Jwt jwt) {
		return this.service.list(CurrentUser.of(jwt));
	}

	@PostMapping(BASE)
	@Operation(
			summary = "Save a search: new entries that match it alert you in the app (and by a daily email "
					+ "digest when emailDigest is true)",
			description = "query is the query string of GET /api/v1/search. 400 names each parameter the search would "
					+ "refuse (query.kind, …) or does not know; 409 when you keep the most saved searches allowed, "
					+ "or saved the same search before (property savedSearchId).")
	Mono<ResponseEntity<SavedSearchView>> create(@Valid @RequestBody SavedSearchRequests.Create request,
			@AuthenticationPrincipal Jwt jwt) {
		return this.service.create(request, CurrentUser.of(jwt))
			.map((saved) -> ResponseEntity.created(URI.create(BASE + "/" + saved.id())).body(saved));
	}

	@GetMapping(BASE + "/{id}")
	@Operation(summary = "One of your saved searches")
	Mono<SavedSearchView> get(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		return this.service.get(id, CurrentUser.of(jwt));
	}

	@PutMapping(BASE + "/{id}")
	@Operation(summary = "Rename a saved search, or turn its email digest on or off")
	Mono<SavedSearchView> update(@PathVariable UUID id, @Valid @RequestBody SavedSearchRequests.Update request,
			@AuthenticationPrincipal Jwt jwt) {
		return this.service.update(id, request, CurrentUser.of(jwt));
	}

	@DeleteMapping(BASE + "/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a saved search and its hits")
	Mono<Void> delete(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		return this.service.delete(id, CurrentUser.of(jwt));
	}

	@GetMapping(BASE + "/{id}/hits")
	@Operation(summary = "The new entries a saved search has found, newest first",
			description = "Each with its kind, title and city as published now; published=false for one that was "
					+ "withdrawn since.")
	Mono<Page<SavedSearchHit>> hits(@PathVariable UUID id, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, @AuthenticationPrincipal Jwt jwt) {
		return this.service.hits(id, page, size, CurrentUser.of(jwt));
	}

}
