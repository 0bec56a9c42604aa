package cn.cztexchange.engagement;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.cztexchange.IntegrationTest;
import cn.cztexchange.engagement.EngagementFixtures.Org;
import cn.cztexchange.identity.TestAccounts.Account;

import static cn.cztexchange.engagement.EngagementFixtures.createdId;
import static cn.cztexchange.engagement.EngagementFixtures.get;
import static cn.cztexchange.engagement.EngagementFixtures.interest;
import static cn.cztexchange.engagement.EngagementFixtures.mails;
import static cn.cztexchange.engagement.EngagementFixtures.meeting;
import static cn.cztexchange.engagement.EngagementFixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The thread of an engagement: both sides write in it from the expression of interest on,
 * until it is declined or withdrawn; each message tells the other side in-app, never by
 * email.
 */
@IntegrationTest
class EngagementThreadIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	EngagementFixtures fixtures;

	Org firm;

	Org investor;

	UUID entry;

	UUID id;

	@BeforeEach
	void interested() {
		this.firm = this.fixtures.firm();
		this.investor = this.fixtures.investor();
		this.entry = this.fixtures.financing(this.client, this.investor);
		this.id = createdId(this.client, this.firm.member(), interest("FINANCING", this.entry, "我们希望融资 5000 万元。"));
	}

	@Test
	void bothSidesWriteAndReadTheThreadOldestFirst() {
		post(this.investor.member(), this.id, "请问贵公司去年营收多少？").expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.side")
			.isEqualTo("COUNTERPART")
			.jsonPath("$.author.id")
			.isEqualTo(this.investor.member().id().toString())
			.jsonPath("$.text")
			.isEqualTo("请问贵公司去年营收多少？");
		post(this.firm.manager(), this.id, "  约 1.2 亿元。  ").expectStatus().isCreated();
		get(this.client, this.investor.manager(), "/api/v1/engagements/{id}/messages", this.id).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(3)
			.jsonPath("$.items[*].text")
			.value((List<String> texts) -> assertThat(texts).containsExactly("我们希望融资 5000 万元。", "请问贵公司去年营收多少？",
					"约 1.2 亿元。"))
			.jsonPath("$.items[*].side")
			.value((List<String> sides) -> assertThat(sides).containsExactly("FIRM", "COUNTERPART", "FIRM"))
			.jsonPath("$.items[0].author.displayName")
			.isNotEmpty();
		get(this.client, this.firm.member(), "/api/v1/engagements/{id}/messages?page=1&size=2", this.id).expectBody()
			.jsonPath("$.items[*].text")
			.value((List<String> texts) -> assertThat(texts).containsExactly("约 1.2 亿元。"))
			.jsonPath("$.total")
			.isEqualTo(3);
		get(this.client, this.firm.member(), "/api/v1/engagements/{id}/messages?size=201", this.id).expectStatus()
			.isBadRequest();
	}

	@Test
	void aMessageTellsTheOtherSideInAppButNotByEmail() {
		post(this.investor.member(), this.id, "请发一份商业计划书。").expectStatus().isCreated();
		assertThat(this.fixtures.notifications(this.firm.member(), this.id)).containsExactly("ENGAGEMENT_MESSAGE");
		assertThat(this.fixtures.notifications(this.firm.manager(), this.id)).containsExactly("ENGAGEMENT_MESSAGE");
		assertThat(this.fixtures.notifications(this.investor.manager(), this.id))
			.containsExactly("ENGAGEMENT_INTERESTED");
		get(this.client, this.firm.member(), "/api/v1/notifications").expectBody()
			.jsonPath("$.items[0].body")
			.value((String body) -> assertThat(body).endsWith("请发一份商业计划书。"));
		// A step's email goes out after the message; the message's would have gone first.
		step(this.client, this.investor.member(), this.id, "accept", Map.of()).expectStatus().isOk();
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !mails(this.firm.member()).isEmpty());
		assertThat(mails(this.firm.member())).singleElement()
			.satisfies((subject) -> assertThat(subject).startsWith("Accepted"));
	}

	@Test
	void messagesAreCheckedForLength() {
		post(this.firm.member(), this.id, "长".repeat(4000)).expectStatus().isCreated();
		post(this.firm.member(), this.id, "长".repeat(4001)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("text");
		post(this.firm.member(), this.id, "   ").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("must not be blank");
	}

	@Test
	void theThreadClosesWhenThereNeverWasAMatchAndStaysOpenAfterADealOrADrop() {
		step(this.client, this.investor.member(), this.id, "decline", Map.of("reason", "不符合投资方向")).expectStatus()
			.isOk();
		post(this.firm.member(), this.id, "能否再考虑？").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("An engagement that is DECLINED cannot take messages.")
			.jsonPath("$.state")
			.isEqualTo("DECLINED");
		get(this.client, this.firm.member(), "/api/v1/engagements/{id}/messages", this.id).expectStatus().isOk();

		UUID withdrawn = createdId(this.client, this.firm.member(), interest("FINANCING", this.entry, "再次联系"));
		step(this.client, this.firm.member(), withdrawn, "withdraw", Map.of()).expectStatus().isOk();
		post(this.investor.member(), withdrawn, "为什么撤回？").expectStatus().isEqualTo(409);

		UUID dropped = createdId(this.client, this.firm.member(), interest("FINANCING", this.entry, "第三次联系"));
		step(this.client, this.investor.member(), dropped, "accept", Map.of()).expectStatus().isOk();
		step(this.client, this.investor.member(), dropped, "drop", Map.of("reason", "额度已满")).expectStatus().isOk();
		post(this.firm.member(), dropped, "明年再联系。").expectStatus().isCreated();

		UUID closed = createdId(this.client, this.firm.member(), interest("FINANCING", this.entry, "第四次联系"));
		step(this.client, this.investor.member(), closed, "accept", Map.of()).expectStatus().isOk();
		step(this.client, this.investor.member(), closed, "propose-meeting", meeting()).expectStatus().isOk();
		step(this.client, this.firm.member(), closed, "meeting-held", Map.of()).expectStatus().isOk();
		step(this.client, this.firm.member(), closed, "negotiate", Map.of()).expectStatus().isOk();
		step(this.client, this.firm.member(), closed, "close", Map.of("dealType", "LOAN", "amountFen", 50_000_000L))
			.expectStatus()
			.isOk();
		post(this.investor.member(), closed, "放款已完成。").expectStatus().isCreated();
	}

	@Test
	void aMessageMovesTheEngagementUpInTheLists() {
		UUID newer = createdId(this.client, this.firm.member(),
				interest("FINANCING", this.fixtures.financing(this.client, this.fixtures.investor()), "另一家"));
		get(this.client, this.firm.member(), "/api/v1/engagements").expectBody()
			.jsonPath("$.items[0].id")
			.isEqualTo(newer.toString());
		post(this.investor.member(), this.id, "在吗？").expectStatus().isCreated();
		get(this.client, this.firm.member(), "/api/v1/engagements").expectBody()
			.jsonPath("$.items[0].id")
			.isEqualTo(this.id.toString())
			.jsonPath("$.items[0].version")
			.isEqualTo(1);
	}

	private WebTestClient.ResponseSpec post(Account as, UUID engagement, String text) {
		return this.client.post()
			.uri("/api/v1/engagements/{id}/messages", engagement)
			.headers((h) -> h.setBearerAuth(as.token()))
			.bodyValue(Map.of("text", text))
			.exchange();
	}

}
