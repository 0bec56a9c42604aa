package cn.cztexchange.alerts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What clients send to keep and change saved searches. */
final class SavedSearchRequests {

	private SavedSearchRequests() {
	}

	/**
	 * Save a search.
	 *
	 * @param name what to call it
	 * @param query the query string of the search, as {@code GET /api/v1/search} takes it
	 * (e.g. {@code q=质谱&kind=INSTRUMENT&city=CHANGSHA}; a leading {@code ?} is fine;
	 * {@code size} and {@code after} are ignored); empty: every new entry
	 * @param emailDigest whether to get its new hits in the daily email digest (default
	 * false)
	 */
	record Create(
			@NotBlank(message = "must not be blank") @Size(max = 100,
					message = "must be at most 100 characters") String name,
			@Size(max = 2000, message = "must be at most 2000 characters") String query, Boolean emailDigest) {
	}

	/**
	 * Rename a saved search or turn its digest on or off (its query stays: save another
	 * search instead).
	 *
	 * @param name what to call it
	 * @param emailDigest whether to get its new hits in the daily email digest
	 */
	record Update(
			@NotBlank(message = "must not be blank") @Size(max = 100,
					message = "must be at most 100 characters") String name,
			@NotNull(message = "must be true or false") Boolean emailDigest) {
	}

}
