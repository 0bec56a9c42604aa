package cn.cztexchange.matching;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.cztexchange.IntegrationTest;
import cn.cztexchange.identity.MembershipRole;
import cn.cztexchange.identity.OrganisationType;
import cn.cztexchange.identity.Role;
import cn.cztexchange.identity.TestAccounts;
import cn.cztexchange.identity.TestAccounts.Account;
import cn.cztexchange.matching.MatchingFixtures.Firm;
import cn.cztexchange.matching.MatchingFixtures.Publisher;

import static cn.cztexchange.matching.MatchingFixtures.MAP;
import static cn.cztexchange.matching.MatchingFixtures.financing;
import static cn.cztexchange.matching.MatchingFixtures.offering;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matching engine through the API, against the real catalogue and firms indexes: each
 * hard criterion excludes a candidate that fails only it, every criterion is explained in
 * both languages, access to the subjects, and the refresh through the outbox with its
 * notices.
 */
@IntegrationTest
class MatchingIntegrationTests {

	private static final long WAN = 1_000_000L;

	@Autowired
	WebTestClient client;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MatchingFixtures fixtures;

	@Autowired
	DatabaseClient database;

	@Test
	void eachHardCriterionOfAFirmsFinancingExcludesAnEntryThatFailsOnlyIt() {
		Firm firm = this.fixtures.firm(this.client, MatchingFixtures.profile());
		Publisher investor = this.fixtures.publisher(OrganisationType.INVESTOR);
		Account admin = this.fixtures.admin();
		UUID fits = publish(investor, admin,
				financing("轨道交通成长基金", "VC_PE_FUND", List.of("GROWTH", "MATURE"), 2000 * WAN, 5000 * WAN));
		UUID openTickets = publish(investor, admin, financing("轨道交通天使计划", "ANGEL", List.of("GROWTH"), null, null));
		UUID wrongStage = publish(investor, admin,
				financing("轨道交通种子基金", "VC_PE_FUND", List.of("SEED", "START_UP"), 2000 * WAN, 5000 * WAN));
		UUID tooLarge = publish(investor, admin,
				financing("轨道交通并购基金", "VC_PE_FUND", List.of("GROWTH"), 5000 * WAN, 9000 * WAN));
		UUID notEquity = publish(investor, admin,
				financing("轨道交通科技贷", "BANK_LOAN", List.of("GROWTH"), 1000 * WAN, 2000 * WAN));

		Map<String, Object> page = list("/api/v1/matching/firms/{id}/financing?size=50", firm.member(), "en",
				firm.id());
		assertThat(ids(page)).contains(fits, openTickets).doesNotContain(wrongStage, tooLarge, notEquity);
		Map<String, Object> match = match(page, fits);
		assertThat(criteria(match)).extracting((c) -> c.get("criterion"))
			.containsExactly("STAGE", "AMOUNT", "REGION", "QUALIFICATIONS", "INSTRUMENT", "INDUSTRY_CHAIN", "TEXT",
					"RECENCY", "DISTANCE");
		assertThat(criteria(match)).filteredOn((c) -> Boolean.TRUE.equals(c.get("hard")))
			.allSatisfy((c) -> assertThat(c).containsEntry("met", true).containsEntry("points", null));
		double points = criteria(match).stream()
			.filter((c) -> c.get("points") != null)
			.mapToDouble((c) -> ((Number) c.get("points")).doubleValue())
			.sum();
		assertThat(((Number) match.get("score")).doubleValue()).isBetween(points - 0.11, points + 0.11)
			.isBetween(50.0, 100.0);
		assertThat(criterion(match(page, openTickets), "AMOUNT")).containsEntry("explanation",
				"Any amount: it names no ticket size (the need is CNY 10–30 million)");

		Map<String, Object> angels = list("/api/v1/matching/firms/{id}/financing?financingKind=ANGEL", firm.member(),
				"en", firm.id());
		assertThat(ids(angels)).contains(openTickets).doesNotContain(fits);
		Map<String, Object> strong = list("/api/v1/matching/firms/{id}/financing?minScore=100", firm.member(), "en",
				firm.id());
		assertThat(ids(strong)).doesNotContain(fits, openTickets);
	}

