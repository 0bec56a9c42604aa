package cn.cztexchange.notification;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import cn.cztexchange.identity.CurrentUser;

@RestController
@Tag(name = "Notifications", description = "The signed-in user's notifications and their read state")
class NotificationController {

	private final NotificationService service;

	NotificationController(NotificationService service) {
		this.service = service;
	}

	@GetMapping("/api/v1/notifications")
	@Operation(summary = "Your notifications, newest first, with how many are unread")
	Mono<NotificationPage> list(@RequestParam(defaultValue = "false") boolean unreadOnly,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, @AuthenticationPrincipal Jwt jwt) {
		return this.service.list(CurrentUser.of(jwt).id(), unreadOnly, page, size);
	}

	@PostMapping("/api/v1/notifications/{id}/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Mark one of your notifications read")
	Mono<Void> markRead(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		return this.service.markRead(id, CurrentUser.of(jwt).id());
	}

	@PostMapping("/api/v1/notifications/read-all")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Mark all your notifications read")
	Mono<Void> markAllRead(@AuthenticationPrincipal Jwt jwt) {
		return this.service.markAllRead(CurrentUser.of(jwt).id());
	}

}
