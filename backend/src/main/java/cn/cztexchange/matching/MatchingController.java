package cn.cztexchange.matching;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import cn.cztexchange.catalog.FinancingDetails.FinancingKind;
import cn.cztexchange.catalog.FinancingDetails.Stage;
import cn.cztexchange.catalog.IndustryChain;
import cn.cztexchange.catalog.TechOfferingDetails.DealMode;
import cn.cztexchange.identity.City;
import cn.cztexchange.identity.CurrentUser;
import cn.cztexchange.identity.UserDirectory;
import cn.cztexchange.matching.MatchingService.Paging;
import cn.cztexchange.platform.Page;

@RestController
@Tag(name = "Matching", description = "Ranked, explained matches between firms, financing, technology offerings "
		+ "and technology needs")
class MatchingController {

	private static final String LIST_DESCRIPTION = "Ranked by score (0–100: the points of the soft criteria, weighted by "
			+ "app.matching.weights.*), best first; the hard criteria filter, so every match meets them. Each match "
			+ "lists every criterion checked ({criterion, hard, met, weight, points, explanation}) with the "
			+ "explanation in the request's Accept-Language (zh-CN or en; else the user's language), and whether it "
			+ "is new (first found in the last 7 days, or not yet seen by the subject's side; listing marks the "
			+ "shown matches as seen). Only the best app.matching.candidates are ranked. 404 for anyone but the "
			+ "subject's members (admins may read); 400 for a subject of the wrong kind.";

	private final MatchingService service;

	private final UserDirectory users;

	MatchingController(MatchingService service, UserDirectory users) {
		this.service = service;
		this.users = users;
	}

	@GetMapping("/api/v1/matching/firms/{orgId}/financing")
	@Operation(summary = "A firm's financing entries: funds, loans, guarantees, programmes, listing services",
			description = "Hard criteria: the firm's stage among the entry's stages, its amount range overlapping the "
					+ "tickets, its city among the cities served, every required qualification held and valid, the "
					+ "entry's kind among those its preferred instruments allow. 409 when the firm has no profile. "
					+ LIST_DESCRIPTION)
	Mono<Page<MatchView>> financing(@PathVariable UUID orgId, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(50) int size,
			@RequestParam(defaultValue = "0") @DecimalMin("0") @DecimalMax("100") double minScore,
			@Parameter(description = "the entry's city") @RequestParam(required = false) City city,
			@RequestParam(required = false) List<FinancingKind> financingKind,
			@RequestParam(required = false) List<IndustryChain> industryChain, ServerHttpRequest request,
			@AuthenticationPrincipal Jwt jwt) {
		CurrentUser user = CurrentUser.of(jwt);
		MatchFilters filters = new MatchFilters(city, set(financingKind, FinancingKind.class), null, null, null,
				set(industryChain, IndustryChain.class), null);
		return language(request, user).flatMap((language) -> this.service.forFirm(Direction.FINANCING, orgId, filters,
				new Paging(page, size, minScore), user, language));
	}

	@GetMapping("/api/v1/matching/firms/{orgId}/offerings")
	@Operation(summary = "A firm's tech-transfer offerings, for its technology needs and products",
			description = "409 when the firm has no profile. " + LIST_DESCRIPTION)
	Mono<Page<MatchView>> offerings(@PathVariable UUID orgId, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(50) int size,
			@RequestParam(defaultValue = "0") @DecimalMin("0") @DecimalMax("100") double minScore,
			@Parameter(description = "the offering's city") @RequestParam(required = false) City city,
			@RequestParam(required = false) List<DealMode> dealMode,
			@Parameter(description = "offerings at least this ready (TRL 1–9)") @RequestParam(
					required = false) @Min(1) @Max(9) Integer minTrl,
			@RequestParam(required = false) List<IndustryChain> industryChain, ServerHttpRequest request,
			@AuthenticationPrincipal Jwt jwt) {
		CurrentUser user = CurrentUser.of(jwt);
		MatchFilters filters = new MatchFilters(city, null, set(dealMode, DealMode.class), minTrl, null,
				set(industryChain, IndustryChain.class), null);
		return language(request, user).flatMap((language) -> this.service.forFirm(Direction.OFFERINGS, orgId, filters,
				new Paging(page, size, minScore), user, language));
	}

