package cn.cztexchange.catalog;

import java.time.LocalDate;
import java.time.ZoneId;
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

	/** A firm's technology need: joint development of a traction motor's cooling. */
	static Map<String, Object> techNeed(UUID organisationId, String titleZh) {
		Map<String, Object> content = common(titleZh, "Joint R&D on traction motor cooling");
		content.put("summaryZh", "牵引电机温升偏高，征集合作研发团队，目标温升降低 15%。");
		content.put("city", "ZHUZHOU");
		content.put("district", "石峰区");
		content.put("industryChains", List.of("RAIL_TRANSIT"));
		content.put("tags", List.of("牵引电机", "技术需求"));
		content.put("location", Map.of("lat", 27.88, "lon", 113.12));
		content.put("techNeed",
				new HashMap<>(Map.of("needType", "JOINT_DEVELOPMENT", "budgetMinFen", 50_000_000, "budgetMaxFen",
						200_000_000, "deadline", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(3).toString(),
						"dealModes", List.of("JOINT_DEVELOPMENT", "LICENCE"), "minTrl", 5)));
		return create("TECH_NEED", organisationId, content);
	}

	/** A bank's sci-tech loan for high-tech enterprises of Zhuzhou and Xiangtan. */
	static Map<String, Object> financing(UUID organisationId, String titleZh) {
		Map<String, Object> content = common(titleZh, "Sci-tech loan");
		content.put("summaryZh", "面向高新技术企业的信用贷款，额度 100–1000 万元。");
		content.put("industryChains", List.of("RAIL_TRANSIT", "NEW_MATERIALS"));
		content.put("tags", List.of("科技贷"));
		content.put("financing", new HashMap<>(Map.of("financingKind", "BANK_LOAN", "institution", "示例科技银行", "stages",
				List.of("START_UP", "GROWTH"), "ticketMinFen", 100_000_000, "ticketMaxFen", 1_000_000_000, "cities",
				List.of("ZHUZHOU", "XIANGTAN"), "requiredQualifications", List.of("HIGH_TECH_ENTERPRISE"))));
		return create("FINANCING", organisationId, content);
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
