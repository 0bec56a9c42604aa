package cn.cztexchange.engagement;

import java.time.Duration;
import java.time.Instant;
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

import static cn.cztexchange.engagement.EngagementFixtures.create;
import static cn.cztexchange.engagement.EngagementFixtures.createdId;
import static cn.cztexchange.engagement.EngagementFixtures.get;
import static cn.cztexchange.engagement.EngagementFixtures.interest;
import static cn.cztexchange.engagement.EngagementFixtures.mails;
import static cn.cztexchange.engagement.EngagementFixtures.meeting;
import static cn.cztexchange.engagement.EngagementFixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A match followed to a deal, step by step, as each side sees it: the states, the actions
 * each side may take, the audit trail, the notifications and emails to the other side;
 * and the steps that the caller's side, the state or the input does not allow.
 */
@IntegrationTest
class EngagementWorkflowIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	EngagementFixtures fixtures;

	Org firm;

	Org investor;

	UUID entry;

	@BeforeEach
	void parties() {
		this.firm = this.fixtures.discoverableFirm(this.client);
		this.investor = this.fixtures.investor();
		this.entry = this.fixtures.financing(this.client, this.investor);
	}

	@Test
	void aFirmsInterestInAFinancingEntryIsFollowedToADeal() {
		byte[] created = create(this.client, this.firm.member(),
				interest("FINANCING", this.entry, "我们正在进行 B 轮融资，希望与贵基金交流。"))
			.expectStatus()
			.isCreated()
			.expectHeader()
			.value("Location", (location) -> assertThat(location).startsWith("/api/v1/engagements/"))
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("INTERESTED")
			.jsonPath("$.kind")
			.isEqualTo("FINANCING")
			.jsonPath("$.initiator")
			.isEqualTo("FIRM")
			.jsonPath("$.side")
			.isEqualTo("FIRM")
			.jsonPath("$.firm.id")
			.isEqualTo(this.firm.id().toString())
			.jsonPath("$.counterpart.type")
			.isEqualTo("ORGANISATION")
			.jsonPath("$.counterpart.id")
			.isEqualTo(this.investor.id().toString())
			.jsonPath("$.subject.type")
			.isEqualTo("ENTRY")
			.jsonPath("$.subject.kind")
			.isEqualTo("FINANCING")
			.jsonPath("$.subject.titleZh")
			.isEqualTo(EngagementFixtures.TITLE + "成长期股权基金")
			.jsonPath("$.initiatedBy.id")
			.isEqualTo(this.firm.member().id().toString())
			.jsonPath("$.version")
			.isEqualTo(1)
			.jsonPath("$.actions")
			.value((List<String> actions) -> assertThat(actions).containsExactlyInAnyOrder("WITHDRAW", "SEND_MESSAGE"))
			.returnResult()
			.getResponseBody();
		UUID id = idOf(created);
		get(this.client, this.investor.member(), "/api/v1/engagements/{id}", id).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.side")
			.isEqualTo("COUNTERPART")
			.jsonPath("$.actions")
			.value((List<String> actions) -> assertThat(actions).containsExactlyInAnyOrder("ACCEPT", "DECLINE",
					"SEND_MESSAGE"));

		step(this.client, this.investor.member(), id, "accept", Map.of("version", 1, "note", "欢迎，我们约个时间详谈。"))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("ACCEPTED")
			.jsonPath("$.version")
			.isEqualTo(2)
			.jsonPath("$.acceptedAt")
			.isNotEmpty()
			.jsonPath("$.contactsRevealed")
			.isEqualTo(true)
			.jsonPath("$.actions")
			.value((List<String> actions) -> assertThat(actions).containsExactlyInAnyOrder("PROPOSE_MEETING", "DROP",
					"SEND_MESSAGE"));
		step(this.client, this.firm.manager(), id, "propose-meeting", meeting()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("MEETING_PROPOSED")
			.jsonPath("$.meeting.mode")
			.isEqualTo("IN_PERSON")
			.jsonPath("$.meeting.place")
			.isEqualTo("长沙市岳麓区麓谷大道 1 号")
			.jsonPath("$.meeting.proposedBy")
			.isEqualTo("FIRM");
		Instant later = Instant.now().plus(Duration.ofDays(9)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
		step(this.client, this.investor.manager(), id, "propose-meeting",
				Map.of("startsAt", later, "mode", "ONLINE", "place", "https://meeting.example.com/czt"))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("MEETING_PROPOSED")
			.jsonPath("$.meeting.startsAt")
			.isEqualTo(later.toString())
			.jsonPath("$.meeting.proposedBy")
			.isEqualTo("COUNTERPART");
		step(this.client, this.investor.member(), id, "meeting-held", Map.of()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("MEETING_HELD");
		step(this.client, this.firm.member(), id, "negotiate", Map.of("note", "开始尽职调查")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("NEGOTIATING");
		step(this.client, this.investor.member(), id, "close",
				Map.of("dealType", "EQUITY", "amountFen", 2_000_000_000L, "note", "B 轮领投"))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("CLOSED")
			.jsonPath("$.deal.type")
			.isEqualTo("EQUITY")
			.jsonPath("$.deal.amountFen")
			.isEqualTo(2_000_000_000L)
			.jsonPath("$.endedAt")
			.isNotEmpty()
			.jsonPath("$.version")
			.isEqualTo(7)
			.jsonPath("$.actions")
			.value((List<String> actions) -> assertThat(actions).containsExactly("SEND_MESSAGE"));

		// 全程留痕: every step, by whom, for which side, from which state to which.
		get(this.client, this.firm.member(), "/api/v1/engagements/{id}/events", id).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].to")
			.value((List<String> to) -> assertThat(to).containsExactly("INTERESTED", "ACCEPTED", "MEETING_PROPOSED",
					"MEETING_PROPOSED", "MEETING_HELD", "NEGOTIATING", "CLOSED"))
			.jsonPath("$[*].side")
			.value((List<String> sides) -> assertThat(sides).containsExactly("FIRM", "COUNTERPART", "FIRM",
					"COUNTERPART", "COUNTERPART", "FIRM", "COUNTERPART"))
			.jsonPath("$[0].from")
			.doesNotExist()
			.jsonPath("$[0].note")
			.isEqualTo("我们正在进行 B 轮融资，希望与贵基金交流。")
			.jsonPath("$[0].actor.id")
			.isEqualTo(this.firm.member().id().toString())
			.jsonPath("$[1].from")
			.isEqualTo("INTERESTED")
			.jsonPath("$[1].note")
			.isEqualTo("欢迎，我们约个时间详谈。")
			.jsonPath("$[2].details.meeting.mode")
			.isEqualTo("IN_PERSON")
			.jsonPath("$[3].details.meeting.startsAt")
			.isEqualTo(later.toString())
			.jsonPath("$[6].details.deal.amountFen")
			.isEqualTo(2_000_000_000L)
			.jsonPath("$[6].note")
			.isEqualTo("B 轮领投");

		// Each step told the other side's members, in-app and by email.
		List<String> toInvestor = List.of("ENGAGEMENT_INTERESTED", "ENGAGEMENT_MEETING_PROPOSED",
				"ENGAGEMENT_NEGOTIATING");
		List<String> toFirm = List.of("ENGAGEMENT_ACCEPTED", "ENGAGEMENT_MEETING_PROPOSED", "ENGAGEMENT_MEETING_HELD",
				"ENGAGEMENT_CLOSED");
		assertThat(this.fixtures.notifications(this.investor.manager(), id)).isEqualTo(toInvestor);
		assertThat(this.fixtures.notifications(this.investor.member(), id)).isEqualTo(toInvestor);
		assertThat(this.fixtures.notifications(this.firm.manager(), id)).isEqualTo(toFirm);
		assertThat(this.fixtures.notifications(this.firm.member(), id)).isEqualTo(toFirm);
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> mails(this.firm.member()).size() == 4 && mails(this.investor.member()).size() == 3);
		assertThat(mails(this.investor.member())).containsExactlyInAnyOrder(
				"New expression of interest: Growth equity fund for engagement tests",
				"Meeting proposed: Growth equity fund for engagement tests",
				"Negotiation and due diligence begun: Growth equity fund for engagement tests");
		assertThat(mails(this.firm.member())).contains("Deal closed: Growth equity fund for engagement tests");
		get(this.client, this.investor.member(), "/api/v1/notifications").expectBody()
			.jsonPath("$.items[0].type")
			.isEqualTo("ENGAGEMENT_NEGOTIATING")
			.jsonPath("$.items[0].link")
			.isEqualTo("/engagements/" + id)
			.jsonPath("$.items[0].body")
			.value((String body) -> assertThat(body).contains("开始尽职调查"));
		// The firm's discoverable profile may also bring it new-match notices, so pick
		// the meeting by type.
		get(this.client, this.firm.member(), "/api/v1/notifications").expectBody()
			.jsonPath("$.items[?(@.type == 'ENGAGEMENT_MEETING_PROPOSED')].body")
			.value((List<String> bodies) -> assertThat(bodies).singleElement()
				.satisfies((String body) -> assertThat(body).contains("(Beijing time)")
					.contains("online")
					.contains("https://meeting.example.com/czt")));
	}

	@Test
	void notificationsSpeakEachRecipientsLanguage() {
		this.client.patch()
			.uri("/api/v1/me")
			.headers((h) -> h.setBearerAuth(this.investor.manager().token()))
			.bodyValue(Map.of("locale", "zh-CN"))
			.exchange()
			.expectStatus()
			.isOk();
		UUID id = createdId(this.client, this.firm.member(), interest("FINANCING", this.entry, "希望交流"));
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> !mails(this.investor.manager()).isEmpty() && !mails(this.investor.member()).isEmpty());
		assertThat(mails(this.investor.manager())).containsExactly("新的对接意向：" + EngagementFixtures.TITLE + "成长期股权基金");
		assertThat(mails(this.investor.member()))
			.containsExactly("New expression of interest: Growth equity fund for engagement tests");
		get(this.client, this.investor.manager(), "/api/v1/notifications").expectBody()
			.jsonPath("$.items[0].body")
			.value((String body) -> assertThat(body).startsWith("测试机构 ").endsWith("希望交流"));
		assertThat(this.fixtures.notifications(this.firm.member(), id)).isEmpty();
	}

	@Test
	void anInvestorApproachesAFirmAndTheFirmAnswers() {
		Map<String, Object> approach = interest("FINANCING", this.entry, "贵公司符合我们的投资方向。");
		create(this.client, this.investor.member(), approach).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("firmId");
		approach.put("firmId", this.fixtures.university().id().toString());
		create(this.client, this.investor.member(), approach).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("must be a verified firm that is open to approaches");
		approach.put("firmId", this.fixtures
			.organisation(cn.cztexchange.identity.OrganisationType.FIRM, false, cn.cztexchange.identity.Role.FIRM)
			.id()
			.toString());
		create(this.client, this.investor.member(), approach).expectStatus().isBadRequest();
		// A verified firm that wrote no discoverable profile is not open to approaches.
		approach.put("firmId", this.fixtures.firm().id().toString());
		create(this.client, this.investor.member(), approach).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("must be a verified firm that is open to approaches");
		approach.put("firmId", this.firm.id().toString());
		UUID id = createdId(this.client, this.investor.member(), approach);
		get(this.client, this.investor.member(), "/api/v1/engagements/{id}", id).expectBody()
			.jsonPath("$.initiator")
			.isEqualTo("COUNTERPART")
			.jsonPath("$.side")
			.isEqualTo("COUNTERPART");
		assertThat(this.fixtures.notifications(this.firm.manager(), id)).containsExactly("ENGAGEMENT_INTERESTED");
		step(this.client, this.investor.manager(), id, "accept", Map.of()).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Only the side that received the interest may accept or decline it.");
		step(this.client, this.firm.member(), id, "withdraw", Map.of()).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Only the side that expressed interest may withdraw it.");
		step(this.client, this.firm.member(), id, "accept", Map.of()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("ACCEPTED");
		assertThat(this.fixtures.notifications(this.investor.member(), id)).containsExactly("ENGAGEMENT_ACCEPTED");
		// The firm's side is reached through the contact person of its profile.
		get(this.client, this.investor.member(), "/api/v1/engagements/{id}", id).expectBody()
			.jsonPath("$.contacts.firm.email")
			.isEqualTo(EngagementFixtures.FIRM_CONTACT.get("email"));
	}

	@Test
	void theOtherSideDeclinesWithAReasonAndNothingMoreCanHappen() {
		UUID id = createdId(this.client, this.firm.member(), interest("FINANCING", this.entry, "希望交流"));
		step(this.client, this.investor.member(), id, "decline", Map.of()).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("reason");
		step(this.client, this.investor.member(), id, "decline", Map.of("reason", "暂不投资该阶段企业")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DECLINED")
			.jsonPath("$.reason")
			.isEqualTo("暂不投资该阶段企业")
			.jsonPath("$.endedAt")
			.isNotEmpty()
			.jsonPath("$.contactsRevealed")
			.isEqualTo(false)
			.jsonPath("$.actions")
			.isEmpty();
		step(this.client, this.investor.member(), id, "accept", Map.of()).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("An engagement that is DECLINED cannot be accepted.")
			.jsonPath("$.state")
			.isEqualTo("DECLINED");
		get(this.client, this.firm.member(), "/api/v1/notifications").expectBody()
			.jsonPath("$.items[?(@.type == 'ENGAGEMENT_DECLINED')].body")
			.value((List<String> bodies) -> assertThat(bodies).singleElement()
				.satisfies((String body) -> assertThat(body).endsWith("暂不投资该阶段企业")));
	}

	@Test
	void theInitiatorWithdrawsBeforeAnAnswerOnly() {
		UUID id = createdId(this.client, this.firm.member(), interest("FINANCING", this.entry, "希望交流"));
		step(this.client, this.firm.manager(), id, "withdraw", Map.of("reason", "已获得其他融资")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("WITHDRAWN")
			.jsonPath("$.reason")
			.isEqualTo("已获得其他融资");
		assertThat(this.fixtures.notifications(this.investor.member(), id)).containsExactly("ENGAGEMENT_INTERESTED",
				"ENGAGEMENT_WITHDRAWN");
		UUID accepted = createdId(this.client, this.firm.member(), interest("FINANCING", this.entry, "再次希望交流"));
		step(this.client, this.investor.member(), accepted, "accept", Map.of()).expectStatus().isOk();
		step(this.client, this.firm.member(), accepted, "withdraw", Map.of()).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("An engagement that is ACCEPTED cannot be withdrawn.");
	}

	@Test
	void aStepOnAnOutdatedVersionIsRefused() {
		UUID id = createdId(this.client, this.firm.member(), interest("FINANCING", this.entry, "希望交流"));
		step(this.client, this.investor.member(), id, "accept", Map.of("version", 1)).expectStatus().isOk();
		step(this.client, this.firm.member(), id, "propose-meeting", withVersion(meeting(), 1)).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Changed meanwhile")
			.jsonPath("$.version")
			.isEqualTo(2);
		step(this.client, this.firm.member(), id, "propose-meeting", withVersion(meeting(), 2)).expectStatus().isOk();
	}

	@Test
	void stepsCheckTheirInput() {
		UUID id = createdId(this.client, this.firm.member(), interest("FINANCING", this.entry, "希望交流"));
		step(this.client, this.investor.member(), id, "accept", Map.of()).expectStatus().isOk();
		step(this.client, this.firm.member(), id, "propose-meeting",
				Map.of("startsAt", Instant.now().minus(Duration.ofHours(1)), "mode", "ONLINE"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("startsAt")
			.jsonPath("$.errors[0].message")
			.isEqualTo("must be in the future");
		step(this.client, this.firm.member(), id, "propose-meeting",
				Map.of("startsAt", Instant.now().plus(Duration.ofDays(1)), "mode", "IN_PERSON"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("place");
		step(this.client, this.firm.member(), id, "propose-meeting", Map.of("mode", "BY_PIGEON")).expectStatus()
			.isBadRequest();
		step(this.client, this.firm.member(), id, "propose-meeting",
				Map.of("startsAt", Instant.now().plus(Duration.ofDays(1)), "mode", "ONLINE"))
			.expectStatus()
			.isOk();
		step(this.client, this.firm.member(), id, "meeting-held", Map.of()).expectStatus().isOk();
		step(this.client, this.firm.member(), id, "negotiate", Map.of()).expectStatus().isOk();
		step(this.client, this.firm.member(), id, "close", Map.of("dealType", "LICENCE", "amountFen", 100))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("dealType")
			.jsonPath("$.errors[0].message")
			.value((String message) -> assertThat(message).contains("EQUITY").contains("FINANCING"));
		step(this.client, this.firm.member(), id, "close", Map.of("dealType", "LOAN", "amountFen", -1)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("amountFen");
		step(this.client, this.firm.member(), id, "close", Map.of()).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors.length()")
			.isEqualTo(2);
		step(this.client, this.firm.member(), id, "drop", Map.of("reason", " ")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("reason");
		step(this.client, this.firm.member(), id, "drop", Map.of("reason", "估值分歧")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DROPPED")
			.jsonPath("$.reason")
			.isEqualTo("估值分歧");
	}

	@Test
	void theApiIsDescribedInTheOpenApiDocument() {
		this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/api/v1/engagements'].post.tags[0]")
			.isEqualTo("Engagements")
			.jsonPath("$.paths['/api/v1/engagements/{id}/propose-meeting'].post.summary")
			.exists()
			.jsonPath("$.paths['/api/v1/engagements/{id}/messages'].get")
			.exists()
			.jsonPath("$.paths['/api/v1/experts'].get.tags[0]")
			.isEqualTo("Experts");
	}

	@Test
	void stepsOfAnEngagementThatDoesNotExistAre404() {
		step(this.client, this.firm.member(), UUID.randomUUID(), "accept", Map.of()).expectStatus().isNotFound();
		get(this.client, this.firm.member(), "/api/v1/engagements/{id}", UUID.randomUUID()).expectStatus().isNotFound();
	}

	private static UUID idOf(byte[] json) {
		java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\":\"([0-9a-f-]{36})\"")
			.matcher(new String(json, java.nio.charset.StandardCharsets.UTF_8));
		assertThat(id.find()).isTrue();
		return UUID.fromString(id.group(1));
	}

	private static Map<String, Object> withVersion(Map<String, Object> body, int version) {
		Map<String, Object> copy = new java.util.HashMap<>(body);
		copy.put("version", version);
		return copy;
	}

}
