package cn.cztexchange.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.cztexchange.identity.OrganisationDirectory;
import cn.cztexchange.catalog.CatalogEntryRepository.PublishedRow;
import cn.cztexchange.identity.OrganisationDirectory.OrganisationSummary;
import cn.cztexchange.text.AnalysedText;

/** What other features (the search indexer) may read of the catalogue. */
@Service
public class CatalogReader {

	/**
	 * The outbox topic on which every publication and removal of an entry is announced.
	 */
	public static final String OUTBOX_TOPIC = "catalog-entry";

	private final CatalogEntryRepository entries;

	private final OrganisationDirectory organisations;

	CatalogReader(CatalogEntryRepository entries, OrganisationDirectory organisations) {
		this.entries = entries;
		this.organisations = organisations;
	}

	/**
	 * The entry as the public sees it now, or empty when it is not (or no longer)
	 * published.
	 */
	public Mono<PublishedEntry> published(UUID id) {
		return this.entries.findById(id)
			.filter((entry) -> entry.status() == EntryStatus.PUBLISHED)
			.flatMap((entry) -> this.organisations.find(entry.ownerOrganisationId())
				.map((owner) -> publishedOf(entry, null, owner)));
	}

	/**
	 * What the public sees of one entry, with its owner's id only, read without its
	 * working copy: for features that act on an entry on every request (booking).
	 */
	public Mono<PublishedContent> publishedContent(UUID id) {
		return publishedContents(List.of(id)).singleOrEmpty();
	}

	/** The same for several entries, read in one query; unpublished ones are left out. */
	public Flux<PublishedContent> publishedContents(Collection<UUID> ids) {
		return this.entries.findPublishedParts(ids.toArray(UUID[]::new))
			.collectList()
			.flatMapIterable((rows) -> rows.stream()
				.filter((row) -> row.entry().status() == EntryStatus.PUBLISHED)
				.map((row) -> new PublishedContent(row.entry().id(), row.entry().kind(),
						row.entry().ownerOrganisationId(), row.entry().published()))
				.toList());
	}

	/** Published entries with their owners, looked up in one query. */
	private Flux<PublishedEntry> withOwners(List<PublishedRow> batch) {
		if (batch.isEmpty()) {
			return Flux.empty();
		}
		Set<UUID> ownerIds = batch.stream().map((row) -> row.entry().ownerOrganisationId()).collect(Collectors.toSet());
		return this.organisations.findAll(ownerIds)
			.flatMapIterable((owners) -> batch.stream()
				.filter((row) -> owners.containsKey(row.entry().ownerOrganisationId()))
				.map((row) -> publishedOf(row.entry(), row.text(), owners.get(row.entry().ownerOrganisationId())))
				.toList());
	}

	private static PublishedEntry publishedOf(CatalogEntry entry, AnalysedText text, OrganisationSummary owner) {
		return new PublishedEntry(entry.id(), entry.kind(), owner, entry.published(), text, entry.publishedAt(),
				entry.version());
	}

	/**
	 * The current state of these entries for the search index, read at once, in no
	 * particular order: each with its version, and what the public sees if it is
	 * published. Entries that do not exist are left out.
	 */
	public Flux<IndexState> indexStates(Collection<UUID> ids) {
		return this.entries.findPublishedParts(ids.toArray(UUID[]::new))
			.collectList()
			.flatMapMany((batch) -> withOwners(
					batch.stream().filter((row) -> row.entry().status() == EntryStatus.PUBLISHED).toList())
				.collectMap(PublishedEntry::id)
				.flatMapIterable((published) -> batch.stream()
					.map(PublishedRow::entry)
					.map((entry) -> new IndexState(entry.id(), entry.version(), published.get(entry.id())))
					.toList()));
	}

	/**
	 * Every published entry, in id order, read in batches: for rebuilding the search
	 * index.
	 */
	public Flux<PublishedEntry> allPublished(int batchSize) {
		return batchesAfter(null, batchSize);
	}

	public Mono<Long> countPublished() {
		return this.entries.countPublished();
	}

	/** Ids of entries changed since the given time, published or not. */
	public Flux<UUID> changedSince(Instant since) {
		// Read whole before anything else happens: a consumer that fails half-way would
		// otherwise cancel a query still streaming on its pooled connection.
		return this.entries.changedSince(since).collectList().flatMapMany(Flux::fromIterable);
	}

	private Flux<PublishedEntry> batchesAfter(UUID after, int batchSize) {
		return this.entries.publishedAfter(after, batchSize).collectList().flatMapMany((batch) -> {
			if (batch.isEmpty()) {
				return Flux.empty();
			}
			Flux<PublishedEntry> entries = withOwners(batch);
			UUID last = batch.get(batch.size() - 1).entry().id();
			return (batch.size() < batchSize) ? entries
					: entries.concatWith(Flux.defer(() -> batchesAfter(last, batchSize)));
		});
	}

	/**
	 * A published entry.
	 *
	 * @param id the entry
	 * @param kind its kind
	 * @param owner the organisation that offers it
	 * @param content the approved content
	 * @param text the content's analysed text as stored when it was published, or null;
	 * for the index only, never shown
	 * @param publishedAt when it was approved
	 * @param version the entry's version (see {@link IndexState})
	 */
	public record PublishedEntry(UUID id, ResourceKind kind, OrganisationSummary owner, EntryContent content,
			@JsonIgnore AnalysedText text, Instant publishedAt, int version) {

		/**
		 * Its analysed text: the stored one if the current analysis made it, else anew.
		 */
		public AnalysedText currentText() {
			return (this.text != null && this.text.fromCurrentAnalysis()) ? this.text : this.content.analyseText();
		}
	}

	/**
	 * An entry as the search index should have it.
	 *
	 * @param id the entry
	 * @param version its version, which grows with every change: the index keeps the
	 * newest it was given, whatever order two indexers deliver them in
	 * @param published what the public sees, or null when it is not (or no longer)
	 * published
	 */
	public record IndexState(UUID id, int version, PublishedEntry published) {
	}

	/**
	 * A published entry's content and owner.
	 *
	 * @param id the entry
	 * @param kind its kind
	 * @param ownerOrganisationId the organisation that offers it
	 * @param content what the public sees
	 */
	public record PublishedContent(UUID id, ResourceKind kind, UUID ownerOrganisationId, EntryContent content) {
	}

}