	@GetMapping("/api/v1/matching/entries/{entryId}/firms")
	@Operation(summary = "A financing entry's discoverable firms (for its owner's members)",
			description = "Hard criteria: the firm's stage among the entry's stages, its amount range overlapping the "
					+ "tickets, its city among those served, every required qualification held and valid today, "
					+ "its preferred instruments (if any) including what the entry provides. Candidates are public "
					+ "cards only. " + LIST_DESCRIPTION)
	Mono<Page<MatchView>> firms(@PathVariable UUID entryId, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(50) int size,
			@RequestParam(defaultValue = "0") @DecimalMin("0") @DecimalMax("100") double minScore,
			@Parameter(description = "the firm's city") @RequestParam(required = false) City city,
			@RequestParam(required = false) List<Stage> stage,
			@RequestParam(required = false) List<IndustryChain> industryChain, ServerHttpRequest request,
			@AuthenticationPrincipal Jwt jwt) {
		CurrentUser user = CurrentUser.of(jwt);
		MatchFilters filters = new MatchFilters(city, null, null, null, set(stage, Stage.class),
				set(industryChain, IndustryChain.class), null);
		return language(request, user).flatMap((language) -> this.service.forEntry(Direction.FIRMS, entryId, filters,
				new Paging(page, size, minScore), user, language));
	}

	@GetMapping("/api/v1/matching/entries/{entryId}/needs")
	@Operation(
			summary = "A tech-transfer offering's technology needs: TECH_NEED entries and discoverable firms' needs "
					+ "(for the offering owner's members)",
			description = "Hard criteria for TECH_NEED entries: the offering's TRL at least the need's minimum, a deal "
					+ "mode in common, the asking price within the need's budget (when both are given). A firm's needs "
					+ "are free text: they match on their words. " + LIST_DESCRIPTION)
	Mono<Page<MatchView>> needs(@PathVariable UUID entryId, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(50) int size,
			@RequestParam(defaultValue = "0") @DecimalMin("0") @DecimalMax("100") double minScore,
			@Parameter(description = "the need's (or firm's) city") @RequestParam(required = false) City city,
			@Parameter(
					description = "only needs posted as entries (ENTRY) or written in firms' profiles (FIRM)") @RequestParam(
							required = false) CandidateType source,
			@RequestParam(required = false) List<IndustryChain> industryChain, ServerHttpRequest request,
			@AuthenticationPrincipal Jwt jwt) {
		CurrentUser user = CurrentUser.of(jwt);
		MatchFilters filters = new MatchFilters(city, null, null, null, null, set(industryChain, IndustryChain.class),
				source);
		return language(request, user).flatMap((language) -> this.service.forEntry(Direction.NEEDS, entryId, filters,
				new Paging(page, size, minScore), user, language));
	}

	@GetMapping("/api/v1/matching/entries/{entryId}/offerings")
	@Operation(summary = "A technology need's (TECH_NEED entry's) tech-transfer offerings (for its owner's members)",
			description = "Hard criteria: the offering's TRL at least the need's minimum, a deal mode in common, the "
					+ "asking price within the budget (a negotiable price passes). " + LIST_DESCRIPTION)
	Mono<Page<MatchView>> needOfferings(@PathVariable UUID entryId, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(50) int size,
			@RequestParam(defaultValue = "0") @DecimalMin("0") @DecimalMax("100") double minScore,
			@Parameter(description = "the offering's city") @RequestParam(required = false) City city,
			@RequestParam(required = false) List<DealMode> dealMode,
			@RequestParam(required = false) @Min(1) @Max(9) Integer minTrl,
			@RequestParam(required = false) List<IndustryChain> industryChain, ServerHttpRequest request,
			@AuthenticationPrincipal Jwt jwt) {
		CurrentUser user = CurrentUser.of(jwt);
		MatchFilters filters = new MatchFilters(city, null, set(dealMode, DealMode.class), minTrl, null,
				set(industryChain, IndustryChain.class), null);
		return language(request, user).flatMap((language) -> this.service.forEntry(Direction.NEED_OFFERINGS, entryId,
				filters, new Paging(page, size, minScore), user, language));
	}

	/** The request's language, else the user's, else Chinese. */
	private Mono<Language> language(ServerHttpRequest request, CurrentUser user) {
		List<Locale> accepted;
		try {
			accepted = request.getHeaders().getAcceptLanguageAsLocales();
		}
		catch (IllegalArgumentException ex) {
			// A malformed header asks for nothing in particular.
			accepted = List.of();
		}
		Language asked = Language.accepted(accepted);
		if (asked != null) {
			return Mono.just(asked);
		}
		return this.users.contact(user.id())
			.map((contact) -> Language.ofLocale(contact.locale()))
			.defaultIfEmpty(Language.ZH);
	}

	private static <E extends Enum<E>> Set<E> set(List<E> values, Class<E> type) {
		return (values == null || values.isEmpty()) ? null : EnumSet.copyOf(values);
	}

}
