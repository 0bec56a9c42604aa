package cn.cztexchange.search;

import java.util.List;

import cn.cztexchange.catalog.FinancingDetails;
import cn.cztexchange.catalog.IndustryChain;
import cn.cztexchange.catalog.InstrumentDetails;
import cn.cztexchange.catalog.ResourceKind;
import cn.cztexchange.catalog.TechNeedDetails;
import cn.cztexchange.catalog.TechOfferingDetails;
import cn.cztexchange.identity.City;
import cn.cztexchange.platform.InvalidRequestException;

/**
 * One search, as the query string gives it (already parsed and checked).
 *
 * @param q the words to look for; blank browses
 * @param kinds only these kinds
 * @param cities only these cities
 * @param districts only these districts
 * @param industryChains only entries in one of these chains
 * @param tags only entries with one of these tags
 * @param categories only instruments of these categories
 * @param serviceModes only instruments offering one of these modes
 * @param dealModes only offerings (and needs) with one of these deal modes
 * @param financingKinds only financing of these kinds
 * @param stages only financing for one of these stages
 * @param needTypes only technology needs of these types
 * @param priceMinFen, priceMaxFen price range in fen
 * @param ticketFen only financing whose ticket range contains this amount
 * @param near the point distances are measured from
 * @param radiusKm only entries within this distance of {@code near}
 * @param sort the order
 * @param size entries per page
 * @param after the cursor from the previous page
 * @throws InvalidRequestException when the parameters contradict each other (checked
 * here, so that every search is built consistent: the endpoint's and a saved one)
 */
record SearchRequest(String q, List<ResourceKind> kinds, List<City> cities, List<String> districts,
		List<IndustryChain> industryChains, List<String> tags, List<InstrumentDetails.Category> categories,
		List<InstrumentDetails.ServiceMode> serviceModes, List<TechOfferingDetails.DealMode> dealModes,
		List<FinancingDetails.FinancingKind> financingKinds, List<FinancingDetails.Stage> stages,
		List<TechNeedDetails.NeedType> needTypes, Long priceMinFen, Long priceMaxFen, Long ticketFen, GeoPoint near,
		Double radiusKm, Sort sort, int size, List<Object> after) {

	SearchRequest {
		if (priceMinFen != null && priceMaxFen != null && priceMinFen > priceMaxFen) {
			throw new InvalidRequestException("priceMinFen", "must not exceed priceMaxFen");
		}
		if (near == null && radiusKm != null) {
			throw new InvalidRequestException("near", "must be given with radiusKm");
		}
		if (near == null && sort == Sort.DISTANCE) {
			throw new InvalidRequestException("near", "must be given to sort by distance");
		}
	}

	/** The orders results can come in. */
	enum Sort {

		RELEVANCE, NEWEST, PRICE, DISTANCE

	}

	/**
	 * @param lat latitude
	 * @param lon longitude
	 */
	record GeoPoint(double lat, double lon) {

		/**
		 * Reads {@code lat,lon} (e.g. 28.19,112.97); null when blank; a 400 naming
		 * {@code near} when it is not a point.
		 */
		static GeoPoint parse(String near) {
			if (near == null || near.isBlank()) {
				return null;
			}
			String[] parts = near.split(",");
			try {
				if (parts.length == 2) {
					double lat = Double.parseDouble(parts[0].strip());
					double lon = Double.parseDouble(parts[1].strip());
					if (lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) {
						return new GeoPoint(lat, lon);
					}
				}
			}
			catch (NumberFormatException ex) {
				// answered below
			}
			throw new InvalidRequestException("near", "must be latitude,longitude such as 28.19,112.97");
		}

	}

}
