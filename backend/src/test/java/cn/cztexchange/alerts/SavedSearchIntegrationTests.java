package cn.cztexchange.alerts;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import cn.cztexchange.IntegrationTest;
import cn.cztexchange.identity.CurrentUser;
import cn.cztexchange.identity.Role;
import cn.cztexchange.identity.TestAccounts;
import cn.cztexchange.identity.TestAccounts.Account;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeping saved searches through the API: each is its owner's alone, its query string is
 * checked as the search checks it, and a user keeps a limited number.
 */
@IntegrationTest
class SavedSearchIntegrationTests {

	static final String BASE = "/api/v1/me/saved-searches";

	@Autowired
	WebTestClient client;

	@Autowired
	TestAccounts accounts;

	@Autowired
	AlertsProperties properties;

	@Autowired
	DatabaseClient database;

	@Autowired
	SavedSearchService service;

	@Test
	void aSavedSearchIsKeptInCanonicalFormListedRenamedAndDeleted() {
		Account user = this.accounts.user(Role.RESEARCHER);
		Map<String, Object> created = create(user,
				Map.of("name", " 长沙的质谱仪 ", "query", "?city=CHANGSHA&kind=INSTRUMENT&q=质谱&size=20", "emailDigest", true))
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueMatches("Location", BASE + "/[0-9a-f-]{36}")
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String id = (String) created.get("id");
		assertThat(created).containsEntry("name", "长沙的质谱仪")
			.containsEntry("query", "q=%E8%B4%A8%E8%B0%B1&kind=INSTRUMENT&city=CHANGSHA")
			.containsEntry("emailDigest", true)
			.containsEntry("hitCount", 0);

		get(user, BASE).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].id")
			.isEqualTo(id)
			.jsonPath("$.length()")
			.isEqualTo(1);
		put(user, id, Map.of("name", "质谱仪", "emailDigest", false)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("质谱仪")
			.jsonPath("$.emailDigest")
			.isEqualTo(false)
			.jsonPath("$.query")
			.isEqualTo("q=%E8%B4%A8%E8%B0%B1&kind=INSTRUMENT&city=CHANGSHA");
		get(user, BASE + "/" + id).expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("质谱仪");
		get(user, BASE + "/" + id + "/hits").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(0)
			.jsonPath("$.items.length()")
			.isEqualTo(0);

		this.client.delete()
			.uri(BASE + "/" + id)
			.headers((h) -> h.setBearerAuth(user.token()))
			.exchange()
			.expectStatus()
			.isNoContent();
		get(user, BASE).expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
		get(user, BASE + "/" + id).expectStatus().isNotFound();
	}

	@Test
	@SuppressWarnings("unchecked")
	void aQueryStringTheSearchWouldRefuseIsRefusedNamingEachParameter() {
		Account user = this.accounts.user(Role.FIRM);
		create(user, Map.of("name", "坏的搜索", "query", "kind=GADGET&priceMinFen=-5&kinds=SERVICE")).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value((fields) -> assertThat((List<Object>) fields).containsExactlyInAnyOrder("query.kinds", "query.kind",
					"query.priceMinFen"));
		create(user, Map.of("name", "距离", "query", "radiusKm=5")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("query.near");
		get(user, BASE).expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
	}

	@Test
	void aNameAndADigestChoiceAreNeeded() {
		Account user = this.accounts.user(Role.INVESTOR);
		create(user, Map.of("name", " ", "query", "kind=FINANCING")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("name");
		create(user, Map.of("name", "x".repeat(101))).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("name");
		String id = createdId(user, "融资", "kind=FINANCING");
		put(user, id, Map.of("name", "融资")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("emailDigest");
	}

	@Test
	void anotherUsersSavedSearchIsNotFound() {
		Account owner = this.accounts.user(Role.RESEARCHER);
		Account other = this.accounts.user(Role.ADMIN);
		String id = createdId(owner, "我的搜索", "q=质谱");

		get(other, BASE + "/" + id).expectStatus().isNotFound();
		get(other, BASE + "/" + id + "/hits").expectStatus().isNotFound();
		put(other, id, Map.of("name", "别人的", "emailDigest", true)).expectStatus().isNotFound();
		this.client.delete()
			.uri(BASE + "/" + id)
			.headers((h) -> h.setBearerAuth(other.token()))
			.exchange()
			.expectStatus()
			.isNotFound();
		get(other, BASE).expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
		get(owner, BASE + "/" + id).expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("我的搜索");
		get(owner, BASE + "/" + UUID.randomUUID()).expectStatus().isNotFound();
	}

	@Test
	void savedSearchesNeedASignedInUser() {
		this.client.get().uri(BASE).exchange().expectStatus().isUnauthorized();
		this.client.post()
			.uri(BASE)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "匿名", "query", ""))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void theSameSearchSavedTwiceIsAConflictNamingTheFirst() {
		Account user = this.accounts.user(Role.RESEARCHER);
		String id = createdId(user, "长沙仪器", "kind=INSTRUMENT&city=CHANGSHA");

		create(user, Map.of("name", "又一个", "query", "city=CHANGSHA&kind=INSTRUMENT&kind=INSTRUMENT")).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.savedSearchId")
			.isEqualTo(id)
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("长沙仪器"));
	}

	@Test
	void aUserKeepsAtMostTheLimit() {
		Account user = this.accounts.user(Role.RESEARCHER);
		int limit = this.properties.maxPerUser();
		for (int i = 0; i < limit; i++) {
			createdId(user, "搜索 " + i, "q=" + i);
		}

		create(user, Map.of("name", "再一个", "query", "q=more")).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Too many saved searches")
			.jsonPath("$.limit")
			.isEqualTo(limit);
		get(user, BASE).expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(limit);
	}

	@Test
	void twoSavesAtOnceCannotBothPassTheLimit() {
		Account account = this.accounts.user(Role.RESEARCHER);
		int limit = this.properties.maxPerUser();
		for (int i = 0; i < limit - 1; i++) {
			createdId(account, "搜索 " + i, "q=" + i);
		}
		CurrentUser user = new CurrentUser(account.id(), account.email(), java.util.Set.of(Role.RESEARCHER), null);

		StepVerifier.create(Mono.zip(
				this.service.create(new SavedSearchRequests.Create("甲", "q=first", false), user)
					.map((saved) -> 1)
					.onErrorReturn(0),
				this.service.create(new SavedSearchRequests.Create("乙", "q=second", false), user)
					.map((saved) -> 1)
					.onErrorReturn(0),
				Integer::sum))
			.expectNext(1)
			.verifyComplete();
		assertThat(this.database.sql("select count(*) from saved_searches where user_id = :user")
			.bind("user", account.id())
			.map((row) -> row.get(0, Long.class))
			.one()
			.block()).isEqualTo(limit);
	}

	private WebTestClient.ResponseSpec create(Account user, Map<String, Object> body) {
		return this.client.post()
			.uri(BASE)
			.headers((h) -> h.setBearerAuth(user.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private String createdId(Account user, String name, String query) {
		return (String) create(user, Map.of("name", name, "query", query)).expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

	private WebTestClient.ResponseSpec put(Account user, String id, Map<String, Object> body) {
		return this.client.put()
			.uri(BASE + "/" + id)
			.headers((h) -> h.setBearerAuth(user.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private WebTestClient.ResponseSpec get(Account user, String uri) {
		return this.client.get().uri(uri).headers((h) -> h.setBearerAuth(user.token())).exchange();
	}

}
