package cn.cztexchange.matching;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.cztexchange.catalog.EntryContent.Location;
import cn.cztexchange.catalog.FinancingDetails.Stage;
import cn.cztexchange.catalog.IndustryChain;
import cn.cztexchange.identity.City;

/**
 * A discoverable firm as the firms index holds it: what the engine explains a match with.
 * What a match shows of it is its public card, read from PostgreSQL.
 *
 * @param id the firm (its organisation)
 * @param industryChains its industry chains
 * @param stage its stage
 * @param city its city
 * @param location where it is
 * @param amountMinFen the least it seeks
 * @param amountMaxFen the most it seeks
 * @param instruments how it prefers to raise money
 * @param updatedAt when its profile was last saved
 * @param zhWords its analysed Chinese words (products, needs, chains, place)
 * @param enWords its analysed English words
 */
record FirmHit(UUID id, List<IndustryChain> industryChains, Stage stage, City city, Location location,
		Long amountMinFen, Long amountMaxFen, List<FundingInstrument> instruments, Instant updatedAt,
		List<String> zhWords, List<String> enWords) {

	static final List<String> SOURCE_FIELDS = List.of("id", "industryChains", "stage", "city", "location",
			"amountMinFen", "amountMaxFen", "instruments", "updatedAt", "productsZhWords", "productsEnWords",
			"needsZhWords", "needsEnWords", "contextWords");

	@SuppressWarnings("unchecked")
	static FirmHit of(Map<String, Object> source) {
		Map<String, Object> location = (Map<String, Object>) source.get("location");
		return new FirmHit(UUID.fromString((String) source.get("id")),
				EntryHit.enums(source.get("industryChains"), IndustryChain.class),
				Stage.valueOf((String) source.get("stage")), City.valueOf((String) source.get("city")),
				(location != null) ? new Location(((Number) location.get("lat")).doubleValue(),
						((Number) location.get("lon")).doubleValue()) : null,
				(source.get("amountMinFen") instanceof Number n) ? n.longValue() : null,
				(source.get("amountMaxFen") instanceof Number n) ? n.longValue() : null,
				EntryHit.enums(source.get("instruments"), FundingInstrument.class),
				Instant.parse((String) source.get("updatedAt")),
				EntryHit.words(source.get("productsZhWords"), source.get("needsZhWords"), source.get("contextWords")),
				EntryHit.words(source.get("productsEnWords"), source.get("needsEnWords")));
	}

}
