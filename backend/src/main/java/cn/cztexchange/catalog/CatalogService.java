package cn.cztexchange.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.cztexchange.identity.CurrentUser;
import cn.cztexchange.identity.OrganisationDirectory;
import cn.cztexchange.identity.OrganisationDirectory.Standing;
import cn.cztexchange.identity.OrganisationType;
import cn.cztexchange.identity.Role;
import cn.cztexchange.platform.DomainException;
import cn.cztexchange.platform.FieldError;
import cn.cztexchange.platform.Ids;
import cn.cztexchange.platform.InvalidRequestException;
import cn.cztexchange.platform.Outbox;
import cn.cztexchange.platform.Page;

/**
 * The publishing lifecycle. Publishers of an organisation (its managers, and members with
 * the PUBLISHER role) write drafts and submit them; so do firms and investors for the
 * kind that is theirs (see {@link #requirePublisher}). Admins approve or send them back.
 * Approving copies the working copy to what the public sees and announces it on the
 * outbox, in the same transaction; so does archiving a published entry.
 */
@Service
class CatalogService {

	/** Where the platform's users live: dates such as deadlines are read there. */
	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final CatalogEntryRepository entries;

	private final OrganisationDirectory organisations;

	private final Outbox outbox;

	private final CatalogImageRepository images;

	private final Clock clock;

	CatalogService(CatalogEntryRepository entries, OrganisationDirectory organisations, Outbox outbox,
			CatalogImageRepository images, Clock clock) {
		this.entries = entries;
		this.organisations = organisations;
		this.outbox = outbox;
		this.images = images;
		this.clock = clock;
	}

	@Transactional
	Mono<CatalogEntryResponse> create(CatalogRequests.Create request, CurrentUser user) {
		return Mono.defer(() -> {
			checkContent(request.kind(), request.content(), Set.of(), today());
			return this.organisations.find(request.ownerOrganisationId())
				.switchIfEmpty(Mono
					.error(() -> new InvalidRequestException("ownerOrganisationId", "no organisation has this id")))
				.then(requirePublisher(request.ownerOrganisationId(), request.kind(), user))
				.then(Mono.defer(() -> {
					Instant now = this.clock.instant();
					CatalogEntry entry = new CatalogEntry(Ids.newId(this.clock), request.kind(),
							request.ownerOrganisationId(), EntryStatus.DRAFT, ReviewState.EDITING, request.content(),
							null, null, user.id(), now, now, null, null, 1);
					return this.entries.insert(entry).thenReturn(CatalogEntryResponse.of(entry));
				}));
		});
	}

	Mono<CatalogEntryResponse> get(UUID id, CurrentUser user) {
		return visible(id, user).map(CatalogEntryResponse::of);
	}

	Mono<Page<CatalogEntryResponse>> ofOrganisation(UUID organisationId, CurrentUser user, int page, int size) {
		return member(organisationId, user)
			.then(Mono.zip(
					this.entries.findByOwner(organisationId, page, size).map(CatalogEntryResponse::of).collectList(),
					this.entries.countByOwner(organisationId)))
			.map((t) -> new Page<>(t.getT1(), page, size, t.getT2()));
	}

	Mono<Page<CatalogEntryResponse>> reviewQueue(int page, int size) {
		return Mono
			.zip(this.entries.pendingReview(page, size).map(CatalogEntryResponse::of).collectList(),
					this.entries.countPendingReview())
			.map((t) -> new Page<>(t.getT1(), page, size, t.getT2()));
	}

	/**
	 * Replaces the working copy; what is published stays until an admin approves the
	 * change.
	 */
	@Transactional
	Mono<CatalogEntryResponse> update(UUID id, CatalogRequests.Update request, CurrentUser user) {
		return editable(id, user).flatMap((entry) -> this.images.idsOf(entry.id()).flatMap((imageIds) -> {
			checkContent(entry.kind(), request.content(), imageIds, today());
			if (entry.review() == ReviewState.PENDING) {
				return Mono.error(DomainException.conflict("The entry is waiting for review; withdraw it to edit."));
			}
			if (request.version() != entry.version()) {
				return Mono.error(staleVersion(entry));
			}
			return save(entry, entry.with(entry.status(), ReviewState.EDITING, request.content(), entry.published(),
					null, this.clock.instant(), entry.submittedAt(), entry.publishedAt()));
		}));
	}

