package cn.cztexchange.engagement;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.cztexchange.IntegrationTest;
import cn.cztexchange.identity.Role;
import cn.cztexchange.identity.TestAccounts.Account;
import cn.cztexchange.identity.UserDirectory;

import static cn.cztexchange.engagement.EngagementFixtures.createdId;
import static cn.cztexchange.engagement.EngagementFixtures.expertBody;
import static cn.cztexchange.engagement.EngagementFixtures.get;
import static cn.cztexchange.engagement.EngagementFixtures.interest;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expert directory: public, without contact details; kept by admins.
 */
@IntegrationTest
class ExpertDirectoryIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	EngagementFixtures fixtures;

	@Autowired
	ExpertRepository experts;

	@Autowired
	UserDirectory users;

	@Autowired
	DatabaseClient database;

	@Test
	void anyoneFindsExpertsByWordsFieldCityAndServiceWithoutTheirContact() {
		String name = unique("轨交专家");
		Account admin = this.fixtures.admin();
		save(admin, null, expertBody(name)).expectStatus().isCreated();
		Map<String, Object> other = expertBody(unique("食品专家"));
		other.put("bioZh", "研究湘莲深加工，" + name + "的同事。");
		other.put("fields", List.of("食品加工"));
		other.put("industryChains", List.of("FOOD_AND_AGRICULTURE"));
		other.put("city", "XIANGTAN");
		other.put("services", List.of("MARKET_RESEARCH"));
		save(admin, null, other).expectStatus().isCreated();

		String body = new String(this.client.get()
			.uri("/api/v1/experts?q={q}", name)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(2)
			.jsonPath("$.items[0].takesRequests")
			.isEqualTo(false)
			.returnResult()
			.getResponseBody(), StandardCharsets.UTF_8);
		assertThat(body).doesNotContain("0731-22334455", "expert@example.com");
		this.client.get()
			.uri("/api/v1/experts?q={q}&field=RAIL_TRANSIT", name)
			.exchange()
			.expectBody()
			.jsonPath("$.items[*].nameZh")
			.value((List<String> names) -> assertThat(names).containsExactly(name));
		this.client.get()
			.uri("/api/v1/experts?q={q}&field=食品加工", name)
			.exchange()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(1);
		this.client.get()
			.uri("/api/v1/experts?q={q}&city=XIANGTAN&service=MARKET_RESEARCH", name)
			.exchange()
			.expectBody()
			.jsonPath("$.items[0].city")
			.isEqualTo("XIANGTAN");
		this.client.get()
			.uri("/api/v1/experts?q={q}&service=INVESTMENT_ADVICE", name)
			.exchange()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(0);
		this.client.get().uri("/api/v1/experts?service=ASTROLOGY").exchange().expectStatus().isBadRequest();
		this.client.get().uri("/api/v1/experts?size=101").exchange().expectStatus().isBadRequest();
	}

	@Test
	void adminsAddChangeAndRemoveExperts() {
		Account admin = this.fixtures.admin();
		Account answerer = this.fixtures.user(Role.RESEARCHER);
		String name = unique("评估专家");
		Map<String, Object> body = expertBody(name);
		body.put("userEmail", answerer.email());
		@SuppressWarnings("unchecked")
		Map<String, Object> created = save(admin, null, body).expectStatus()
			.isCreated()
			.expectHeader()
			.value("Location", (location) -> assertThat(location).startsWith("/api/v1/experts/"))
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String id = (String) created.get("id");
		assertThat(created).containsEntry("active", true)
			.containsEntry("version", 1)
			.containsEntry("takesRequests", true);
		assertThat(created.get("contact")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("phone", "0731-22334455");
		assertThat(created.get("linkedUser")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("email", answerer.email());
		this.client.get()
			.uri("/api/v1/experts/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.contact")
			.isEmpty()
			.jsonPath("$.linkedUser")
			.isEmpty()
			.jsonPath("$.takesRequests")
			.isEqualTo(true);

		body.put("titleZh", "首席专家");
		save(admin, id, body).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("version");
		body.put("version", 1);
		save(admin, id, body).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.titleZh")
			.isEqualTo("首席专家")
			.jsonPath("$.version")
			.isEqualTo(2);
		save(admin, id, body).expectStatus().isEqualTo(409);

		// Deactivated: gone from the directory, still there for admins.
		body.put("version", 2);
		body.put("active", false);
		save(admin, id, body).expectStatus().isOk();
		this.client.get().uri("/api/v1/experts/{id}", id).exchange().expectStatus().isNotFound();
		this.client.get().uri("/api/v1/experts?q={q}", name).exchange().expectBody().jsonPath("$.total").isEqualTo(0);
		get(this.client, admin, "/api/v1/experts/{id}", id).expectStatus().isOk();
		get(this.client, admin, "/api/v1/experts?q={q}&includeInactive=true", name).expectBody()
			.jsonPath("$.total")
			.isEqualTo(1);
		get(this.client, answerer, "/api/v1/experts?includeInactive=true").expectStatus().isForbidden();

		this.client.delete()
			.uri("/api/v1/experts/{id}", id)
			.headers((h) -> h.setBearerAuth(admin.token()))
			.exchange()
			.expectStatus()
			.isNoContent();
		get(this.client, admin, "/api/v1/experts/{id}", id).expectStatus().isNotFound();
		this.client.delete()
			.uri("/api/v1/experts/{id}", id)
			.headers((h) -> h.setBearerAuth(admin.token()))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void anExpertWithEngagementsIsDeactivatedNotRemoved() {
		Account admin = this.fixtures.admin();
		UUID expert = this.fixtures.expert(this.client, this.fixtures.user(), List.of("RESULT_EVALUATION"));
		Map<String, Object> request = interest("ADVISORY", expert, "请评估");
		request.put("service", "RESULT_EVALUATION");
		createdId(this.client, this.fixtures.firm().member(), request);
		this.client.delete()
			.uri("/api/v1/experts/{id}", expert)
			.headers((h) -> h.setBearerAuth(admin.token()))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("set active to false"));
	}

	@Test
	void whatAdminsWriteIsChecked() {
		Account admin = this.fixtures.admin();
		Map<String, Object> bad = expertBody(" ");
		bad.put("services", List.of());
		bad.put("contact", Map.of("phone", "call me", "email", "nope"));
		save(admin, null, bad).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value((List<String> fields) -> assertThat(fields).containsExactlyInAnyOrder("nameZh", "services",
					"contact.phone", "contact.email"));
		Map<String, Object> unknownUser = expertBody(unique("专家"));
		unknownUser.put("userEmail", "nobody-" + UUID.randomUUID() + "@example.com");
		save(admin, null, unknownUser).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("userEmail");
		Account answerer = this.fixtures.user();
		Map<String, Object> first = expertBody(unique("专家"));
		first.put("userEmail", answerer.email());
		save(admin, null, first).expectStatus().isCreated();
		Map<String, Object> second = expertBody(unique("专家"));
		second.put("userEmail", answerer.email());
		save(admin, null, second).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("already answers the requests of another expert");
		Map<String, Object> unknownOrganisation = expertBody(unique("专家"));
		unknownOrganisation.put("organisationId", UUID.randomUUID().toString());
		save(admin, null, unknownOrganisation).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("organisationId");
		UUID university = this.fixtures.university().id();
		Map<String, Object> atUniversity = expertBody(unique("专家"));
		atUniversity.remove("organisationNameZh");
		atUniversity.put("organisationId", university.toString());
		save(admin, null, atUniversity).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.organisation.id")
			.isEqualTo(university.toString())
			.jsonPath("$.organisation.nameZh")
			.isEqualTo("测试大学 " + university);
	}

	@Test
	void onlyAdminsKeepTheDirectory() {
		Map<String, Object> body = expertBody(unique("专家"));
		this.client.post().uri("/api/v1/experts").bodyValue(body).exchange().expectStatus().isUnauthorized();
		save(this.fixtures.firm().manager(), null, body).expectStatus().isForbidden();
		save(this.fixtures.user(Role.PUBLISHER), UUID.randomUUID().toString(), body).expectStatus().isForbidden();
		this.client.delete()
			.uri("/api/v1/experts/{id}", UUID.randomUUID())
			.headers((h) -> h.setBearerAuth(this.fixtures.user(Role.INVESTOR).token()))
			.exchange()
			.expectStatus()
			.isForbidden();
		save(this.fixtures.admin(), UUID.randomUUID().toString(), withVersion(body)).expectStatus().isNotFound();
	}

	@Test
	void theDemoExpertsAreLoadedOnceAcrossCitiesAndServices() {
		DemoExperts demo = new DemoExperts(this.experts, this.users, java.time.Clock.systemUTC());
		demo.load(Duration.ZERO).collectList().block();
		assertThat(demo.load(Duration.ZERO).collectList().block()).hasSize(20).containsOnly(false);
		List<Map<String, Object>> rows = this.database
			.sql("select name_zh, name_en, city, services, demo from experts where demo")
			.fetch()
			.all()
			.collectList()
			.block();
		assertThat(rows).hasSize(20);
		assertThat(rows).allSatisfy((row) -> {
			assertThat((String) row.get("name_zh")).endsWith("（演示）");
			assertThat((String) row.get("name_en")).endsWith(" (demo)");
		});
		assertThat(rows.stream().map((row) -> row.get("city")).distinct()).hasSize(3);
		assertThat(rows.stream().flatMap((row) -> List.of((String[]) row.get("services")).stream()).distinct())
			.containsExactlyInAnyOrder("RESULT_EVALUATION", "INVESTMENT_ADVICE", "MARKET_RESEARCH");
	}

	private WebTestClient.ResponseSpec save(Account as, String id, Map<String, Object> body) {
		WebTestClient.RequestBodySpec request = (id == null) ? this.client.post().uri("/api/v1/experts")
				: this.client.put().uri("/api/v1/experts/{id}", id);
		return request.headers((h) -> h.setBearerAuth(as.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private static Map<String, Object> withVersion(Map<String, Object> body) {
		Map<String, Object> copy = new java.util.HashMap<>(body);
		copy.put("version", 1);
		return copy;
	}

	private static String unique(String name) {
		return name + UUID.randomUUID().toString().substring(0, 8);
	}

}