	@Test
	void everyCriterionIsExplainedInTheCallersLanguage() {
		Firm firm = this.fixtures.firm(this.client, MatchingFixtures.profile());
		Publisher investor = this.fixtures.publisher(OrganisationType.INVESTOR);
		UUID fund = publish(investor, this.fixtures.admin(),
				financing("牵引电机产业投资基金", "VC_PE_FUND", List.of("GROWTH"), 2000 * WAN, 5000 * WAN));
		Map<String, Object> zh = match(
				list("/api/v1/matching/firms/{id}/financing?size=50", firm.member(), "zh-CN", firm.id()), fund);
		assertThat(explanations(zh)).containsEntry("STAGE", "阶段符合：成长期在其服务的阶段（成长期）内")
			.containsEntry("AMOUNT", "金额相符：需求 1000–3000 万元 与额度 2000–5000 万元 有重叠")
			.containsEntry("REGION", "地域不限：服务长沙、株洲、湘潭全域企业")
			.containsEntry("QUALIFICATIONS", "不要求资质")
			.containsEntry("INSTRUMENT", "融资方式符合：股权融资 — 创投/私募基金")
			.containsEntry("INDUSTRY_CHAIN", "行业链重合：轨道交通")
			.containsEntry("RECENCY", "今天发布")
			.containsEntry("DISTANCE", "距离 6.8 km");
		assertThat(explanations(zh).get("TEXT")).startsWith("文本相似度 ").contains("共同词语", "牵引", "电机");

		// No Accept-Language: the user's own language (the test users chose English).
		Map<String, Object> en = match(
				list("/api/v1/matching/firms/{id}/financing?size=50", firm.member(), null, firm.id()), fund);
		assertThat(explanations(en)).containsEntry("STAGE", "Stage fits: growth is among the stages it serves (growth)")
			.containsEntry("AMOUNT",
					"Amounts overlap: the need of CNY 10–30 million overlaps tickets of CNY 20–50 million")
			.containsEntry("REGION", "Any city: it serves firms in Changsha, Zhuzhou and Xiangtan")
			.containsEntry("QUALIFICATIONS", "No qualification required")
			.containsEntry("INSTRUMENT", "Instrument fits: equity — a venture or private equity fund")
			.containsEntry("INDUSTRY_CHAIN", "Shared industry chain: rail transit")
			.containsEntry("RECENCY", "Published today")
			.containsEntry("DISTANCE", "6.8 km away");
		assertThat(explanations(en).get("TEXT")).startsWith("Text similarity ").contains("shared words");

		Map<String, Object> card = match(
				list("/api/v1/matching/entries/{id}/firms?size=50", investor.manager(), "en", fund), firm.id());
		assertThat(explanations(card)).containsEntry("RECENCY", "Profile updated today")
			.containsEntry("INSTRUMENT", "Instrument fits: equity — a venture or private equity fund");
	}

	@Test
	void aFinancingEntryListsOnlyDiscoverableFirmsThatMeetItsTerms() {
		Publisher investor = this.fixtures.publisher(OrganisationType.INVESTOR);
		UUID fund = publish(investor, this.fixtures.admin(),
				financing("轨道交通成长期投资基金", "VC_PE_FUND", List.of("GROWTH"), 2000 * WAN, 5000 * WAN));
		Firm fits = this.fixtures.firm(this.client, MatchingFixtures.profile());
		Firm early = this.fixtures.firm(this.client, with("stage", "START_UP"));
		Map<String, Object> small = MatchingFixtures.profile();
		small.put("fundingNeed", Map.of("amountMinFen", 100 * WAN, "amountMaxFen", 500 * WAN));
		Firm tooSmall = this.fixtures.firm(this.client, small);
		Map<String, Object> loans = MatchingFixtures.profile();
		loans.put("fundingNeed", Map.of("instruments", List.of("LOAN")));
		Firm wantsLoans = this.fixtures.firm(this.client, loans);
		Firm hidden = this.fixtures.firm(this.client, with("discoverable", false));

		Map<String, Object> page = list("/api/v1/matching/entries/{id}/firms?size=50", investor.manager(), "zh-CN",
				fund);
		assertThat(ids(page)).contains(fits.id())
			.doesNotContain(early.id(), tooSmall.id(), wantsLoans.id(), hidden.id());
		Map<String, Object> match = match(page, fits.id());
		assertThat(match).containsEntry("candidateType", "FIRM").containsEntry("entry", null);
		String card = match.get("firm").toString();
		assertThat(card).contains("view=CARD", "城轨车辆牵引电机");
		assertThat(card).doesNotContain("周工", "FROM_50M_TO_200M", "永磁牵引电机产线扩建", "GR202343000888");

		Map<String, Object> growthOnly = list("/api/v1/matching/entries/{id}/firms?stage=MATURE", investor.manager(),
				"zh-CN", fund);
		assertThat(ids(growthOnly)).doesNotContain(fits.id());
	}

