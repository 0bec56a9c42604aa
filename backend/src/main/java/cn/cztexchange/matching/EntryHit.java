package cn.cztexchange.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.cztexchange.catalog.EntryContent.Location;
import cn.cztexchange.catalog.FinancingDetails.FinancingKind;
import cn.cztexchange.catalog.FinancingDetails.Stage;
import cn.cztexchange.catalog.IndustryChain;
import cn.cztexchange.catalog.TechOfferingDetails.DealMode;
import cn.cztexchange.identity.City;
import cn.cztexchange.matching.FirmProfileView.OrganisationRef;

/**
 * A catalogue entry as the catalogue index holds it (its document's source): what a match
 * shows of it, and what the engine explains it with. Read from the index rather than from
 * PostgreSQL, as search results are.
 *
 * @param id the entry
 * @param kind its kind
 * @param titleZh its Chinese title
 * @param titleEn its English title
 * @param summaryZh its Chinese summary
 * @param summaryEn its English summary
 * @param city its city
 * @param district its district
 * @param industryChains its industry chains
 * @param organisation who offers it
 * @param location where it is
 * @param publishedAt when it was published
 * @param coverImageId its first image
 * @param details its kind's own fields, as the publisher wrote them
 * @param zhWords its analysed Chinese words (title, summary, tags, owner)
 * @param enWords its analysed English words
 */
record EntryHit(UUID id, String kind, String titleZh, String titleEn, String summaryZh, String summaryEn, City city,
		String district, List<IndustryChain> industryChains, OrganisationRef organisation, Location location,
		Instant publishedAt, String coverImageId, Map<String, Object> details, List<String> zhWords,
		List<String> enWords) {

	/** The document fields it is read from. */
	static final List<String> SOURCE_FIELDS = List.of("id", "kind", "titleZh", "titleEn", "summaryZh", "summaryEn",
			"city", "district", "industryChains", "organisation", "location", "publishedAt", "coverImageId", "details",
			"titleZhWords", "summaryZhWords", "contextWords", "titleEnWords", "summaryEnWords");

	@SuppressWarnings("unchecked")
	static EntryHit of(Map<String, Object> source) {
		Map<String, Object> organisation = (Map<String, Object>) source.get("organisation");
		Map<String, Object> location = (Map<String, Object>) source.get("location");
		Map<String, Object> details = (Map<String, Object>) source.get("details");
		return new EntryHit(UUID.fromString((String) source.get("id")), (String) source.get("kind"),
				(String) source.get("titleZh"), (String) source.get("titleEn"), (String) source.get("summaryZh"),
				(String) source.get("summaryEn"), City.valueOf((String) source.get("city")),
				(String) source.get("district"), enums(source.get("industryChains"), IndustryChain.class),
				(organisation != null) ? new OrganisationRef(UUID.fromString((String) organisation.get("id")),
						(String) organisation.get("nameZh"), (String) organisation.get("nameEn")) : null,
				(location != null) ? new Location(number(location.get("lat")).doubleValue(),
						number(location.get("lon")).doubleValue()) : null,
				Instant.parse((String) source.get("publishedAt")), (String) source.get("coverImageId"),
				(details != null) ? details : Map.of(),
				words(source.get("titleZhWords"), source.get("summaryZhWords"), source.get("contextWords")),
				words(source.get("titleEnWords"), source.get("summaryEnWords")));
	}

	// ------------------------------------------------------------- financing details

	FinancingKind financingKind() {
		Object kind = this.details.get("financingKind");
		return (kind != null) ? FinancingKind.valueOf(kind.toString()) : null;
	}

	List<Stage> stages() {
		return enums(this.details.get("stages"), Stage.class);
	}

	Long ticketMinFen() {
		return longValue(this.details.get("ticketMinFen"));
	}

	Long ticketMaxFen() {
		return longValue(this.details.get("ticketMaxFen"));
	}

	/**
	 * The cities whose firms it serves; empty: all (also in content from before cities).
	 */
	List<City> cities() {
		return enums(this.details.get("cities"), City.class);
	}

	/** The qualifications a firm needs for it; empty when none. */
	List<Qualification> requiredQualifications() {
		return enums(this.details.get("requiredQualifications"), Qualification.class);
	}

	// ------------------------------------------------------------- offering and need
	// details

	Integer trl() {
		Long trl = longValue(this.details.get("trl"));
		return (trl != null) ? trl.intValue() : null;
	}

	Set<DealMode> dealModes() {
		return Set.copyOf(enums(this.details.get("dealModes"), DealMode.class));
	}

	Long askingPriceFen() {
		return longValue(this.details.get("askingPriceFen"));
	}

	Integer minTrl() {
		Long trl = longValue(this.details.get("minTrl"));
		return (trl != null) ? trl.intValue() : null;
	}

	Long budgetMaxFen() {
		return longValue(this.details.get("budgetMaxFen"));
	}

	// ------------------------------------------------------------- reading

	static <E extends Enum<E>> List<E> enums(Object values, Class<E> type) {
		if (!(values instanceof List<?> list)) {
			return List.of();
		}
		List<E> parsed = new ArrayList<>();
		for (Object value : list) {
			for (E constant : type.getEnumConstants()) {
				if (constant.name().equals(String.valueOf(value))) {
					parsed.add(constant);
				}
			}
		}
		return parsed;
	}

	private static Number number(Object value) {
		return (value instanceof Number n) ? n : Double.valueOf(String.valueOf(value));
	}

	private static Long longValue(Object value) {
		if (value == null) {
			return null;
		}
		return (value instanceof Number n) ? n.longValue() : Long.valueOf(value.toString());
	}

	/** The distinct words of analysed fields (words separated by spaces). */
	static List<String> words(Object... fields) {
		return Arrays.stream(fields)
			.filter((field) -> field instanceof String)
			.flatMap((field) -> Arrays.stream(((String) field).split(" ")))
			.filter(MatchText::telling)
			.distinct()
			.collect(Collectors.toList());
	}

}
