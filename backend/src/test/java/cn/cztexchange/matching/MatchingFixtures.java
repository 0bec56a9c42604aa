package cn.cztexchange.matching;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.cztexchange.identity.MembershipRole;
import cn.cztexchange.identity.OrganisationType;
import cn.cztexchange.identity.Role;
import cn.cztexchange.identity.TestAccounts;
import cn.cztexchange.identity.TestAccounts.Account;
import cn.cztexchange.search.SearchIndexProbe;
import co.elastic.clients.elasticsearch.ElasticsearchClient;

/**
 * Firms with profiles and published entries, made through the API as their members,
 * publishers and admins would; and waits for the outbox consumers to bring the indexes in
 * step.
 */
@Component
class MatchingFixtures {

	private final TestAccounts accounts;

	private final SearchIndexProbe probe;

	private final ElasticsearchClient elasticsearch;

	MatchingFixtures(TestAccounts accounts, SearchIndexProbe probe, ElasticsearchClient elasticsearch) {
		this.accounts = accounts;
		this.probe = probe;
		this.elasticsearch = elasticsearch;
	}

	Account admin() {
		return this.accounts.user(Role.ADMIN);
	}

	/** A verified firm with one member (platform role FIRM), without a profile. */
	Firm firm() {
		UUID id = this.accounts.organisation(OrganisationType.FIRM, true);
		Account member = this.accounts.user(Role.FIRM);
		this.accounts.join(id, member, MembershipRole.MEMBER);
		return new Firm(id, member);
	}

	/**
	 * A firm whose member saved this profile; waits until the firms index has it (or has
	 * not, when it is not discoverable).
	 */
	Firm firm(WebTestClient client, Map<String, Object> profile) {
		Firm firm = firm();
		save(client, firm, profile, 201);
		if (Boolean.TRUE.equals(profile.get("discoverable"))) {
			awaitIndexed(firm.id());
		}
		return firm;
	}

	/** Saves the profile as the firm's member, expecting the status. */
	Map<String, Object> save(WebTestClient client, Firm firm, Map<String, Object> profile, int status) {
		return put(client, firm.member(), firm.id(), profile).expectStatus()
			.isEqualTo(status)
			.expectBody(MAP)
			.returnResult()
			.getResponseBody();
	}

