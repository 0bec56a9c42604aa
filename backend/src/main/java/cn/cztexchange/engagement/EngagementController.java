package cn.cztexchange.engagement;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import cn.cztexchange.engagement.EngagementRequests.Note;
import cn.cztexchange.engagement.EngagementRequests.Withdraw;
import cn.cztexchange.identity.CurrentUser;
import cn.cztexchange.platform.Page;

@RestController
@Tag(name = "Engagements",
		description = "Matches followed to a deal: interest → accepted (contact details shown from then on) → meeting "
				+ "→ negotiation → closed or dropped; the message thread and the audit trail; advisory requests")
class EngagementController {

	private final EngagementService service;

	private final EngagementSteps steps;

	private final EngagementViews views;

	private final EngagementThread thread;

	EngagementController(EngagementService service, EngagementSteps steps, EngagementViews views,
			EngagementThread thread) {
		this.service = service;
		this.steps = steps;
		this.views = views;
		this.thread = thread;
	}

	@PostMapping("/api/v1/engagements")
	@Operation(summary = "Express interest, or request advice",
			description = "A firm's member approaches a FINANCING entry, a TECH_OFFERING, a SERVICE entry or an expert "
					+ "(firmId: which of their firms, when they belong to several); a member of the organisation that "
					+ "owns a FINANCING entry or TECH_OFFERING approaches a firm about it (firmId: the firm); a "
					+ "technology owner answers a firm's technology need (organisationId: which of their "
					+ "organisations, when several). ADVISORY needs service. 201 with the engagement, INTERESTED; "
					+ "the other side is told in-app and by email. 409 with engagementId when an active engagement "
					+ "for the same parties and subject exists.")
	Mono<ResponseEntity<EngagementView>> create(@Valid @RequestBody EngagementRequests.Create request,
			@AuthenticationPrincipal Jwt jwt) {
		return Mono.defer(() -> this.service.create(request, CurrentUser.of(jwt)))
			.map((engagement) -> ResponseEntity.created(URI.create("/api/v1/engagements/" + engagement.id()))
				.body(engagement));
	}

	@GetMapping("/api/v1/engagements")
	@Operation(
			summary = "Your engagements, on both sides (side=FIRM or COUNTERPART for one), most recent activity "
					+ "first; status may be repeated",
			description = "Without contact details (see GET /api/v1/engagements/{id}).")
	Mono<Page<EngagementView>> list(@RequestParam(required = false) List<EngagementStatus> status,
			@RequestParam(required = false) EngagementKind kind, @RequestParam(required = false) Side side,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, @AuthenticationPrincipal Jwt jwt) {
		return this.views.mine(CurrentUser.of(jwt), side, status, kind, page, size);
	}

	@GetMapping("/api/v1/admin/engagements")
	@Operation(summary = "Every engagement, for moderation (ADMIN)")
	Mono<Page<EngagementView>> all(@RequestParam(required = false) List<EngagementStatus> status,
			@RequestParam(required = false) EngagementKind kind, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, @AuthenticationPrincipal Jwt jwt) {
		return this.views.all(CurrentUser.of(jwt), status, kind, page, size);
	}

	@GetMapping("/api/v1/engagements/{id}")
	@Operation(summary = "One engagement, for its parties and admins (404 for anyone else)",
			description = "contacts: both sides' contact details, from the acceptance on; never before. actions: "
					+ "what the caller may do now.")
	Mono<EngagementView> get(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		return this.views.get(id, CurrentUser.of(jwt));
	}

	@GetMapping("/api/v1/engagements/{id}/events")
	@Operation(summary = "The engagement's history (全程留痕): every step, who took it, from which state to which, "
			+ "with its note (parties and admins)")
	Mono<List<EngagementView.Event>> events(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		return this.views.events(id, CurrentUser.of(jwt));
	}

	@PostMapping("/api/v1/engagements/{id}/accept")
	@Operation(
			summary = "Accept the interest (the side that received it): both sides see each other's contact "
					+ "details from now on",
			description = "Every step takes an optional version: 409 if the engagement changed since it was read. "
					+ "403 when the caller's side may not take the step, 409 (naming the status) when the state "
					+ "does not allow it.")
	Mono<EngagementView> accept(@PathVariable UUID id, @Valid @RequestBody(required = false) Note request,
			@AuthenticationPrincipal Jwt jwt) {
		Note body = (request != null) ? request : new Note(null, null);
		return this.steps.accept(id, body.version(), body.note(), CurrentUser.of(jwt));
	}

