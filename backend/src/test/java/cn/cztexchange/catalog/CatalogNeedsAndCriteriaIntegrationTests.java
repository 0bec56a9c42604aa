package cn.cztexchange.catalog;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.cztexchange.IntegrationTest;
import cn.cztexchange.identity.MembershipRole;
import cn.cztexchange.identity.OrganisationType;
import cn.cztexchange.identity.Role;
import cn.cztexchange.identity.TestAccounts;
import cn.cztexchange.identity.TestAccounts.Account;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.search.Hit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Technology needs are published, reviewed and searched like every other kind; financing
 * entries carry the cities they serve and the qualifications they require; both land in
 * the index as fields a filter can use; content saved before either existed works as
 * before.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogNeedsAndCriteriaIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	TestAccounts accounts;

	@Autowired
	ElasticsearchClient elasticsearch;

	@Autowired
	DatabaseClient database;

	final String tag = "n" + UUID.randomUUID().toString().substring(0, 8);

	UUID firm;

	UUID investor;

	Account firmMember;

	Account investorMember;

	Account admin;

	UUID need;

	UUID loan;

	UUID openFund;

	@BeforeAll
	void publishEntries() {
		this.firm = this.accounts.organisation(OrganisationType.FIRM, true);
		this.investor = this.accounts.organisation(OrganisationType.INVESTOR, true);
		this.firmMember = this.accounts.user(Role.FIRM);
		this.investorMember = this.accounts.user(Role.INVESTOR);
		this.accounts.join(this.firm, this.firmMember, MembershipRole.MEMBER);
		this.accounts.join(this.investor, this.investorMember, MembershipRole.MEMBER);
		this.admin = this.accounts.user(Role.ADMIN);
		this.need = CatalogTestEntries.publish(this.client, this.firmMember, this.admin,
				tagged(CatalogTestEntries.techNeed(this.firm, "牵引电机冷却合作研发")));
		this.loan = CatalogTestEntries.publish(this.client, this.investorMember, this.admin,
				tagged(CatalogTestEntries.financing(this.investor, "高新技术企业科技贷")));
		Map<String, Object> open = CatalogTestEntries.financing(this.investor, "早期创投基金");
		financingOf(open).remove("cities");
		financingOf(open).remove("requiredQualifications");
		financingOf(open).put("financingKind", "VC_PE_FUND");
		this.openFund = CatalogTestEntries.publish(this.client, this.investorMember, this.admin, tagged(open));
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> total(search("")) == 3);
	}

	@Test
	void aNeedIsSearchableByKindByNeedTypeAndByDealMode() {
		assertThat(ids(search("&kind=TECH_NEED"))).containsExactly(this.need.toString());
		Map<String, Object> all = search("");
		assertThat(facet(all, "kind")).containsEntry("TECH_NEED", 1).containsEntry("FINANCING", 2);
		assertThat(facet(all, "needType")).containsOnly(Map.entry("JOINT_DEVELOPMENT", 1));
		assertThat(ids(search("&needType=JOINT_DEVELOPMENT"))).containsExactly(this.need.toString());
		assertThat(ids(search("&needType=CONSULTING"))).isEmpty();
		assertThat(ids(search("&dealMode=LICENCE"))).containsExactly(this.need.toString());
		// The query box knows the need type's name and the kind's.
		assertThat(ids(search("&q=合作研发"))).containsExactly(this.need.toString());
		assertThat(ids(search("&q=技术需求 牵引电机"))).containsExactly(this.need.toString());
		badRequest("&needType=WISHING", "needType");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theResourceShowsTheNeedAndTheFinancingCriteria() {
		Map<String, Object> need = resource(this.need);
		assertThat(need).containsEntry("kind", "TECH_NEED");
		Map<String, Object> details = (Map<String, Object>) ((Map<String, Object>) need.get("content")).get("techNeed");
		assertThat(details).containsEntry("needType", "JOINT_DEVELOPMENT")
			.containsEntry("minTrl", 5)
			.containsEntry("deadline", CatalogService.today(Clock.systemUTC()).plusMonths(3).toString());
		Map<String, Object> loan = (Map<String, Object>) ((Map<String, Object>) resource(this.loan).get("content"))
			.get("financing");
		assertThat((List<String>) loan.get("cities")).containsExactlyInAnyOrder("ZHUZHOU", "XIANGTAN");
		assertThat((List<String>) loan.get("requiredQualifications")).containsExactly("HIGH_TECH_ENTERPRISE");
		assertThat(((Map<String, Object>) resource(this.loan).get("owner"))).containsEntry("type", "INVESTOR");
	}

	@Test
	@SuppressWarnings({ "rawtypes", "unchecked" })
	void theIndexHoldsNeedsAndFinancingCriteriaAsFilterableFields() throws IOException {
		Map needDocument = document(this.need);
		assertThat((Map<String, Object>) needDocument.get("techNeed")).containsEntry("needType", "JOINT_DEVELOPMENT")
			.containsEntry("budgetMinFen", 50_000_000)
			.containsEntry("budgetMaxFen", 200_000_000)
			.containsEntry("minTrl", 5)
			.containsEntry("dealModes", List.of("JOINT_DEVELOPMENT", "LICENCE"))
			.containsEntry("deadline", CatalogService.today(Clock.systemUTC()).plusMonths(3).toString());
		assertThat((Map<String, Object>) needDocument.get("details")).containsEntry("deadline",
				CatalogService.today(Clock.systemUTC()).plusMonths(3).toString());
		Map loanDocument = document(this.loan);
		assertThat((Map<String, Object>) loanDocument.get("financing"))
			.containsEntry("cities", List.of("XIANGTAN", "ZHUZHOU"))
			.containsEntry("requiredQualifications", List.of("HIGH_TECH_ENTERPRISE"));
		assertThat(loanDocument.get("stages")).isEqualTo(List.of("GROWTH", "START_UP"));
		assertThat(loanDocument.get("ticketMinFen")).isEqualTo(100_000_000);
		// No cities named: it serves all three, and says so to a filter.
		assertThat((Map<String, Object>) document(this.openFund).get("financing"))
			.containsEntry("cities", List.of("CHANGSHA", "XIANGTAN", "ZHUZHOU"))
			.containsEntry("requiredQualifications", List.of());

		assertThat(filtered("financing.cities", "CHANGSHA")).containsExactly(this.openFund.toString());
		assertThat(filtered("financing.cities", "ZHUZHOU")).containsExactlyInAnyOrder(this.openFund.toString(),
				this.loan.toString());
		assertThat(filtered("financing.requiredQualifications", "HIGH_TECH_ENTERPRISE"))
			.containsExactly(this.loan.toString());
		assertThat(filtered("techNeed.needType", "JOINT_DEVELOPMENT")).containsExactly(this.need.toString());
		assertThat(ranged("techNeed.minTrl", 5, 5)).containsExactly(this.need.toString());
		assertThat(ranged("ticketMaxFen", 1_000_000_000, 1_000_000_000)).contains(this.loan.toString());
	}

	@Test
	@SuppressWarnings("unchecked")
	void needsAreCheckedFieldByField() {
		Map<String, Object> request = CatalogTestEntries.techNeed(this.firm, "预算颠倒的需求");
		Map<String, Object> need = techNeedOf(request);
		need.put("budgetMinFen", 300_000_000);
		need.put("budgetMaxFen", 100_000_000);
		need.put("deadline", CatalogService.today(Clock.systemUTC()).minusDays(1).toString());
		create(this.firmMember, request).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'content.techNeed.budgetMinFen')].message")
			.isEqualTo("must not exceed budgetMaxFen")
			.jsonPath("$.errors[?(@.field == 'content.techNeed.deadline')].message")
			.value((List<String> messages) -> assertThat(messages.get(0)).startsWith("must not be in the past"));

		request = CatalogTestEntries.techNeed(this.firm, "注解校验");
		need = techNeedOf(request);
		need.remove("needType");
		need.put("dealModes", List.of());
		need.put("minTrl", 10);
		need.put("budgetMaxFen", -1);
		create(this.firmMember, request).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'content.techNeed.needType')]")
			.exists()
			.jsonPath("$.errors[?(@.field == 'content.techNeed.dealModes')]")
			.exists()
			.jsonPath("$.errors[?(@.field == 'content.techNeed.minTrl')].message")
			.isEqualTo("must be from 1 to 9")
			.jsonPath("$.errors[?(@.field == 'content.techNeed.budgetMaxFen')].message")
			.isEqualTo("must not be negative");

		request = CatalogTestEntries.techNeed(this.firm, "未知类型");
		techNeedOf(request).put("needType", "WISHING");
		create(this.firmMember, request).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("content.techNeed.needType"));

		request = CatalogTestEntries.techNeed(this.firm, "多余的部分");
		((Map<String, Object>) request.get("content")).put("financing",
				financingOf(CatalogTestEntries.financing(this.investor, "x")));
		create(this.firmMember, request).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'content.financing')].message")
			.isEqualTo("must be absent from a TECH_NEED entry");
	}

	@Test
	void financingCriteriaAreChecked() {
		Map<String, Object> request = CatalogTestEntries.financing(this.investor, "城市错误");
		financingOf(request).put("cities", List.of("BEIJING"));
		create(this.investorMember, request).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("content.financing.cities"));
		request = CatalogTestEntries.financing(this.investor, "资质错误");
		financingOf(request).put("requiredQualifications", List.of("NOBEL_PRIZE"));
		create(this.investorMember, request).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("content.financing.requiredQualifications"));
	}

	@Test
	void aNeedWhoseDeadlineHasPassedSinceItWasSavedIsNotSubmitted() {
		UUID id = create(this.firmMember, CatalogTestEntries.techNeed(this.firm, "已过期的需求")).expectStatus()
			.isCreated()
			.expectBody(CatalogEntryResponse.class)
			.returnResult()
			.getResponseBody()
			.id();
		LocalDate yesterday = CatalogService.today(Clock.systemUTC()).minusDays(1);
		this.database.sql(
				"update catalog_entries set draft = jsonb_set(draft, '{techNeed,deadline}', to_jsonb(cast(:day as text))) "
						+ "where id = :id")
			.bind("day", yesterday.toString())
			.bind("id", id)
			.then()
			.block();
		this.client.post()
			.uri("/api/v1/catalog/entries/{id}/submit", id)
			.headers((h) -> h.setBearerAuth(this.firmMember.token()))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("content.techNeed.deadline");
	}

	@Test
	@SuppressWarnings({ "rawtypes", "unchecked" })
	void contentSavedBeforeNeedsAndCriteriaExistedWorksAsBefore() throws IOException {
		Map<String, Object> request = CatalogTestEntries.financing(this.investor, "旧版金融产品");
		financingOf(request).remove("cities");
		financingOf(request).remove("requiredQualifications");
		UUID id = create(this.investorMember, request).expectStatus()
			.isCreated()
			.expectBody(CatalogEntryResponse.class)
			.returnResult()
			.getResponseBody()
			.id();
		// As an older release stored it: no key for the parts that did not exist.
		this.database
			.sql("update catalog_entries set draft = (draft - 'techNeed') #- '{financing,cities}' "
					+ "#- '{financing,requiredQualifications}' where id = :id")
			.bind("id", id)
			.then()
			.block();
		assertThat(this.database.sql("select draft::text from catalog_entries where id = :id")
			.bind("id", id)
			.map((row) -> row.get(0, String.class))
			.one()
			.block()).doesNotContain("techNeed").doesNotContain("cities").doesNotContain("requiredQualifications");
		this.client.put()
			.uri("/api/v1/catalog/entries/{id}", id)
			.headers((h) -> h.setBearerAuth(this.investorMember.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("content", request.get("content"), "version", 1))
			.exchange()
			.expectStatus()
			.isOk();
		this.database
			.sql("update catalog_entries set draft = (draft - 'techNeed') #- '{financing,cities}' "
					+ "#- '{financing,requiredQualifications}' where id = :id")
			.bind("id", id)
			.then()
			.block();
		this.client.post()
			.uri("/api/v1/catalog/entries/{id}/submit", id)
			.headers((h) -> h.setBearerAuth(this.investorMember.token()))
			.exchange()
			.expectStatus()
			.isOk();
		this.client.post()
			.uri("/api/v1/admin/catalog/entries/{id}/approve", id)
			.headers((h) -> h.setBearerAuth(this.admin.token()))
			.exchange()
			.expectStatus()
			.isOk();
		Map<String, Object> financing = (Map<String, Object>) ((Map<String, Object>) resource(id).get("content"))
			.get("financing");
		assertThat(financing.get("cities")).isNull();
		assertThat(financing.get("requiredQualifications")).isNull();
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> document(id) != null);
		assertThat((Map<String, Object>) document(id).get("financing")).containsEntry("cities",
				List.of("CHANGSHA", "XIANGTAN", "ZHUZHOU"));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> tagged(Map<String, Object> request) {
		Map<String, Object> content = new HashMap<>((Map<String, Object>) request.get("content"));
		content.put("tags", List.of(this.tag));
		return CatalogTestEntries.create((String) request.get("kind"),
				UUID.fromString((String) request.get("ownerOrganisationId")), content);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> techNeedOf(Map<String, Object> request) {
		return (Map<String, Object>) ((Map<String, Object>) request.get("content")).get("techNeed");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> financingOf(Map<String, Object> request) {
		return (Map<String, Object>) ((Map<String, Object>) request.get("content")).get("financing");
	}

	private WebTestClient.ResponseSpec create(Account account, Map<String, Object> request) {
		return this.client.post()
			.uri("/api/v1/catalog/entries")
			.headers((h) -> h.setBearerAuth(account.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(request)
			.exchange();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> resource(UUID id) {
		return this.client.get()
			.uri("/api/v1/resources/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("rawtypes")
	private Map document(UUID id) throws IOException {
		return this.elasticsearch.get((g) -> g.index("catalog").id(id.toString()), Map.class).source();
	}

	/** The test's entries that a term filter on the field keeps. */
	@SuppressWarnings("rawtypes")
	private List<String> filtered(String field, String value) throws IOException {
		this.elasticsearch.indices().refresh((r) -> r.index("catalog"));
		return this.elasticsearch
			.search((s) -> s.index("catalog")
				.query((q) -> q.bool((b) -> b.filter((f) -> f.term((t) -> t.field("tags").value(this.tag)))
					.filter((f) -> f.term((t) -> t.field(field).value(FieldValue.of(value)))))), Map.class)
			.hits()
			.hits()
			.stream()
			.map(Hit::id)
			.toList();
	}

	@SuppressWarnings("rawtypes")
	private List<String> ranged(String field, long from, long to) throws IOException {
		this.elasticsearch.indices().refresh((r) -> r.index("catalog"));
		return this.elasticsearch
			.search((s) -> s.index("catalog")
				.query((q) -> q.bool((b) -> b.filter((f) -> f.term((t) -> t.field("tags").value(this.tag)))
					.filter((f) -> f
						.range((r) -> r.number((n) -> n.field(field).gte((double) from).lte((double) to)))))),
					Map.class)
			.hits()
			.hits()
			.stream()
			.map(Hit::id)
			.toList();
	}

	private void badRequest(String query, String field) {
		this.client.get()
			.uri("/api/v1/search?tag=" + this.tag + query)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo(field);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> search(String query) {
		return this.client.get()
			.uri("/api/v1/search?tag=" + this.tag + query)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private static long total(Map<String, Object> result) {
		return ((Number) result.get("total")).longValue();
	}

	@SuppressWarnings("unchecked")
	private static List<String> ids(Map<String, Object> result) {
		return ((List<Map<String, Object>>) result.get("items")).stream()
			.map((item) -> (String) item.get("id"))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Integer> facet(Map<String, Object> result, String name) {
		Map<String, Integer> counts = new HashMap<>();
		((Map<String, List<Map<String, Object>>>) result.get("facets")).get(name)
			.forEach((bucket) -> counts.put((String) bucket.get("value"), ((Number) bucket.get("count")).intValue()));
		return counts;
	}

}
