package cn.cztexchange.matching;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import cn.cztexchange.identity.CurrentUser;

@RestController
@Tag(name = "Firm profiles", description = "What a firm tells matching about itself; private fields stay with the "
		+ "firm, discoverers see the public card")
class FirmProfileController {

	private final FirmProfileService service;

	FirmProfileController(FirmProfileService service) {
		this.service = service;
	}

	@GetMapping("/api/v1/organisations/{orgId}/firm-profile")
	@Operation(summary = "A firm's profile: whole for its members, the public card for anyone else",
			description = "Members of the firm (and admins) get view WHOLE, with the contact, revenue band, funding "
					+ "purpose, certificate and patent numbers and the version to send with a change. Anyone else signed "
					+ "in gets view CARD when the firm is discoverable (and verified); otherwise 404.")
	Mono<FirmProfileView> get(@PathVariable UUID orgId, @AuthenticationPrincipal Jwt jwt) {
		return this.service.get(orgId, CurrentUser.of(jwt));
	}

	@PutMapping("/api/v1/organisations/{orgId}/firm-profile")
	@Operation(summary = "Write a firm's profile (its members)",
			description = "Without version: creates the profile (201; 409 if one exists). With the version read: "
					+ "changes it (200; 409 when someone saved meanwhile). 400 names each bad field (amountMinFen above "
					+ "amountMaxFen, a year in the future, a qualification listed twice, an unknown value). 403 for a "
					+ "non-member; 400 for an organisation that is not a firm. Saving refreshes the firm's matches and, "
					+ "when discoverable, its public card in the firms index, through the outbox.")
	Mono<ResponseEntity<FirmProfileView.Whole>> put(@PathVariable UUID orgId,
			@Valid @RequestBody FirmProfileRequest request, @AuthenticationPrincipal Jwt jwt) {
		return this.service.save(orgId, request, CurrentUser.of(jwt))
			.map((saved) -> saved.created()
					? ResponseEntity.created(URI.create("/api/v1/organisations/" + orgId + "/firm-profile"))
						.body(saved.profile())
					: ResponseEntity.ok(saved.profile()));
	}

	@GetMapping("/api/v1/me/firm-profiles")
	@Operation(summary = "Your firms, each with whether it has a profile yet")
	Mono<List<MyFirmProfile>> mine(@AuthenticationPrincipal Jwt jwt) {
		return this.service.mine(CurrentUser.of(jwt));
	}

}
