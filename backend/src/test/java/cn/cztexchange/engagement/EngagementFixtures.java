package cn.cztexchange.engagement;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.MessagingException;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.cztexchange.identity.MembershipRole;
import cn.cztexchange.identity.OrganisationType;
import cn.cztexchange.identity.Role;
import cn.cztexchange.identity.TestAccounts;
import cn.cztexchange.identity.TestAccounts.Account;
import cn.cztexchange.notification.TestMailServer;

/**
 * Firms, investors, technology owners and service organisations with their members, and
 * published catalogue entries made through the API as publishers and admins would; and
 * engagement requests as the web app sends them.
 */
@Component
class EngagementFixtures {

	/**
	 * The start of every entry title: one that no search or suggestion test looks for.
	 */
	static final String TITLE = "对接测试专用";

	/** The contact person of every test entry. */
	/** The contact person of {@link #discoverableFirm}'s profile. */
	static final Map<String, String> FIRM_CONTACT = Map.of("name", "企业对接人", "phone", "0731-22220000", "email",
			"duijie@firm.example.cn");

	static final Map<String, String> ENTRY_CONTACT = Map.of("name", "对接联系人", "phone", "0731-86660000", "email",
			"entry-contact@example.com");

	private final TestAccounts accounts;

	private final DatabaseClient database;

	EngagementFixtures(TestAccounts accounts, DatabaseClient database) {
		this.accounts = accounts;
		this.database = database;
	}

	/** The types of the user's notifications about the engagement, oldest first. */
	List<String> notifications(Account user, UUID engagement) {
		return this.database
			.sql("select type from notifications where user_id = :user and link = :link order by created_at, id")
			.bind("user", user.id())
			.bind("link", "/engagements/" + engagement)
			.map((row) -> row.get("type", String.class))
			.all()
			.collectList()
			.block();
	}

