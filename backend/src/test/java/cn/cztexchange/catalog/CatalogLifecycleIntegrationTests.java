package cn.cztexchange.catalog;

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
import cn.cztexchange.search.SearchIndexProbe;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Draft → pending review → published → archived; what is published reaches the search
 * index through the outbox, and what is archived leaves it.
 */
@IntegrationTest
class CatalogLifecycleIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	TestAccounts accounts;

	@Autowired
	SearchIndexProbe search;

	UUID organisation;

	Account publisher;

	Account admin;

	@BeforeEach
	void organisationWithAPublisher() {
		this.organisation = this.accounts.organisation(true);
		this.publisher = this.accounts.user(Role.PUBLISHER);
		this.accounts.join(this.organisation, this.publisher, MembershipRole.MEMBER);
		this.admin = this.accounts.user(Role.ADMIN);
	}

	@Test
	void anEntryIsPublishedOnlyOnceApproved() {
		CatalogEntryResponse draft = create(CatalogTestEntries.instrument(this.organisation, "电感耦合等离子体质谱仪"));
		assertThat(draft.status()).isEqualTo(EntryStatus.DRAFT);
		assertThat(draft.review()).isEqualTo(ReviewState.EDITING);
		publicView(draft.id()).expectStatus().isNotFound();

		act(this.publisher, draft.id(), "submit").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.review")
			.isEqualTo("PENDING");
		publicView(draft.id()).expectStatus().isNotFound();
		act(this.admin, draft.id(), "approve").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("PUBLISHED")
			.jsonPath("$.published.titleZh")
			.isEqualTo("电感耦合等离子体质谱仪");
		publicView(draft.id()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content.instrument.model")
			.isEqualTo("7900")
			.jsonPath("$.owner.id")
			.isEqualTo(this.organisation.toString())
			.jsonPath("$.text")
			.doesNotExist();
		this.search.awaitIndexed(draft.id(), "电感耦合等离子体质谱仪");
	}

	@Test
	void anEditOfAPublishedEntryStaysInvisibleUntilApproved() {
		CatalogEntryResponse entry = publish(CatalogTestEntries.instrument(this.organisation, "原名称质谱仪"));
		Map<String, Object> edited = CatalogTestEntries.instrument(this.organisation, "新名称质谱仪");
		update(entry.id(), edited.get("content"), entry.version()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.draft.titleZh")
			.isEqualTo("新名称质谱仪")
			.jsonPath("$.published.titleZh")
			.isEqualTo("原名称质谱仪");
		publicView(entry.id()).expectStatus().isOk().expectBody().jsonPath("$.content.titleZh").isEqualTo("原名称质谱仪");
		this.search.awaitIndexed(entry.id(), "原名称质谱仪");
		act(this.publisher, entry.id(), "submit").expectStatus().isOk();
		CatalogEntryResponse approved = act(this.admin, entry.id(), "approve").expectStatus()
			.isOk()
			.expectBody(CatalogEntryResponse.class)
			.returnResult()
			.getResponseBody();
		publicView(entry.id()).expectStatus().isOk().expectBody().jsonPath("$.content.titleZh").isEqualTo("新名称质谱仪");
		this.search.awaitIndexed(entry.id(), "新名称质谱仪");
		// Indexed with the entry's version, so that an older state delivered late by
		// another replica cannot replace it.
		assertThat(this.search.indexedVersion(entry.id())).isEqualTo(approved.version());
	}

	@Test
	void aRejectedEntryCarriesTheReasonAndCanBeReworked() {
		CatalogEntryResponse draft = create(CatalogTestEntries.instrument(this.organisation, "待审核质谱仪"));
		act(this.publisher, draft.id(), "submit").expectStatus().isOk();
		update(draft.id(), CatalogTestEntries.instrument(this.organisation, "审核中修改").get("content"),
				draft.version() + 1)
			.expectStatus()
			.isEqualTo(409);
		this.client.post()
			.uri("/api/v1/admin/catalog/entries/{id}/reject", draft.id())
			.headers((h) -> h.setBearerAuth(this.admin.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "请补充仪器的主要技术指标"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.review")
			.isEqualTo("REJECTED")
			.jsonPath("$.rejectionReason")
			.isEqualTo("请补充仪器的主要技术指标");
		act(this.admin, draft.id(), "approve").expectStatus().isEqualTo(409);
		update(draft.id(), CatalogTestEntries.instrument(this.organisation, "补充指标后").get("content"),
				draft.version() + 2)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.review")
			.isEqualTo("EDITING")
			.jsonPath("$.rejectionReason")
			.doesNotExist();
		assertThat(this.search.indexedTitle(draft.id())).isEmpty();
	}

	@Test
	void withdrawingASubmissionAllowsEditingAgain() {
		CatalogEntryResponse draft = create(CatalogTestEntries.instrument(this.organisation, "撤回测试"));
		act(this.publisher, draft.id(), "submit").expectStatus().isOk();
		act(this.publisher, draft.id(), "withdraw").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.review")
			.isEqualTo("EDITING");
		act(this.publisher, draft.id(), "withdraw").expectStatus().isEqualTo(409);
		update(draft.id(), CatalogTestEntries.instrument(this.organisation, "撤回后修改").get("content"),
				draft.version() + 2)
			.expectStatus()
			.isOk();
	}

	@Test
	void archivingAPublishedEntryTakesItOutOfTheCatalogue() {
		CatalogEntryResponse entry = publish(CatalogTestEntries.instrument(this.organisation, "将归档的质谱仪"));
		act(this.publisher, entry.id(), "archive").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("ARCHIVED");
		publicView(entry.id()).expectStatus().isNotFound();
		act(this.publisher, entry.id(), "submit").expectStatus().isEqualTo(409);
		this.search.awaitRemoved(entry.id());
	}

	@Test
	void concurrentEditsDoNotOverwriteEachOther() {
		CatalogEntryResponse draft = create(CatalogTestEntries.instrument(this.organisation, "并发编辑"));
		Object content = CatalogTestEntries.instrument(this.organisation, "第一位编辑").get("content");
		update(draft.id(), content, draft.version()).expectStatus().isOk();
		update(draft.id(), CatalogTestEntries.instrument(this.organisation, "第二位编辑").get("content"), draft.version())
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("version 2"));
	}

	@Test
	void unverifiedOrganisationsCannotSubmit() {
		UUID unverified = this.accounts.organisation(false);
		this.accounts.join(unverified, this.publisher, MembershipRole.MANAGER);
		CatalogEntryResponse draft = create(CatalogTestEntries.instrument(unverified, "未认证机构的仪器"));
		act(this.publisher, draft.id(), "submit").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("verified"));
	}

	private CatalogEntryResponse publish(Map<String, Object> request) {
		CatalogEntryResponse draft = create(request);
		act(this.publisher, draft.id(), "submit").expectStatus().isOk();
		return this.client.post()
			.uri("/api/v1/admin/catalog/entries/{id}/approve", draft.id())
			.headers((h) -> h.setBearerAuth(this.admin.token()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(CatalogEntryResponse.class)
			.returnResult()
			.getResponseBody();
	}

	private CatalogEntryResponse create(Map<String, Object> request) {
		return this.client.post()
			.uri("/api/v1/catalog/entries")
			.headers((h) -> h.setBearerAuth(this.publisher.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(request)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(CatalogEntryResponse.class)
			.returnResult()
			.getResponseBody();
	}

	private WebTestClient.ResponseSpec update(UUID id, Object content, int version) {
		return this.client.put()
			.uri("/api/v1/catalog/entries/{id}", id)
			.headers((h) -> h.setBearerAuth(this.publisher.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("content", content, "version", version))
			.exchange();
	}

	private WebTestClient.ResponseSpec act(Account account, UUID id, String action) {
		String path = action.equals("approve") ? "/api/v1/admin/catalog/entries/{id}/approve"
				: "/api/v1/catalog/entries/{id}/" + action;
		return this.client.post().uri(path, id).headers((h) -> h.setBearerAuth(account.token())).exchange();
	}

	private WebTestClient.ResponseSpec publicView(UUID id) {
		return this.client.get().uri("/api/v1/resources/{id}", id).exchange();
	}

}
