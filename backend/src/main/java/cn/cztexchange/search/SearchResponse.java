package cn.cztexchange.search;

import java.util.List;
import java.util.Map;

/**
 * A page of search results.
 *
 * @param total how many entries match in all
 * @param items this page's entries
 * @param facets for each facet, the values present among all matches and their counts
 * @param next the cursor for the next page ({@code after}), or null on the last page
 */
record SearchResponse(long total, List<Item> items, Map<String, List<FacetValue>> facets, String next) {

	/**
	 * One result.
	 *
	 * @param id the entry, for {@code GET /api/v1/resources/{id}}
	 * @param kind its kind
	 * @param titleZh its Chinese title
	 * @param titleEn its English title
	 * @param summaryZh its Chinese summary
	 * @param city its city
	 * @param district its district
	 * @param organisation who offers it
	 * @param priceFen its lowest price, if any
	 * @param highlights the matched words marked with {@code <em>} in title and summary
	 * fields
	 * @param distanceKm its distance from {@code near}, when sorted by distance
	 * @param location where it is, for the map ({@code lat}, {@code lon}), if known
	 * @param coverImageUrl its first image, if it has one
	 */
	record Item(String id, String kind, String titleZh, String titleEn, String summaryZh, String city, String district,
			Object organisation, Long priceFen, Map<String, List<String>> highlights, Double distanceKm,
			Object location, String coverImageUrl) {
	}

	/**
	 * @param value the facet value
	 * @param count how many matches have it
	 */
	record FacetValue(String value, long count) {
	}

}