	/** The subjects of the emails the test mail server received for the user. */
	static List<String> mails(Account user) {
		return TestMailServer.receivedBy(user.email()).stream().map((mail) -> {
			try {
				return mail.getSubject();
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/** A verified firm with a manager and a member. */
	Org firm() {
		return organisation(OrganisationType.FIRM, true, Role.FIRM);
	}

	/**
	 * A verified firm with a manager and a member, and a discoverable profile (written
	 * through the API), so that investors and technology owners may approach it.
	 */
	Org discoverableFirm(WebTestClient client) {
		Org firm = firm();
		client.put()
			.uri("/api/v1/organisations/{id}/firm-profile", firm.id())
			.headers((h) -> h.setBearerAuth(firm.manager().token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("industryChains", List.of("RAIL_TRANSIT"), "products", "牵引变流器", "stage", "GROWTH", "city",
					"ZHUZHOU", "contact", FIRM_CONTACT, "discoverable", true))
			.exchange()
			.expectStatus()
			.isCreated();
		return firm;
	}

	/** A verified investor with a manager and a member. */
	Org investor() {
		return organisation(OrganisationType.INVESTOR, true, Role.INVESTOR);
	}

	/** A verified university (a technology owner or service organisation). */
	Org university() {
		return organisation(OrganisationType.UNIVERSITY, true, Role.RESEARCHER);
	}

	Org organisation(OrganisationType type, boolean verified, Role role) {
		UUID id = this.accounts.organisation(type, verified);
		Account manager = this.accounts.user(role);
		Account member = this.accounts.user(role);
		this.accounts.join(id, manager, MembershipRole.MANAGER);
		this.accounts.join(id, member, MembershipRole.MEMBER);
		return new Org(id, manager, member);
	}

	void join(UUID organisation, Account account) {
		this.accounts.join(organisation, account, MembershipRole.MEMBER);
	}

	Account user(Role... roles) {
		return this.accounts.user(roles);
	}

	Account admin() {
		return this.accounts.user(Role.ADMIN);
	}

	/** A published FINANCING entry of the organisation. */
	UUID financing(WebTestClient client, Org owner) {
		Map<String, Object> content = content("成长期股权基金", "Growth equity fund");
		content.put("financing", Map.of("financingKind", "VC_PE_FUND", "institution", "对接测试基金", "stages",
				List.of("GROWTH", "MATURE"), "ticketMinFen", 500_000_000L, "ticketMaxFen", 5_000_000_000L));
		return publish(client, owner, "FINANCING", content);
	}

	/** A published tech-transfer offering of the organisation. */
	UUID offering(WebTestClient client, Org owner) {
		Map<String, Object> content = content("碳化硅功率器件专利许可", "Silicon carbide power device patent licence");
		content.put("techOffering", Map.of("ipType", "INVENTION_PATENT", "ipNumbers", List.of("ZL202310000000.1"),
				"trl", 6, "dealModes", List.of("LICENCE", "TRANSFER")));
		return publish(client, owner, "TECH_OFFERING", content);
	}

	/** A published technology need of the (firm) organisation. */
	UUID need(WebTestClient client, Org firm) {
		Map<String, Object> content = content("牵引电机散热联合研发", "Joint R&D on traction motor cooling");
		content.put("techNeed", Map.of("needType", "JOINT_DEVELOPMENT", "budgetMinFen", 50_000_000L, "budgetMaxFen",
				200_000_000L, "dealModes", List.of("JOINT_DEVELOPMENT", "LICENCE")));
		return publish(client, firm, "TECH_NEED", content);
	}

	/** A published technical service of the organisation. */
	UUID service(WebTestClient client, Org owner) {
		Map<String, Object> content = content("产业技术咨询服务", "Industrial technology consulting");
		content.put("service", Map.of("serviceType", "ANALYSIS", "scope", "成果评估与市场分析"));
		return publish(client, owner, "SERVICE", content);
	}

	private static Map<String, Object> content(String titleZh, String titleEn) {
		Map<String, Object> content = new HashMap<>();
		content.put("titleZh", TITLE + titleZh);
		content.put("titleEn", titleEn + " for engagement tests");
		content.put("summaryZh", "对接流程测试用条目。");
		content.put("city", "CHANGSHA");
		content.put("district", "岳麓区");
		content.put("industryChains", List.of("RAIL_TRANSIT"));
		content.put("contact", ENTRY_CONTACT);
		return content;
	}

	private UUID publish(WebTestClient client, Org owner, String kind, Map<String, Object> content) {
		Account admin = admin();
		UUID id = UUID.fromString((String) client.post()
			.uri("/api/v1/catalog/entries")
			.headers((h) -> h.setBearerAuth(owner.manager().token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", kind, "ownerOrganisationId", owner.id().toString(), "content", content))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
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
		return id;
	}

	/** An active expert, through the admin API; {@code answeredBy} may be null. */
	UUID expert(WebTestClient client, Account answeredBy, List<String> services) {
		Map<String, Object> body = new HashMap<>(expertBody("测试专家" + UUID.randomUUID().toString().substring(0, 8)));
		body.put("services", services);
		if (answeredBy != null) {
			body.put("userEmail", answeredBy.email());
		}
		return UUID.fromString((String) client.post()
			.uri("/api/v1/experts")
			.headers((h) -> h.setBearerAuth(admin().token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id"));
	}

	static Map<String, Object> expertBody(String nameZh) {
		Map<String, Object> body = new HashMap<>();
		body.put("nameZh", nameZh);
		body.put("nameEn", "Test Expert");
		body.put("titleZh", "研究员");
		body.put("organisationNameZh", "测试研究院");
		body.put("city", "ZHUZHOU");
		body.put("fields", List.of("轨道交通装备", "技术成熟度"));
		body.put("industryChains", List.of("RAIL_TRANSIT"));
		body.put("services", List.of("RESULT_EVALUATION", "MARKET_RESEARCH"));
		body.put("bioZh", "从事轨道交通装备研究。");
		body.put("contact", Map.of("name", nameZh, "phone", "0731-22334455", "email", "expert@example.com"));
		return body;
	}

	static WebTestClient.ResponseSpec create(WebTestClient client, Account as, Map<String, Object> request) {
		return client.post()
			.uri("/api/v1/engagements")
			.headers((h) -> h.setBearerAuth(as.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(request)
			.exchange();
	}

	/** Creates and answers the new engagement's id, expecting a 201. */
	static UUID createdId(WebTestClient client, Account as, Map<String, Object> request) {
		return UUID.fromString((String) create(client, as, request).expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id"));
	}

	static Map<String, Object> interest(String kind, UUID subject, String message) {
		return new HashMap<>(Map.of("kind", kind, "subjectId", subject.toString(), "message", message));
	}

	static WebTestClient.ResponseSpec step(WebTestClient client, Account as, UUID id, String step,
			Map<String, Object> body) {
		return client.post()
			.uri("/api/v1/engagements/{id}/{step}", id, step)
			.headers((h) -> h.setBearerAuth(as.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	static WebTestClient.ResponseSpec get(WebTestClient client, Account as, String uri, Object... variables) {
		return client.get().uri(uri, variables).headers((h) -> h.setBearerAuth(as.token())).exchange();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> engagement(WebTestClient client, Account as, UUID id) {
		return get(client, as, "/api/v1/engagements/{id}", id).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	/** A valid meeting proposal, a week ahead. */
	static Map<String, Object> meeting() {
		return Map.of("startsAt",
				java.time.Instant.now().plus(Duration.ofDays(7)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES),
				"mode", "IN_PERSON", "place", "长沙市岳麓区麓谷大道 1 号", "note", "请带上商业计划书");
	}

	/**
	 * @param id the organisation
	 * @param manager its manager
	 * @param member a member
	 */
	record Org(UUID id, Account manager, Account member) {
	}

}
