package cn.cztexchange.identity;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import cn.cztexchange.identity.OrganisationRepository.Member;
import cn.cztexchange.identity.OrganisationRepository.MyMembership;
import cn.cztexchange.identity.OrganisationRepository.OrganisationSearch;
import cn.cztexchange.platform.ClientAddress;
import cn.cztexchange.platform.Page;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Organisations", description = "Universities, institutes, firms, parks, investors and their members")
class OrganisationController {

	private final OrganisationService service;

	OrganisationController(OrganisationService service) {
		this.service = service;
	}

	@GetMapping("/organisations")
	@Operation(summary = "Find verified organisations")
	Mono<Page<OrganisationResponse>> search(@RequestParam(required = false) @Size(max = 100) String query,
			@RequestParam(required = false) OrganisationType type, @RequestParam(required = false) City city,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.service.searchPublic(new OrganisationSearch(null, type, city, query, page, size));
	}

	@GetMapping("/organisations/{id}")
	@Operation(summary = "One organisation; contact details only for its members and admins")
	Mono<OrganisationResponse> get(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		return this.service.get(id, user(jwt));
	}

	@PostMapping("/organisations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register an organisation", description = "The creator becomes its manager; admins verify it.")
	Mono<OrganisationResponse> create(@Valid @RequestBody OrganisationRequest request, @AuthenticationPrincipal Jwt jwt,
			ServerWebExchange exchange) {
		return this.service.create(request, user(jwt), ClientAddress.of(exchange.getRequest()));
	}

	@PutMapping("/organisations/{id}")
	@Operation(summary = "Change an organisation's details (its managers, admins)")
	Mono<OrganisationResponse> update(@PathVariable UUID id, @Valid @RequestBody OrganisationRequest request,
			@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
		return this.service.update(id, request, user(jwt), ClientAddress.of(exchange.getRequest()));
	}

	@GetMapping("/me/organisations")
	@Operation(summary = "The organisations I belong to")
	Mono<List<MyMembership>> mine(@AuthenticationPrincipal Jwt jwt) {
		return this.service.membershipsOf(user(jwt));
	}

	@GetMapping("/organisations/{id}/members")
	@Operation(summary = "An organisation's members (its members, admins)")
	Mono<List<Member>> members(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		return this.service.members(id, user(jwt));
	}

	@PostMapping("/organisations/{id}/members")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add an existing account as a member (managers, admins)")
	Mono<Member> addMember(@PathVariable UUID id, @Valid @RequestBody MemberRequests.Add request,
			@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
		return this.service.addMember(id, request, user(jwt), ClientAddress.of(exchange.getRequest()));
	}

	@PatchMapping("/organisations/{id}/members/{userId}")
	@Operation(summary = "Change a member's role (managers, admins)")
	Mono<Member> changeRole(@PathVariable UUID id, @PathVariable UUID userId,
			@Valid @RequestBody MemberRequests.ChangeRole request, @AuthenticationPrincipal Jwt jwt,
			ServerWebExchange exchange) {
		return this.service.changeMemberRole(id, userId, request.role(), user(jwt),
				ClientAddress.of(exchange.getRequest()));
	}

	@DeleteMapping("/organisations/{id}/members/{userId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a member (managers, admins) or leave (the member)")
	Mono<Void> removeMember(@PathVariable UUID id, @PathVariable UUID userId, @AuthenticationPrincipal Jwt jwt,
			ServerWebExchange exchange) {
		return this.service.removeMember(id, userId, user(jwt), ClientAddress.of(exchange.getRequest()));
	}

	private static CurrentUser user(Jwt jwt) {
		return (jwt != null) ? CurrentUser.of(jwt) : null;
	}

}
