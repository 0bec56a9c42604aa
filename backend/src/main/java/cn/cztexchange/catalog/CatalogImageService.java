package cn.cztexchange.catalog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import cn.cztexchange.identity.CurrentUser;
import cn.cztexchange.platform.DomainException;
import cn.cztexchange.platform.Ids;

/**
 * Pictures of entries. Publishers of the entry's organisation upload and delete them; its
 * members see them all; everyone sees those that the entry's published content shows.
 */
@Service
class CatalogImageService {

	private final CatalogImageRepository images;

	private final CatalogEntryRepository entries;

	private final CatalogService catalog;

	private final CatalogImageProperties properties;

	private final Clock clock;

	CatalogImageService(CatalogImageRepository images, CatalogEntryRepository entries, CatalogService catalog,
			CatalogImageProperties properties, Clock clock) {
		this.images = images;
		this.entries = entries;
		this.catalog = catalog;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Checks the file (off the event loop: decoding is work), then stores it; 409 once
	 * the entry has as many images as allowed.
	 */
	@Transactional
	Mono<CatalogImage> upload(UUID entryId, byte[] bytes, CurrentUser user) {
		return this.catalog.editable(entryId, user)
			.then(Mono.fromCallable(() -> UploadedImage.inspect(bytes, this.properties.maxDimension()))
				.subscribeOn(Schedulers.boundedElastic()))
			.flatMap((inspected) -> this.entries.lock(entryId)
				.then(this.images.countByEntry(entryId))
				.flatMap((count) -> {
					if (count >= this.properties.maxPerEntry()) {
						return Mono.error(DomainException.conflict("The entry already has " + count
								+ " images, the most allowed; delete one before adding another."));
					}
					CatalogImage image = new CatalogImage(Ids.newId(this.clock), entryId, inspected.contentType(),
							bytes.length, inspected.width(), inspected.height(), sha256(bytes), bytes,
							this.clock.instant(), user.id());
					return this.images.insert(image).thenReturn(image);
				}));
	}

	Flux<CatalogImage> list(UUID entryId, CurrentUser user) {
		return this.catalog.visible(entryId, user).thenMany(Flux.defer(() -> this.images.findByEntry(entryId)));
	}

	/**
	 * Deletes the image and takes it out of the working copy; 409 while the published
	 * content shows it (publish a version without it first) or while the working copy
	 * that shows it waits for review.
	 */
	@Transactional
	Mono<Void> delete(UUID entryId, UUID imageId, CurrentUser user) {
		return this.catalog.editable(entryId, user).flatMap((entry) -> {
			if (entry.published() != null && entry.published().images().contains(imageId)) {
				return Mono.error(DomainException.conflict(
						"The published entry shows this image; publish a version without it before deleting it."));
			}
			boolean inDraft = entry.draft().images().contains(imageId);
			if (inDraft && entry.review() == ReviewState.PENDING) {
				return Mono.error(DomainException
					.conflict("The entry is waiting for review with this image; withdraw it to delete the image."));
			}
			return this.images.delete(entryId, imageId).flatMap((deleted) -> {
				if (!deleted) {
					return Mono.error(DomainException.notFound("The image"));
				}
				return inDraft ? withoutImage(entry, imageId) : Mono.empty();
			});
		});
	}

	/**
	 * The image with its bytes, and whether anyone may see it: anonymous callers see only
	 * images of published content; members of the entry's organisation and admins see
	 * all; everyone else gets 404.
	 */
	Mono<Served> read(UUID imageId, CurrentUser user) {
		return this.images.findById(imageId)
			.flatMap((image) -> this.entries.findById(image.entryId()).flatMap((entry) -> {
				boolean published = entry.status() == EntryStatus.PUBLISHED && entry.published() != null
						&& entry.published().images().contains(imageId);
				if (published) {
					return Mono.just(new Served(image, true));
				}
				return (user != null) ? this.catalog.visible(entry.id(), user)
					.map((visible) -> new Served(image, false))
					.onErrorResume(DomainException.class, (ex) -> Mono.empty()) : Mono.empty();
			}))
			.switchIfEmpty(Mono.error(() -> DomainException.notFound("The image")));
	}

	private Mono<Void> withoutImage(CatalogEntry entry, UUID imageId) {
		EntryContent draft = entry.draft();
		List<UUID> remaining = new ArrayList<>(draft.images());
		remaining.remove(imageId);
		EntryContent changed = draft.withImageIds(remaining);
		CatalogEntry after = entry.with(entry.status(), entry.review(), changed, entry.published(),
				entry.rejectionReason(), this.clock.instant(), entry.submittedAt(), entry.publishedAt());
		return this.entries.update(after, entry.version())
			.flatMap((saved) -> saved ? Mono.<Void>empty() : Mono.error(
					DomainException.conflict("Someone else changed this entry meanwhile; reload it and try again.")));
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param image the image with its bytes
	 * @param isPublic whether it is shown by published content, so anyone may cache it
	 */
	record Served(CatalogImage image, boolean isPublic) {
	}

}
