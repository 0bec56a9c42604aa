package cn.cztexchange.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies of realistic entries, as a publisher's form would send them. */
final class CatalogTestEntries {

	private CatalogTestEntries() {
	}

	static Map<String, Object> instrument(UUID organisationId, String titleZh) {
		Map<String, Object> content = common(titleZh, "Inductively coupled plasma mass spectrometer");
		content.put("instrument", new HashMap<>(Map.of("model", "7900", "manufacturer", "Agilent", "category",
				"ANALYTICAL", "mainFunctions", "痕量元素分析", "serviceModes", List.of("SAMPLE_SUBMISSION", "MACHINE_TIME"),
				"externalPrice", Map.of("amountFen", 80000, "unit", "PER_SAMPLE"), "operatingStatus", "IN_SERVICE")));
		return create("INSTRUMENT", organisationId, content);
	}

	static Map<String, Object> create(String kind, UUID organisationId, Map<String, Object> content) {
		return Map.of("kind", kind, "ownerOrganisationId", organisationId.toString(), "content", content);
	}

	static Map<String, Object> common(String titleZh, String titleEn) {
		Map<String, Object> content = new HashMap<>();
		content.put("titleZh", titleZh);
		content.put("titleEn", titleEn);
		content.put("summaryZh", "可测定 70 余种元素，检出限达 ppt 级。");
		content.put("city", "CHANGSHA");
		content.put("district", "岳麓区");
		content.put("industryChains", List.of("NEW_MATERIALS", "BIOMEDICINE"));
		content.put("tags", List.of("质谱", "ICP-MS"));
		content.put("location", Map.of("lat", 28.17, "lon", 112.93));
		return content;
	}

}