	@Test
	void aFirmsOfferingsRankThoseAboutItsNeedsFirstAndAnOfferingFindsTheFirmsThatNeedIt() {
		Publisher university = this.fixtures.publisher(OrganisationType.UNIVERSITY);
		Account admin = this.fixtures.admin();
		UUID diagnosis = publish(university, admin, offering("一种城轨牵引电机故障诊断方法",
				"Fault diagnosis of metro traction motors", List.of("RAIL_TRANSIT"), 6, List.of("LICENCE"), 80 * WAN));
		UUID cathode = publish(university, admin,
				offering("一种钠离子电池硬碳负极及其制备方法", "Hard carbon anodes for sodium-ion batteries",
						List.of("ENERGY_STORAGE_MATERIALS"), 4, List.of("TRANSFER"), null));
		Firm firm = this.fixtures.firm(this.client, MatchingFixtures.profile());
		Map<String, Object> lotus = MatchingFixtures.profile();
		lotus.put("industryChains", List.of("FOOD_AND_AGRICULTURE"));
		lotus.put("products", "湘莲深加工食品");
		lotus.put("technologyNeeds", "湘莲剥壳去芯工艺");
		Firm unrelated = this.fixtures.firm(this.client, lotus);

		Map<String, Object> page = list("/api/v1/matching/firms/{id}/offerings?size=50", firm.member(), "zh-CN",
				firm.id());
		List<UUID> ranked = ids(page);
		assertThat(ranked).contains(diagnosis, cathode);
		assertThat(ranked.indexOf(diagnosis)).isLessThan(ranked.indexOf(cathode));
		assertThat(criterion(match(page, diagnosis), "TEXT")).containsEntry("met", true);
		assertThat(criteria(match(page, diagnosis))).noneMatch((c) -> Boolean.TRUE.equals(c.get("hard")));
		assertThat(ids(list("/api/v1/matching/firms/{id}/offerings?dealMode=TRANSFER&size=50", firm.member(), "zh-CN",
				firm.id())))
			.contains(cathode)
			.doesNotContain(diagnosis);

		Map<String, Object> needs = list("/api/v1/matching/entries/{id}/needs?size=50", university.manager(), "en",
				diagnosis);
		assertThat(ids(needs)).contains(firm.id()).doesNotContain(unrelated.id());
		assertThat(match(needs, firm.id()).get("firm").toString()).contains("牵引电机故障诊断");
		assertThat(ids(list("/api/v1/matching/entries/{id}/needs?source=ENTRY&size=50", university.manager(), "en",
				diagnosis)))
			.doesNotContain(firm.id());
	}