	/**
	 * Creates every entry as a draft of the organisation, and with {@code submit} submits
	 * them for review too; all or none. {@code progress} hears how many are written so
	 * far.
	 */
	@Transactional
	Mono<List<UUID>> createAll(ResourceKind kind, UUID organisationId, List<EntryContent> contents, boolean submit,
			CurrentUser user, IntFunction<Mono<Void>> progress) {
		return this.organisations.find(organisationId)
			.switchIfEmpty(
					Mono.error(() -> new InvalidRequestException("organisationId", "no organisation has this id")))
			.flatMap((organisation) -> requirePublisher(organisationId, kind, user)
				.then(submit ? requireVerified(organisation) : Mono.empty()))
			.thenMany(Flux.range(0, contents.size()).concatMap((index) -> {
				EntryContent content = contents.get(index);
				checkContent(kind, content, Set.of(), today());
				Instant now = this.clock.instant();
				CatalogEntry entry = new CatalogEntry(Ids.newId(this.clock), kind, organisationId, EntryStatus.DRAFT,
						submit ? ReviewState.PENDING : ReviewState.EDITING, content, null, null, user.id(), now, now,
						submit ? now : null, null, 1);
				return this.entries.insert(entry).then(progress.apply(index + 1)).thenReturn(entry.id());
			}))
			.collectList();
	}

	@Transactional
	Mono<CatalogEntryResponse> submit(UUID id, CurrentUser user) {
		return editable(id, user).flatMap((entry) -> {
			if (entry.review() == ReviewState.PENDING) {
				return Mono.error(DomainException.conflict("The entry already waits for review."));
			}
			// What was fine when saved may have run out since (a need's deadline).
			List<FieldError> errors = contentErrors(entry.kind(), entry.draft(), today());
			if (!errors.isEmpty()) {
				return Mono.error(new InvalidRequestException(errors));
			}
			return this.organisations.find(entry.ownerOrganisationId())
				.flatMap(CatalogService::requireVerified)
				.then(Mono.defer(() -> {
					Instant now = this.clock.instant();
					return save(entry, entry.with(entry.status(), ReviewState.PENDING, entry.draft(), entry.published(),
							null, now, now, entry.publishedAt()));
				}));
		});
	}

	@Transactional
	Mono<CatalogEntryResponse> withdraw(UUID id, CurrentUser user) {
		return editable(id, user).flatMap((entry) -> (entry.review() != ReviewState.PENDING)
				? Mono.error(DomainException.conflict("The entry is not waiting for review."))
				: save(entry, entry.with(entry.status(), ReviewState.EDITING, entry.draft(), entry.published(), null,
						this.clock.instant(), entry.submittedAt(), entry.publishedAt())));
	}

	/**
	 * Takes the entry out of the catalogue for good; a published one leaves the search
	 * index.
	 */
	@Transactional
	Mono<CatalogEntryResponse> archive(UUID id, CurrentUser user) {
		return editable(id, user).flatMap((entry) -> {
			CatalogEntry archived = entry.with(EntryStatus.ARCHIVED, ReviewState.EDITING, entry.draft(),
					entry.published(), null, this.clock.instant(), entry.submittedAt(), entry.publishedAt());
			Mono<Void> announce = (entry.status() == EntryStatus.PUBLISHED)
					? this.outbox.append(CatalogReader.OUTBOX_TOPIC, entry.id(), Map.of("event", "REMOVED"))
					: Mono.empty();
			return save(entry, archived).flatMap((saved) -> announce.thenReturn(saved));
		});
	}

	@Transactional
	Mono<CatalogEntryResponse> approve(UUID id) {
		return pending(id).flatMap((entry) -> {
			Instant now = this.clock.instant();
			return save(entry,
					entry.with(EntryStatus.PUBLISHED, ReviewState.EDITING, entry.draft(), entry.draft(), null, now,
							entry.submittedAt(), now))
				.flatMap((saved) -> this.outbox
					.append(CatalogReader.OUTBOX_TOPIC, entry.id(), Map.of("event", "PUBLISHED"))
					.thenReturn(saved));
		});
	}

