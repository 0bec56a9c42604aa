package cn.cztexchange.search;

import java.util.List;
import java.util.Set;

import cn.cztexchange.catalog.ResourceKind;

/**
 * A query string of {@code GET /api/v1/search}, checked as the endpoint checks it and
 * kept in a canonical form, for other features to store and match later (saved searches).
 * Made by {@link SavedQueries#parse}; what it searches for is the search package's
 * business.
 */
public final class SavedQuery {

	private final SearchRequest request;

	private final String queryString;

	SavedQuery(SearchRequest request, String queryString) {
		this.request = request;
		this.queryString = queryString;
	}

	/**
	 * The canonical query string: the parameters in a fixed order, each one's values
	 * sorted and without repeats, no paging, percent-encoded in UTF-8 (spaces as
	 * {@code +}), without a leading {@code ?}. The same search always reads the same, so
	 * that it can be compared, and {@code /search?} followed by it opens it in the web
	 * app.
	 */
	public String queryString() {
		return this.queryString;
	}

	/** The kinds it is limited to; empty when it searches every kind. */
	public Set<ResourceKind> kinds() {
		List<ResourceKind> kinds = this.request.kinds();
		return (kinds != null) ? Set.copyOf(kinds) : Set.of();
	}

	SearchRequest request() {
		return this.request;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SavedQuery saved && saved.queryString.equals(this.queryString);
	}

	@Override
	public int hashCode() {
		return this.queryString.hashCode();
	}

	@Override
	public String toString() {
		return this.queryString;
	}

}