	@PostMapping("/api/v1/engagements/{id}/decline")
	@Operation(summary = "Decline the interest, with the reason (the side that received it)")
	Mono<EngagementView> decline(@PathVariable UUID id, @Valid @RequestBody EngagementRequests.Reason request,
			@AuthenticationPrincipal Jwt jwt) {
		return this.steps.decline(id, request.version(), request.reason(), CurrentUser.of(jwt));
	}

	@PostMapping("/api/v1/engagements/{id}/withdraw")
	@Operation(summary = "Withdraw the interest before it is answered (the side that expressed it)")
	Mono<EngagementView> withdraw(@PathVariable UUID id, @Valid @RequestBody(required = false) Withdraw request,
			@AuthenticationPrincipal Jwt jwt) {
		Withdraw body = (request != null) ? request : new Withdraw(null, null);
		return this.steps.withdraw(id, body.version(), body.reason(), CurrentUser.of(jwt));
	}

	@PostMapping("/api/v1/engagements/{id}/propose-meeting")
	@Operation(summary = "Propose a meeting: time, IN_PERSON (place required) or ONLINE (link), note (either side, "
			+ "from the acceptance on; again to move it or to meet once more)")
	Mono<EngagementView> proposeMeeting(@PathVariable UUID id,
			@Valid @RequestBody EngagementRequests.ProposeMeeting request, @AuthenticationPrincipal Jwt jwt) {
		return this.steps.proposeMeeting(id, request, CurrentUser.of(jwt));
	}

	@PostMapping("/api/v1/engagements/{id}/meeting-held")
	@Operation(summary = "Record that the proposed meeting took place (either side)")
	Mono<EngagementView> meetingHeld(@PathVariable UUID id, @Valid @RequestBody(required = false) Note request,
			@AuthenticationPrincipal Jwt jwt) {
		Note body = (request != null) ? request : new Note(null, null);
		return this.steps.meetingHeld(id, body.version(), body.note(), CurrentUser.of(jwt));
	}

	@PostMapping("/api/v1/engagements/{id}/negotiate")
	@Operation(summary = "Move to negotiation and due diligence after a meeting (either side)")
	Mono<EngagementView> negotiate(@PathVariable UUID id, @Valid @RequestBody(required = false) Note request,
			@AuthenticationPrincipal Jwt jwt) {
		Note body = (request != null) ? request : new Note(null, null);
		return this.steps.negotiate(id, body.version(), body.note(), CurrentUser.of(jwt));
	}

	@PostMapping("/api/v1/engagements/{id}/close")
	@Operation(summary = "Record the deal: type and amount in fen (either side, while negotiating)",
			description = "FINANCING: EQUITY, LOAN, GUARANTEE or GRANT; TECHNOLOGY: LICENCE, TRANSFER, "
					+ "JOINT_DEVELOPMENT, SERVICE_CONTRACT or EQUITY; ADVISORY: SERVICE_CONTRACT.")
	Mono<EngagementView> close(@PathVariable UUID id, @Valid @RequestBody EngagementRequests.Close request,
			@AuthenticationPrincipal Jwt jwt) {
		return this.steps.close(id, request, CurrentUser.of(jwt));
	}

	@PostMapping("/api/v1/engagements/{id}/drop")
	@Operation(summary = "Stop the engagement, with the reason (either side, from the acceptance until it is closed)")
	Mono<EngagementView> drop(@PathVariable UUID id, @Valid @RequestBody EngagementRequests.Reason request,
			@AuthenticationPrincipal Jwt jwt) {
		return this.steps.drop(id, request.version(), request.reason(), CurrentUser.of(jwt));
	}

	@GetMapping("/api/v1/engagements/{id}/messages")
	@Operation(summary = "The message thread, oldest first (parties and admins)")
	Mono<Page<EngagementView.Message>> messages(@PathVariable UUID id,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size, @AuthenticationPrincipal Jwt jwt) {
		return this.thread.messages(id, CurrentUser.of(jwt), page, size);
	}

	@PostMapping("/api/v1/engagements/{id}/messages")
	@Operation(summary = "Write in the thread (parties; not once DECLINED or WITHDRAWN); the other side is told in-app")
	Mono<ResponseEntity<EngagementView.Message>> post(@PathVariable UUID id,
			@Valid @RequestBody EngagementRequests.NewMessage request, @AuthenticationPrincipal Jwt jwt) {
		return this.thread.post(id, request.text(), CurrentUser.of(jwt))
			.map((message) -> ResponseEntity.status(201).body(message));
	}

}