	WebTestClient.ResponseSpec put(WebTestClient client, Account caller, UUID organisation,
			Map<String, Object> profile) {
		return client.put()
			.uri("/api/v1/organisations/{id}/firm-profile", organisation)
			.headers((h) -> h.setBearerAuth(caller.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(profile)
			.exchange();
	}

	/** An organisation (of an investor or a university) with a manager who publishes. */
	Publisher publisher(OrganisationType type) {
		UUID id = this.accounts.organisation(type, true);
		Account manager = this.accounts.user(Role.PUBLISHER);
		this.accounts.join(id, manager, MembershipRole.MANAGER);
		return new Publisher(id, manager);
	}

	/** Creates, submits and approves the entry; waits until it is searchable. */
	UUID publish(WebTestClient client, Publisher owner, Account admin, String kind, Map<String, Object> content) {
		UUID id = UUID.fromString((String) client.post()
			.uri("/api/v1/catalog/entries")
			.headers((h) -> h.setBearerAuth(owner.manager().token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", kind, "ownerOrganisationId", owner.id().toString(), "content", content))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(MAP)
			.returnResult()
			.getResponseBody()
			.get("id"));
		client.post()
			.uri("/api/v1/catalog/entries/{id}/submit", id)
			.headers((h) -> h.setBearerAuth(owner.manager().token()))
			.exchange()
			.expectStatus()
			.isOk();
		client.post()
			.uri("/api/v1/admin/catalog/entries/{id}/approve", id)
			.headers((h) -> h.setBearerAuth(admin.token()))
			.exchange()
			.expectStatus()
			.isOk();
		this.probe.awaitIndexed(id, (String) content.get("titleZh"));
		return id;
	}

	void awaitIndexed(UUID firm) {
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> firmIndexed(firm));
	}

	void awaitRemoved(UUID firm) {
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !firmIndexed(firm));
	}

	@SuppressWarnings("rawtypes")
	boolean firmIndexed(UUID firm) {
		try {
			return this.elasticsearch.indices().existsAlias((a) -> a.name(FirmIndex.ALIAS)).value()
					&& this.elasticsearch.get((g) -> g.index(FirmIndex.ALIAS).id(firm.toString()), Map.class).found();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A growth-stage rail-transit firm in Zhuzhou seeking CNY 10–30 million in equity, a
	 * valid high-tech certificate and an expired tech-SME one; discoverable.
	 */
	static Map<String, Object> profile() {
		Map<String, Object> profile = new HashMap<>();
		profile.put("industryChains", List.of("RAIL_TRANSIT"));
		profile.put("products", "城轨车辆牵引电机与永磁牵引系统");
		profile.put("stage", "GROWTH");
		profile.put("city", "ZHUZHOU");
		profile.put("district", "石峰区");
		profile.put("foundedYear", 2015);
		profile.put("employees", "FROM_101_TO_300");
		profile.put("revenue", "FROM_50M_TO_200M");
		profile.put("qualifications",
				new ArrayList<>(List.of(
						Map.of("qualification", "HIGH_TECH_ENTERPRISE", "certificateNumber", "GR202343000888",
								"expiresOn", "2099-12-31"),
						Map.of("qualification", "TECH_SME", "certificateNumber", "2022430211A0000001", "expiresOn",
								"2023-12-31"))));
		profile.put("patents", Map.of("invention", 12, "utilityModel", 30, "design", 1, "softwareCopyright", 4,
				"numbers", List.of("ZL202110123456.7")));
		profile.put("fundingNeed", new HashMap<>(Map.of("amountMinFen", 1_000_000_000L, "amountMaxFen", 3_000_000_000L,
				"purpose", "永磁牵引电机产线扩建", "instruments", List.of("EQUITY"))));
		profile.put("technologyNeeds", "牵引电机故障诊断与温升特性分析");
		profile.put("contact", Map.of("name", "周工", "phone", "0731-28880000", "email", "zhou@firm.example.cn"));
		profile.put("discoverable", true);
		return profile;
	}

	/** A financing entry of the rail-transit chain in Zhuzhou. */
	static Map<String, Object> financing(String titleZh, String kind, List<String> stages, Long minFen, Long maxFen) {
		Map<String, Object> content = common(titleZh, "Rail transit fund for matching tests", "ZHUZHOU", "天元区",
				List.of("RAIL_TRANSIT"), 27.83, 113.08);
		content.put("summaryZh", "面向株洲轨道交通领域企业的" + titleZh + "。");
		Map<String, Object> financing = new HashMap<>();
		financing.put("financingKind", kind);
		financing.put("institution", "匹配测试基金管理公司");
		financing.put("stages", stages);
		financing.put("ticketMinFen", minFen);
		financing.put("ticketMaxFen", maxFen);
		content.put("financing", financing);
		return content;
	}

	/** A tech-transfer offering. */
	static Map<String, Object> offering(String titleZh, String titleEn, List<String> chains, int trl,
			List<String> dealModes, Long priceFen) {
		Map<String, Object> content = common(titleZh, titleEn, "ZHUZHOU", "石峰区", chains, 27.88, 113.12);
		content.put("summaryZh", titleZh + "，已完成样机验证。");
		Map<String, Object> offering = new HashMap<>();
		offering.put("ipType", "INVENTION_PATENT");
		offering.put("trl", trl);
		offering.put("dealModes", dealModes);
		offering.put("askingPriceFen", priceFen);
		content.put("techOffering", offering);
		return content;
	}

	static Map<String, Object> common(String titleZh, String titleEn, String city, String district, List<String> chains,
			double lat, double lon) {
		Map<String, Object> content = new HashMap<>();
		content.put("titleZh", titleZh);
		content.put("titleEn", titleEn);
		content.put("city", city);
		content.put("district", district);
		content.put("industryChains", chains);
		content.put("location", Map.of("lat", lat, "lon", lon));
		return content;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	static final Class<Map<String, Object>> MAP = (Class) Map.class;

	/**
	 * @param id the firm (organisation)
	 * @param member a member with the platform role FIRM
	 */
	record Firm(UUID id, Account member) {
	}

	/**
	 * @param id the organisation
	 * @param manager its manager, a publisher
	 */
	record Publisher(UUID id, Account manager) {
	}

}