	@Transactional
	Mono<CatalogEntryResponse> reject(UUID id, String reason) {
		return pending(id).flatMap((entry) -> save(entry,
				entry.with(entry.status(), ReviewState.REJECTED, entry.draft(), entry.published(), reason.strip(),
						this.clock.instant(), entry.submittedAt(), entry.publishedAt())));
	}

	private Mono<CatalogEntryResponse> save(CatalogEntry before, CatalogEntry after) {
		return this.entries.update(after, before.version())
			.flatMap((saved) -> saved ? Mono.just(CatalogEntryResponse.of(after)) : Mono.error(staleVersion(before)));
	}

	private Mono<CatalogEntry> pending(UUID id) {
		return this.entries.findById(id)
			.switchIfEmpty(Mono.error(() -> DomainException.notFound("The entry")))
			.flatMap((entry) -> (entry.review() == ReviewState.PENDING) ? Mono.just(entry)
					: Mono.error(DomainException.conflict("The entry is not waiting for review.")));
	}

	static Mono<Void> requireVerified(OrganisationDirectory.OrganisationSummary organisation) {
		return organisation.verified() ? Mono.empty() : Mono.error(DomainException
			.conflict("Entries are published only for verified organisations; ask an admin to verify yours."));
	}

	/**
	 * The entry, when the caller may change it: 404 when they may not even see it, 403
	 * when only see it.
	 */
	Mono<CatalogEntry> editable(UUID id, CurrentUser user) {
		return visible(id, user).flatMap((entry) -> {
			if (entry.status() == EntryStatus.ARCHIVED) {
				return Mono.error(DomainException.conflict("The entry is archived."));
			}
			return requirePublisher(entry.ownerOrganisationId(), entry.kind(), user).thenReturn(entry);
		});
	}

	/**
	 * The entry, when the caller belongs to its organisation or is an admin; 404
	 * otherwise.
	 */
	Mono<CatalogEntry> visible(UUID id, CurrentUser user) {
		return this.entries.findById(id)
			.flatMap((entry) -> user.isAdmin() ? Mono.just(entry)
					: this.organisations.standing(user.id(), entry.ownerOrganisationId())
						.flatMap((standing) -> standing.isPresent() ? Mono.just(entry) : Mono.empty()))
			.switchIfEmpty(Mono.error(() -> DomainException.notFound("The entry")));
	}

	private Mono<Void> member(UUID organisationId, CurrentUser user) {
		if (user.isAdmin()) {
			return Mono.empty();
		}
		return this.organisations.standing(user.id(), organisationId)
			.flatMap((standing) -> standing.isPresent() ? Mono.<Void>empty()
					: Mono.error(DomainException.forbidden("Only members of this organisation see its entries.")));
	}

	/**
	 * Who writes an organisation's entries of a kind: admins, the organisation's managers
	 * and its members with the PUBLISHER role, all kinds; and its members whose platform
	 * role matches what the organisation is, the one kind that is theirs: members with
	 * the FIRM role of a FIRM organisation its technology needs, members with the
	 * INVESTOR role of an INVESTOR organisation its financing entries. A firm's staff
	 * post what the firm needs without waiting for a manager, but cannot speak for the
	 * firm's instruments or offerings.
	 */
	Mono<Void> requirePublisher(UUID organisationId, ResourceKind kind, CurrentUser user) {
		if (user.isAdmin()) {
			return Mono.empty();
		}
		return this.organisations.standing(user.id(), organisationId).flatMap((standing) -> {
			if (standing.filter((s) -> s == Standing.MANAGER).isPresent()
					|| (standing.isPresent() && user.roles().contains(Role.PUBLISHER))) {
				return Mono.<Void>empty();
			}
			OwnKind own = OwnKind.of(kind);
			if (standing.isEmpty() || own == null || !user.roles().contains(own.role())) {
				return Mono.error(notAPublisher());
			}
			return this.organisations.find(organisationId)
				.filter((organisation) -> organisation.type() == own.organisationType())
				.switchIfEmpty(Mono.error(CatalogService::notAPublisher))
				.then();
		});
	}

	private static DomainException notAPublisher() {
		return DomainException.forbidden("Only the organisation's managers and publishers publish its entries; "
				+ "members with the FIRM role also publish a firm's technology needs, "
				+ "members with the INVESTOR role an investor's financing entries.");
	}

