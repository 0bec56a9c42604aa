package cn.cztexchange.engagement;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
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

import cn.cztexchange.identity.City;
import cn.cztexchange.identity.CurrentUser;
import cn.cztexchange.platform.Page;

@RestController
@Tag(name = "Experts", description = "The expert directory for advisory requests (成果评估, 投资咨询, 市场调研)")
class ExpertController {

	private final ExpertService experts;

	ExpertController(ExpertService experts) {
		this.experts = experts;
	}

	@GetMapping("/api/v1/experts")
	@Operation(
			summary = "Find experts (public): q in names, titles, organisation, biography and fields; field (a "
					+ "field of expertise or an industry chain), city, service",
			description = "Active experts only, by name; the contact stays private until an engagement with the "
					+ "expert is accepted. includeInactive=true lists inactive ones too (admins).")
	Mono<Page<ExpertView>> search(@RequestParam(required = false) @Size(max = 100) String q,
			@RequestParam(required = false) @Size(max = 40) String field, @RequestParam(required = false) City city,
			@RequestParam(required = false) AdvisoryType service,
			@RequestParam(defaultValue = "false") boolean includeInactive,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, @AuthenticationPrincipal Jwt jwt) {
		return this.experts.search(new ExpertRepository.Search(EngagementService.blankToNull(q),
				EngagementService.blankToNull(field), city, service, includeInactive, page, size), caller(jwt));
	}

	@GetMapping("/api/v1/experts/{id}")
	@Operation(summary = "One expert (public; an inactive one only for admins, who also see the contact)")
	Mono<ExpertView> get(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		return this.experts.get(id, caller(jwt));
	}

	@PostMapping("/api/v1/experts")
	@Operation(summary = "Add an expert to the directory (ADMIN)",
			description = "userEmail links the user who answers the expert's requests; without one, firms cannot "
					+ "send the expert requests.")
	Mono<ResponseEntity<ExpertView>> create(@Valid @RequestBody ExpertRequests.Save request,
			@AuthenticationPrincipal Jwt jwt) {
		return this.experts.create(request, CurrentUser.of(jwt))
			.map((expert) -> ResponseEntity.created(URI.create("/api/v1/experts/" + expert.id())).body(expert));
	}

	@PutMapping("/api/v1/experts/{id}")
	@Operation(summary = "Change an expert (ADMIN); give back the version read (409 if someone changed it since)")
	Mono<ExpertView> update(@PathVariable UUID id, @Valid @RequestBody ExpertRequests.Save request,
			@AuthenticationPrincipal Jwt jwt) {
		return this.experts.update(id, request, CurrentUser.of(jwt));
	}

	@DeleteMapping("/api/v1/experts/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove an expert nobody has engaged (ADMIN); 409 for one with engagements: deactivate it")
	Mono<Void> delete(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		return this.experts.delete(id, CurrentUser.of(jwt));
	}

	private static CurrentUser caller(Jwt jwt) {
		return (jwt != null) ? CurrentUser.of(jwt) : null;
	}

}
