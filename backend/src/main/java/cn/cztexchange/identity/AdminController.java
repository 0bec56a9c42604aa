package cn.cztexchange.identity;

import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import cn.cztexchange.identity.OrganisationRepository.OrganisationSearch;
import cn.cztexchange.platform.ClientAddress;
import cn.cztexchange.platform.Page;

/** Moderation by the platform operators; every path here needs the ADMIN role. */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Administration", description = "Users, organisation verification and the audit log (ADMIN only)")
class AdminController {

	private final UserAdministration users;

	private final OrganisationService organisations;

	private final AuditLog audit;

	AdminController(UserAdministration users, OrganisationService organisations, AuditLog audit) {
		this.users = users;
		this.organisations = organisations;
		this.audit = audit;
	}

	@GetMapping("/users")
	@Operation(summary = "Find users")
	Mono<Page<UserAdministration.UserSummary>> users(@RequestParam(required = false) @Size(max = 100) String query,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.users.search(query, page, size);
	}

	@PutMapping("/users/{id}/roles")
	@Operation(summary = "Set a user's platform roles")
	Mono<UserAdministration.UserSummary> setRoles(@PathVariable UUID id, @Valid @RequestBody RolesRequest request,
			@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
		return this.users.setRoles(id, request.roles(), CurrentUser.of(jwt), ClientAddress.of(exchange.getRequest()));
	}

	@PostMapping("/users/{id}/disable")
	@Operation(summary = "Disable a user: ends their sessions and refuses their logins")
	Mono<UserAdministration.UserSummary> disable(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt,
			ServerWebExchange exchange) {
		return this.users.setEnabled(id, false, CurrentUser.of(jwt), ClientAddress.of(exchange.getRequest()));
	}

	@PostMapping("/users/{id}/enable")
	@Operation(summary = "Enable a disabled user again")
	Mono<UserAdministration.UserSummary> enable(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt,
			ServerWebExchange exchange) {
		return this.users.setEnabled(id, true, CurrentUser.of(jwt), ClientAddress.of(exchange.getRequest()));
	}

	@GetMapping("/organisations")
	@Operation(summary = "Find organisations of any verification status")
	Mono<Page<OrganisationResponse>> organisations(@RequestParam(required = false) VerificationStatus status,
			@RequestParam(required = false) @Size(max = 100) String query,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.organisations.searchAsAdmin(new OrganisationSearch(status, null, null, query, page, size));
	}

	@PostMapping("/organisations/{id}/verify")
	@Operation(summary = "Verify an organisation")
	Mono<OrganisationResponse> verify(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt,
			ServerWebExchange exchange) {
		return this.organisations.verify(id, CurrentUser.of(jwt), ClientAddress.of(exchange.getRequest()));
	}

	@PostMapping("/organisations/{id}/reject")
	@Operation(summary = "Refuse to verify an organisation, with the reason")
	Mono<OrganisationResponse> reject(@PathVariable UUID id, @Valid @RequestBody RejectRequest request,
			@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
		return this.organisations.reject(id, request.reason(), CurrentUser.of(jwt),
				ClientAddress.of(exchange.getRequest()));
	}

	@GetMapping("/audit-events")
	@Operation(summary = "Page through the audit log, newest first")
	Mono<Page<AuditEvent>> auditEvents(@RequestParam(required = false) AuditEventType type,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
		return this.audit.page(type, page, size);
	}

	/**
	 * @param roles the roles the user has from now on
	 */
	record RolesRequest(@NotNull(message = "must be given") Set<@NotNull(message = "must be a role") Role> roles) {
	}

	/**
	 * @param reason why the organisation is not verified, shown to its members
	 */
	record RejectRequest(@NotBlank(message = "must not be blank") @Size(max = 500,
			message = "must be at most 500 characters") String reason) {
	}

}