	/**
	 * The kind that members of one type of organisation with the matching platform role
	 * may write.
	 */
	private enum OwnKind {

		FIRM_NEEDS(ResourceKind.TECH_NEED, Role.FIRM, OrganisationType.FIRM),

		INVESTOR_FINANCING(ResourceKind.FINANCING, Role.INVESTOR, OrganisationType.INVESTOR);

		private final ResourceKind kind;

		private final Role role;

		private final OrganisationType organisationType;

		OwnKind(ResourceKind kind, Role role, OrganisationType organisationType) {
			this.kind = kind;
			this.role = role;
			this.organisationType = organisationType;
		}

		Role role() {
			return this.role;
		}

		OrganisationType organisationType() {
			return this.organisationType;
		}

		static OwnKind of(ResourceKind kind) {
			for (OwnKind own : values()) {
				if (own.kind == kind) {
					return own;
				}
			}
			return null;
		}

	}

	/** Today in the platform's time zone, where deadlines are dates. */
	private LocalDate today() {
		return today(this.clock);
	}

	static LocalDate today(Clock clock) {
		return LocalDate.now(clock.withZone(ZONE));
	}

	/**
	 * What the annotations cannot check: the kind-specific part must be the one of the
	 * entry's kind, and the only one; ranges must not be upside down; the images shown
	 * must be the entry's own.
	 */
	private static void checkContent(ResourceKind kind, EntryContent content, Set<UUID> entryImages, LocalDate today) {
		List<FieldError> errors = contentErrors(kind, content, today);
		Set<UUID> seen = new HashSet<>();
		List<UUID> imageIds = content.images();
		for (int i = 0; i < imageIds.size(); i++) {
			UUID imageId = imageIds.get(i);
			if (imageId != null && !entryImages.contains(imageId)) {
				errors.add(new FieldError("content.imageIds[" + i + "]",
						"is not an image of this entry; upload it to the entry first"));
			}
			else if (imageId != null && !seen.add(imageId)) {
				errors.add(new FieldError("content.imageIds[" + i + "]", "is listed twice"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
	}

	/**
	 * The rules of {@link #checkContent} that need no database, as field errors named
	 * {@code content.…}; {@code today} (in Asia/Shanghai) for deadlines.
	 */
	static List<FieldError> contentErrors(ResourceKind kind, EntryContent content, LocalDate today) {
		List<FieldError> errors = new ArrayList<>();
		for (ResourceKind other : ResourceKind.values()) {
			String field = "content." + fieldName(other);
			boolean present = content.detailsOf(other) != null;
			if (other == kind && !present) {
				errors.add(new FieldError(field, "must be given for a " + kind + " entry"));
			}
			else if (other != kind && present) {
				errors.add(new FieldError(field, "must be absent from a " + kind + " entry"));
			}
		}
		FinancingDetails financing = content.financing();
		if (financing != null && financing.ticketMinFen() != null && financing.ticketMaxFen() != null
				&& financing.ticketMinFen() > financing.ticketMaxFen()) {
			errors.add(new FieldError("content.financing.ticketMinFen", "must not exceed ticketMaxFen"));
		}
		TechNeedDetails need = content.techNeed();
		if (need != null && need.budgetMinFen() != null && need.budgetMaxFen() != null
				&& need.budgetMinFen() > need.budgetMaxFen()) {
			errors.add(new FieldError("content.techNeed.budgetMinFen", "must not exceed budgetMaxFen"));
		}
		if (need != null && need.deadline() != null && need.deadline().isBefore(today)) {
			errors.add(new FieldError("content.techNeed.deadline",
					"must not be in the past (today is " + today + " in Asia/Shanghai)"));
		}
		return errors;
	}

	static String fieldName(ResourceKind kind) {
		return switch (kind) {
			case INSTRUMENT -> "instrument";
			case SERVICE -> "service";
			case LITERATURE -> "literature";
			case TECH_OFFERING -> "techOffering";
			case FINANCING -> "financing";
			case TECH_NEED -> "techNeed";
		};
	}

	private static DomainException staleVersion(CatalogEntry current) {
		return DomainException.conflict("Someone else changed this entry meanwhile (it is now at version "
				+ current.version() + "); reload it and apply your changes again.");
	}

}
