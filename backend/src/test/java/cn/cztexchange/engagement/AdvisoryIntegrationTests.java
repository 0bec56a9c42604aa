package cn.cztexchange.engagement;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.cztexchange.IntegrationTest;
import cn.cztexchange.engagement.EngagementFixtures.Org;
import cn.cztexchange.identity.Role;
import cn.cztexchange.identity.TestAccounts.Account;

import static cn.cztexchange.engagement.EngagementFixtures.create;
import static cn.cztexchange.engagement.EngagementFixtures.createdId;
import static cn.cztexchange.engagement.EngagementFixtures.get;
import static cn.cztexchange.engagement.EngagementFixtures.interest;
import static cn.cztexchange.engagement.EngagementFixtures.mails;
import static cn.cztexchange.engagement.EngagementFixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Firms ask experts and service organisations for result evaluation, investment advice or
 * market research; the requests follow the same workflow and notification path.
 */
@IntegrationTest
class AdvisoryIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	EngagementFixtures fixtures;

	Org firm;

	Account answerer;

	UUID expert;

	@BeforeEach
	void expert() {
		this.firm = this.fixtures.firm();
		this.answerer = this.fixtures.user(Role.RESEARCHER);
		this.expert = this.fixtures.expert(this.client, this.answerer, List.of("RESULT_EVALUATION", "MARKET_RESEARCH"));
	}

	@Test
	void aFirmAsksAnExpertWhoAnswersThroughTheLinkedUser() {
		UUID id = createdId(this.client, this.firm.member(), request(this.expert, "RESULT_EVALUATION", "请评估我们的专利组合"));
		get(this.client, this.answerer, "/api/v1/engagements/{id}", id).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.kind")
			.isEqualTo("ADVISORY")
			.jsonPath("$.service")
			.isEqualTo("RESULT_EVALUATION")
			.jsonPath("$.counterpart.type")
			.isEqualTo("EXPERT")
			.jsonPath("$.counterpart.id")
			.isEqualTo(this.expert.toString())
			.jsonPath("$.subject.type")
			.isEqualTo("EXPERT")
			.jsonPath("$.subject.kind")
			.isEmpty()
			.jsonPath("$.side")
			.isEqualTo("COUNTERPART")
			.jsonPath("$.contacts")
			.isEmpty();
		get(this.client, this.answerer, "/api/v1/engagements?side=COUNTERPART").expectBody()
			.jsonPath("$.items[0].id")
			.isEqualTo(id.toString());
		assertThat(this.fixtures.notifications(this.answerer, id)).containsExactly("ENGAGEMENT_REQUESTED");
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !mails(this.answerer).isEmpty());
		assertThat(mails(this.answerer).get(0)).startsWith("New advisory request: ");

		step(this.client, this.answerer, id, "accept", Map.of()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.contacts.counterpart.phone")
			.isEqualTo("0731-22334455")
			.jsonPath("$.contacts.counterpart.email")
			.isEqualTo("expert@example.com")
			.jsonPath("$.contacts.subject")
			.isEmpty();
		get(this.client, this.firm.member(), "/api/v1/engagements/{id}", id).expectBody()
			.jsonPath("$.contacts.counterpart.phone")
			.isEqualTo("0731-22334455")
			.jsonPath("$.contacts.firm.phone")
			.isEqualTo(EngagementPrivacyIntegrationTests.ORGANISATION_PHONE);
		step(this.client, this.firm.member(), id, "propose-meeting", EngagementFixtures.meeting()).expectStatus()
			.isOk();
		step(this.client, this.answerer, id, "meeting-held", Map.of()).expectStatus().isOk();
		step(this.client, this.answerer, id, "negotiate", Map.of()).expectStatus().isOk();
		step(this.client, this.answerer, id, "close", Map.of("dealType", "EQUITY", "amountFen", 100)).expectStatus()
			.isBadRequest();
		step(this.client, this.answerer, id, "close", Map.of("dealType", "SERVICE_CONTRACT", "amountFen", 8_000_000L))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("CLOSED");
		assertThat(this.fixtures.notifications(this.firm.manager(), id)).containsExactly("ENGAGEMENT_ACCEPTED",
				"ENGAGEMENT_MEETING_HELD", "ENGAGEMENT_NEGOTIATING", "ENGAGEMENT_CLOSED");
		// Other services of the same expert are other requests.
		createdId(this.client, this.firm.member(), request(this.expert, "MARKET_RESEARCH", "请做一份市场调研"));
	}

	@Test
	void theExpertMustOfferTheServiceAndAnswerRequests() {
		create(this.client, this.firm.member(), request(this.expert, "INVESTMENT_ADVICE", "请给投资建议")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("service")
			.jsonPath("$.errors[0].message")
			.value((String message) -> assertThat(message).contains("RESULT_EVALUATION"));
		create(this.client, this.firm.member(), interest("ADVISORY", this.expert, "没有写服务")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("service");
		UUID unanswered = this.fixtures.expert(this.client, null, List.of("RESULT_EVALUATION"));
		create(this.client, this.firm.member(), request(unanswered, "RESULT_EVALUATION", "请评估")).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("takes no requests"));
		create(this.client, this.firm.member(), interest("FINANCING", this.expert, "投资")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("subjectId");
		// An inactive expert is not in the directory.
		Map<String, Object> inactive = EngagementFixtures.expertBody("停用专家");
		inactive.put("active", false);
		inactive.put("userEmail", this.fixtures.user().email());
		UUID hidden = UUID.fromString((String) this.client.post()
			.uri("/api/v1/experts")
			.headers((h) -> h.setBearerAuth(this.fixtures.admin().token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(inactive)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id"));
		create(this.client, this.firm.member(), request(hidden, "RESULT_EVALUATION", "请评估")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("subjectId");
	}

	@Test
	void anExpertCannotAskThemself() {
		this.fixtures.join(this.firm.id(), this.answerer);
		create(this.client, this.answerer, request(this.expert, "RESULT_EVALUATION", "自己评估自己")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("is the expert you answer for");
	}

	@Test
	void aFirmAsksAServiceOrganisationThroughOneOfItsServiceEntries() {
		Org university = this.fixtures.university();
		UUID service = this.fixtures.service(this.client, university);
		create(this.client, university.member(), request(service, "MARKET_RESEARCH", "我们自己请求自己")).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Advisory requests are made by firms; a service organisation answers them.");
		UUID id = createdId(this.client, this.firm.member(), request(service, "MARKET_RESEARCH", "请做轨交市场调研"));
		get(this.client, university.manager(), "/api/v1/engagements/{id}", id).expectBody()
			.jsonPath("$.counterpart.type")
			.isEqualTo("ORGANISATION")
			.jsonPath("$.counterpart.id")
			.isEqualTo(university.id().toString())
			.jsonPath("$.subject.kind")
			.isEqualTo("SERVICE");
		assertThat(this.fixtures.notifications(university.member(), id)).containsExactly("ENGAGEMENT_REQUESTED");
		step(this.client, university.member(), id, "accept", Map.of()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.contacts.subject.phone")
			.isEqualTo("0731-86660000");
	}

	private static Map<String, Object> request(UUID subject, String service, String message) {
		Map<String, Object> request = interest("ADVISORY", subject, message);
		request.put("service", service);
		return request;
	}

}
