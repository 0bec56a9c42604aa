package cn.cztexchange.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.cztexchange.identity.TestAccounts.Account;

/**
 * Request bodies of realistic entries, as a publisher's form would send them (public for
 * features that need published entries).
 */
public final class CatalogTestEntries {

	private CatalogTestEntries() {
	}

	/**
	 * Creates the entry as the publisher, submits it, and has the admin approve it;
	 * answers its id.
	 */
	public static UUID publish(WebTestClient client, Account publisher, Account admin, Object request) {
		UUID id = client.post()
			.uri("/api/v1/catalog/entries")
			.headers((h) -> h.setBearerAuth(publisher.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(request)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(CatalogEntryResponse.class)
			.returnResult()
			.getResponseBody()
			.id();
		client.post()
			.uri("/api/v1/catalog/entries/{id}/submit", id)
			.headers((h) -> h.setBearerAuth(publisher.token()))
			.exchange()
			.expectStatus()
			.isOk();
		client.post()
			.uri("/api/v1/admin/catalog/entries/{id}/approve", id)
			.headers((h) -> h.setBearerAuth(admin.token()))
			.exchange()
			.expectStatus()
			.isOk();
		return id;
	}

	public static Map<String, Object> instrument(UUID organisationId, String titleZh) {
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