	@Test
	void onlyTheSubjectsMembersSeeItsMatchesAndTheSubjectMustBeOfTheRightKind() {
		Firm firm = this.fixtures.firm(this.client, MatchingFixtures.profile());
		Account outsider = this.accounts.user(Role.INVESTOR);
		status("/api/v1/matching/firms/{id}/financing", outsider, firm.id(), 404);
		status("/api/v1/matching/firms/{id}/offerings", outsider, firm.id(), 404);
		status("/api/v1/matching/firms/{id}/financing", outsider, UUID.randomUUID(), 404);
		status("/api/v1/matching/firms/{id}/financing", this.accounts.user(Role.ADMIN), firm.id(), 200);
		this.client.get()
			.uri("/api/v1/matching/firms/{id}/financing", firm.id())
			.exchange()
			.expectStatus()
			.isUnauthorized();

		Firm withoutProfile = this.fixtures.firm();
		status("/api/v1/matching/firms/{id}/financing", withoutProfile.member(), withoutProfile.id(), 409);
		UUID university = this.accounts.organisation(OrganisationType.UNIVERSITY, true);
		Account staff = this.accounts.user(Role.RESEARCHER);
		this.accounts.join(university, staff, MembershipRole.MEMBER);
		status("/api/v1/matching/firms/{id}/financing", staff, university, 400);

		Publisher investor = this.fixtures.publisher(OrganisationType.INVESTOR);
		UUID fund = publish(investor, this.fixtures.admin(),
				financing("轨道交通权限测试基金", "VC_PE_FUND", List.of("GROWTH"), null, null));
		status("/api/v1/matching/entries/{id}/firms", investor.manager(), fund, 200);
		status("/api/v1/matching/entries/{id}/firms", firm.member(), fund, 404);
		status("/api/v1/matching/entries/{id}/firms", outsider, UUID.randomUUID(), 404);
		for (String wrongKind : List.of("/api/v1/matching/entries/{id}/needs",
				"/api/v1/matching/entries/{id}/offerings")) {
			this.client.get()
				.uri(wrongKind, fund)
				.headers((h) -> h.setBearerAuth(investor.manager().token()))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("entryId");
		}
		status("/api/v1/matching/firms/{id}/financing?size=51", firm.member(), firm.id(), 400);
		status("/api/v1/matching/firms/{id}/financing?minScore=101", firm.member(), firm.id(), 400);
		status("/api/v1/matching/firms/{id}/financing?financingKind=CROWDFUNDING", firm.member(), firm.id(), 400);
	}

