package cn.cztexchange.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import cn.cztexchange.platform.ClientAddress;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Me", description = "The signed-in user's own account")
class MeController {

	private final AuthService auth;

	private final ProfileService profiles;

	private final RefreshCookies cookies;

	MeController(AuthService auth, ProfileService profiles, RefreshCookies cookies) {
		this.auth = auth;
		this.profiles = profiles;
		this.cookies = cookies;
	}

	@GetMapping
	@Operation(summary = "Who am I: account, roles and organisation memberships")
	Mono<MeResponse> me(@AuthenticationPrincipal Jwt jwt) {
		return this.auth.me(CurrentUser.of(jwt).id());
	}

	@PatchMapping
	@Operation(summary = "Change display name or preferred language")
	Mono<MeResponse> update(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody UpdateProfileRequest request,
			ServerWebExchange exchange) {
		return this.profiles.update(CurrentUser.of(jwt), request, ClientAddress.of(exchange.getRequest()))
			.flatMap(this.auth::describe);
	}

	@PostMapping("/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Change the password", description = "Ends every session of the user; log in again.")
	Mono<Void> changePassword(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ChangePasswordRequest request,
			ServerWebExchange exchange) {
		return this.auth
			.changePassword(CurrentUser.of(jwt), request.currentPassword(), request.newPassword(),
					ClientAddress.of(exchange.getRequest()))
			.then(Mono.fromRunnable(() -> this.cookies.clear(exchange)));
	}

}
