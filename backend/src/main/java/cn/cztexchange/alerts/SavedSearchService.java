package cn.cztexchange.alerts;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import cn.cztexchange.catalog.CatalogReader;
import cn.cztexchange.catalog.CatalogReader.PublishedContent;
import cn.cztexchange.identity.CurrentUser;
import cn.cztexchange.platform.DomainException;
import cn.cztexchange.platform.Ids;
import cn.cztexchange.platform.Page;
import cn.cztexchange.search.SavedQueries;
import cn.cztexchange.search.SavedQuery;

/** A user's saved searches: each is its owner's alone, and anyone else gets a 404. */
@Service
class SavedSearchService {

	private final SavedSearchRepository searches;

	private final CatalogReader catalog;

	private final AlertsProperties properties;

	private final TransactionalOperator transaction;

	private final Clock clock;

	SavedSearchService(SavedSearchRepository searches, CatalogReader catalog, AlertsProperties properties,
			TransactionalOperator transaction, Clock clock) {
		this.searches = searches;
		this.catalog = catalog;
		this.properties = properties;
		this.transaction = transaction;
		this.clock = clock;
	}

	Mono<List<SavedSearchView>> list(CurrentUser user) {
		return this.searches.ofUser(user.id()).map(SavedSearchView::of).collectList();
	}

	Mono<SavedSearchView> get(UUID id, CurrentUser user) {
		return this.searches.findOwned(id, user.id()).map(SavedSearchView::of).switchIfEmpty(notFound());
	}

	/**
	 * Saves a search: 400 when the search endpoint would refuse its query string, 409
	 * when the user keeps as many as allowed or saved the same search before.
	 */
	Mono<SavedSearchView> create(SavedSearchRequests.Create request, CurrentUser user) {
		return Mono.defer(() -> {
			SavedQuery query = SavedQueries.parse(request.query(), "query");
			SavedSearch search = new SavedSearch(Ids.newId(this.clock), user.id(), request.name().strip(),
					query.queryString(), Boolean.TRUE.equals(request.emailDigest()), this.clock.instant());
			List<String> kinds = query.kinds().stream().map(Enum::name).sorted().toList();
			int limit = this.properties.maxPerUser();
			return this.searches.lockSaving(user.id())
				.then(this.searches.findByQuery(user.id(), search.query()))
				.flatMap((existing) -> Mono.<Void>error(AlertsProblems.alreadySaved(existing)))
				.then(this.searches.countOf(user.id()))
				.flatMap((count) -> (count >= limit) ? Mono.error(AlertsProblems.tooMany(limit))
						: this.searches.insert(search, kinds))
				.thenReturn(new SavedSearchView(search.id(), search.name(), search.query(), search.emailDigest(),
						search.createdAt(), 0, null))
				.as(this.transaction::transactional);
		});
	}

	Mono<SavedSearchView> update(UUID id, SavedSearchRequests.Update request, CurrentUser user) {
		return this.searches.update(id, user.id(), request.name().strip(), request.emailDigest(), this.clock.instant())
			.flatMap(
					(updated) -> updated ? this.searches.findOwned(id, user.id()).map(SavedSearchView::of) : notFound())
			.as(this.transaction::transactional);
	}

	Mono<Void> delete(UUID id, CurrentUser user) {
		return this.searches.delete(id, user.id()).flatMap((deleted) -> deleted ? Mono.<Void>empty() : notFound());
	}

	/**
	 * A page of the entries the saved search found, newest first, with what the catalogue
	 * shows of each now (read in one query).
	 */
	Mono<Page<SavedSearchHit>> hits(UUID id, int page, int size, CurrentUser user) {
		return this.searches.findOwned(id, user.id())
			.switchIfEmpty(notFound())
			.flatMap((listed) -> this.searches.hits(id, page, size)
				.collectList()
				.flatMap((hits) -> this.catalog
					.publishedContents(hits.stream().map(SavedSearchRepository.Hit::entryId).toList())
					.collectMap(PublishedContent::id, Function.identity())
					.map((published) -> new Page<>(hits.stream().map((hit) -> hit(hit, published)).toList(), page, size,
							listed.hitCount()))));
	}

	private static SavedSearchHit hit(SavedSearchRepository.Hit hit, Map<UUID, PublishedContent> published) {
		PublishedContent entry = published.get(hit.entryId());
		if (entry == null) {
			return new SavedSearchHit(hit.entryId(), hit.foundAt(), false, null, null, null, null, null);
		}
		return new SavedSearchHit(hit.entryId(), hit.foundAt(), true, entry.kind(), entry.content().titleZh(),
				entry.content().titleEn(), entry.content().city(), entry.content().district());
	}

	private static <T> Mono<T> notFound() {
		return Mono.error(DomainException.notFound("The saved search"));
	}

}