	@Test
	void aSavedProfileAndANewEntryRefreshTheMatchesAndTellTheFirmAboutNewOnes() {
		// A chain no other test uses, so that only these entries can be new matches.
		Publisher investor = this.fixtures.publisher(OrganisationType.INVESTOR);
		Account admin = this.fixtures.admin();
		UUID first = publish(investor, admin, creative("文化创意数字出版产业基金", "Digital publishing industry fund"));
		Map<String, Object> profile = MatchingFixtures.profile();
		profile.put("industryChains", List.of("CULTURAL_CREATIVE"));
		profile.put("products", "数字出版与文化创意内容平台");
		profile.put("technologyNeeds", "数字出版版权保护");
		Firm firm = this.fixtures.firm(this.client, profile);

		// The test users read English.
		awaitNotice(firm.member(), "Digital publishing industry fund");
		Map<String, Object> notice = notices(firm.member()).get(0);
		assertThat(notice).containsEntry("type", "MATCH_NEW_FINANCING")
			.containsEntry("link", "/matching/firms/" + firm.id() + "/financing");
		assertThat((String) notice.get("title")).contains("new financing match");
		assertThat(storedScore(firm.id(), first)).isNotNull();

		UUID second = publish(investor, admin, creative("文化创意数字出版成长基金", "Digital publishing growth fund"));
		awaitNotice(firm.member(), "Digital publishing growth fund");
		assertThat(notices(firm.member()).get(0).get("body").toString())
			.doesNotContain("Digital publishing industry fund");
		assertThat(storedScore(firm.id(), second)).isNotNull();

		// Shown once: still new for a week after it was first found; then not.
		Map<String, Object> page = list("/api/v1/matching/firms/{id}/financing", firm.member(), "zh-CN", firm.id());
		assertThat(match(page, first)).containsEntry("new", true);
		this.database
			.sql("update match_suggestions set first_seen_at = first_seen_at - interval '8 days' "
					+ "where subject_id = :firm and candidate_id = :entry")
			.bind("firm", firm.id())
			.bind("entry", first)
			.then()
			.block();
		page = list("/api/v1/matching/firms/{id}/financing", firm.member(), "zh-CN", firm.id());
		assertThat(match(page, first)).containsEntry("new", false);

		// An entry that leaves the catalogue leaves the stored matches too.
		this.client.post()
			.uri("/api/v1/catalog/entries/{id}/archive", second)
			.headers((h) -> h.setBearerAuth(investor.manager().token()))
			.exchange()
			.expectStatus()
			.isOk();
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> storedRows(second) == 0);
	}

	private static Map<String, Object> creative(String titleZh, String titleEn) {
		Map<String, Object> content = financing(titleZh, "VC_PE_FUND", List.of("GROWTH"), 1000 * WAN, 3000 * WAN);
		content.put("titleEn", titleEn);
		content.put("industryChains", List.of("CULTURAL_CREATIVE"));
		content.put("summaryZh", "投资数字出版与文化创意内容平台企业。");
		return content;
	}

	private static Map<String, Object> with(String field, Object value) {
		Map<String, Object> profile = MatchingFixtures.profile();
		profile.put(field, value);
		return profile;
	}

	private UUID publish(Publisher owner, Account admin, Map<String, Object> content) {
		String kind = content.containsKey("financing") ? "FINANCING" : "TECH_OFFERING";
		return this.fixtures.publish(this.client, owner, admin, kind, content);
	}

	private Map<String, Object> list(String path, Account caller, String language, UUID subject) {
		return this.client.get().uri(path, subject).headers((h) -> {
			h.setBearerAuth(caller.token());
			if (language != null) {
				h.set("Accept-Language", language);
			}
		}).exchange().expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
	}

	private void status(String path, Account caller, UUID subject, int status) {
		this.client.get()
			.uri(path, subject)
			.headers((h) -> h.setBearerAuth(caller.token()))
			.exchange()
			.expectStatus()
			.isEqualTo(status);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> items(Map<String, Object> page) {
		return (List<Map<String, Object>>) page.get("items");
	}

	@SuppressWarnings("unchecked")
	private static List<UUID> ids(Map<String, Object> page) {
		return items(page).stream().map((item) -> {
			Map<String, Object> candidate = (Map<String, Object>) ((item.get("entry") != null) ? item.get("entry")
					: ((Map<String, Object>) item.get("firm")).get("organisation"));
			return UUID.fromString((String) candidate.get("id"));
		}).toList();
	}

	private static Map<String, Object> match(Map<String, Object> page, UUID candidate) {
		int at = ids(page).indexOf(candidate);
		assertThat(at).as("%s among the matches", candidate).isNotNegative();
		return items(page).get(at);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> criteria(Map<String, Object> match) {
		return (List<Map<String, Object>>) match.get("criteria");
	}

	private static Map<String, Object> criterion(Map<String, Object> match, String code) {
		return criteria(match).stream().filter((c) -> code.equals(c.get("criterion"))).findFirst().orElseThrow();
	}

	private static Map<String, String> explanations(Map<String, Object> match) {
		Map<String, String> explanations = new HashMap<>();
		criteria(match).forEach((c) -> explanations.put((String) c.get("criterion"), (String) c.get("explanation")));
		return explanations;
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> notices(Account user) {
		return (List<Map<String, Object>>) this.client.get()
			.uri("/api/v1/notifications")
			.headers((h) -> h.setBearerAuth(user.token()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(MAP)
			.returnResult()
			.getResponseBody()
			.get("items");
	}

	private void awaitNotice(Account user, String mentioning) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> notices(user).stream().anyMatch((n) -> n.get("body").toString().contains(mentioning)));
	}

	private Object storedScore(UUID subject, UUID candidate) {
		return this.database
			.sql("select score from match_suggestions where subject_id = :subject and candidate_id = :candidate")
			.bind("subject", subject)
			.bind("candidate", candidate)
			.map((row) -> (Object) row.get("score", java.math.BigDecimal.class))
			.one()
			.block();
	}

	private long storedRows(UUID candidate) {
		return this.database.sql("select count(*) as n from match_suggestions where candidate_id = :candidate")
			.bind("candidate", candidate)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block();
	}

}
