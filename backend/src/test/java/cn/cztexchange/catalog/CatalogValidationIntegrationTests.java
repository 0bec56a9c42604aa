package cn.cztexchange.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.cztexchange.IntegrationTest;
import cn.cztexchange.identity.MembershipRole;
import cn.cztexchange.identity.Role;
import cn.cztexchange.identity.TestAccounts;
import cn.cztexchange.identity.TestAccounts.Account;

/** Each kind is validated with its own rules, and every bad field is named. */
@IntegrationTest
class CatalogValidationIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	TestAccounts accounts;

	UUID organisation;

	Account manager;

	@BeforeEach
	void organisationWithAManager() {
		this.organisation = this.accounts.organisation(true);
		this.manager = this.accounts.user(Role.RESEARCHER);
		this.accounts.join(this.organisation, this.manager, MembershipRole.MANAGER);
	}

	@Test
	void everyBadFieldIsNamed() {
		Map<String, Object> content = CatalogTestEntries.common("", "x");
		content.put("location", Map.of("lat", 39.9, "lon", 116.4));
		content.put("instrument", Map.of("category", "TELEPORTER_FREE_TEXT_OK", "mainFunctions", ""));
		post(CatalogTestEntries.create("INSTRUMENT", this.organisation, content)).expectStatus().isBadRequest();
		content.put("instrument", Map.of("category", "ANALYTICAL", "mainFunctions", "", "serviceModes", List.of(),
				"externalPrice", Map.of("amountFen", -1, "unit", "PER_SAMPLE")));
		post(CatalogTestEntries.create("INSTRUMENT", this.organisation, content)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'content.titleZh')]")
			.exists()
			.jsonPath("$.errors[?(@.field == 'content.location.lat')]")
			.exists()
			.jsonPath("$.errors[?(@.field == 'content.instrument.mainFunctions')]")
			.exists()
			.jsonPath("$.errors[?(@.field == 'content.instrument.serviceModes')]")
			.exists()
			.jsonPath("$.errors[?(@.field == 'content.instrument.operatingStatus')]")
			.exists()
			.jsonPath("$.errors[?(@.field == 'content.instrument.externalPrice.amountFen')]")
			.exists();
	}

	@Test
	void theDetailsMustMatchTheKind() {
		Map<String, Object> request = CatalogTestEntries.instrument(this.organisation, "种类不符");
		post(Map.of("kind", "SERVICE", "ownerOrganisationId", this.organisation.toString(), "content",
				request.get("content")))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'content.service')].message")
			.isEqualTo("must be given for a SERVICE entry")
			.jsonPath("$.errors[?(@.field == 'content.instrument')].message")
			.isEqualTo("must be absent from a SERVICE entry");
	}

	@Test
	void eachKindChecksItsOwnRules() {
		Map<String, Object> literature = CatalogTestEntries.common("风电齿轮箱故障诊断研究", "Wind turbine gearbox diagnosis");
		literature.put("literature", Map.of("authors", List.of("张三"), "year", 2024, "source", "JOURNAL", "doi",
				"not-a-doi", "access", "OPEN"));
		post(CatalogTestEntries.create("LITERATURE", this.organisation, literature)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("content.literature.doi");
		Map<String, Object> offering = CatalogTestEntries.common("高速列车制动技术", "High-speed train braking");
		offering.put("techOffering", Map.of("ipType", "INVENTION_PATENT", "trl", 12, "dealModes", List.of("LICENCE")));
		post(CatalogTestEntries.create("TECH_OFFERING", this.organisation, offering)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("content.techOffering.trl");
		Map<String, Object> financing = CatalogTestEntries.common("科技型中小企业信用贷", "Tech SME credit loan");
		financing.put("financing", Map.of("financingKind", "BANK_LOAN", "institution", "长沙银行", "stages",
				List.of("START_UP", "GROWTH"), "ticketMinFen", 500000000, "ticketMaxFen", 100000000));
		post(CatalogTestEntries.create("FINANCING", this.organisation, financing)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("content.financing.ticketMinFen");
		Map<String, Object> service = CatalogTestEntries.common("材料力学性能检测", "Mechanical testing of materials");
		service.put("service", Map.of("serviceType", "TESTING", "scope", "拉伸、压缩、弯曲试验", "accreditations",
				List.of(Map.of("scheme", "CNAS", "number", "L1234")), "turnaroundDays", 5));
		post(CatalogTestEntries.create("SERVICE", this.organisation, service)).expectStatus().isCreated();
	}

	@Test
	void unknownOrganisationsAndMalformedValuesAre400s() {
		post(CatalogTestEntries.instrument(UUID.randomUUID(), "不存在的机构")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("ownerOrganisationId");
		this.client.post()
			.uri("/api/v1/catalog/entries")
			.headers((h) -> h.setBearerAuth(this.manager.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"kind\": \"SPACESHIP\", \"ownerOrganisationId\": \"" + this.organisation + "\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private WebTestClient.ResponseSpec post(Object body) {
		return this.client.post()
			.uri("/api/v1/catalog/entries")
			.headers((h) -> h.setBearerAuth(this.manager.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
