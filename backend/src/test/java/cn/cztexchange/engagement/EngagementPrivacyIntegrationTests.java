package cn.cztexchange.engagement;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import static cn.cztexchange.engagement.EngagementFixtures.meeting;
import static cn.cztexchange.engagement.EngagementFixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contact details are never sent before the acceptance and always to both sides after it;
 * anyone who is not a party learns nothing of an engagement, its thread or its history;
 * admins read for moderation but cannot act.
 */
@IntegrationTest
class EngagementPrivacyIntegrationTests {

	/** The contact details of every test organisation (see IdentityFixtures). */
	static final String ORGANISATION_PHONE = "0731-1234567";

	static final String ORGANISATION_EMAIL = "contact@example.com";

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
		this.id = createdId(this.client, this.firm.member(), interest("FINANCING", this.entry, "希望交流"));
	}

	@Test
	void contactDetailsAreHiddenBeforeTheAcceptanceAndShownToBothSidesFromItOn() {
		for (Account party : List.of(this.firm.member(), this.investor.member())) {
			String body = body(get(this.client, party, "/api/v1/engagements/{id}", this.id));
			assertThat(body).contains("\"contactsRevealed\":false")
				.contains("\"contacts\":null")
				.doesNotContain(ORGANISATION_PHONE, ORGANISATION_EMAIL, "0731-86660000", "entry-contact@example.com");
			assertThat(body(get(this.client, party, "/api/v1/engagements"))).doesNotContain(ORGANISATION_PHONE,
					"0731-86660000");
		}
		step(this.client, this.investor.member(), this.id, "accept", Map.of()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.contacts.firm.phone")
			.isEqualTo(ORGANISATION_PHONE);
		for (Account party : List.of(this.firm.member(), this.investor.manager())) {
			get(this.client, party, "/api/v1/engagements/{id}", this.id).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.contactsRevealed")
				.isEqualTo(true)
				.jsonPath("$.contacts.firm.name")
				.isEqualTo("联系人")
				.jsonPath("$.contacts.firm.email")
				.isEqualTo(ORGANISATION_EMAIL)
				.jsonPath("$.contacts.firm.address")
				.isEqualTo("长沙")
				.jsonPath("$.contacts.counterpart.phone")
				.isEqualTo(ORGANISATION_PHONE)
				.jsonPath("$.contacts.subject.name")
				.isEqualTo("对接联系人")
				.jsonPath("$.contacts.subject.phone")
				.isEqualTo("0731-86660000")
				.jsonPath("$.contacts.subject.email")
				.isEqualTo("entry-contact@example.com");
		}
		// Lists are for finding an engagement: the contacts come with the engagement
		// itself.
		assertThat(body(get(this.client, this.firm.member(), "/api/v1/engagements")))
			.contains("\"contactsRevealed\":true")
			.doesNotContain(ORGANISATION_PHONE);
		// Introduced once, they stay introduced, whatever happens next.
		step(this.client, this.firm.member(), this.id, "drop", Map.of("reason", "方向调整")).expectStatus().isOk();
		get(this.client, this.firm.member(), "/api/v1/engagements/{id}", this.id).expectBody()
			.jsonPath("$.contacts.counterpart.phone")
			.isEqualTo(ORGANISATION_PHONE);
	}

	@Test
	void aDeclinedOrWithdrawnEngagementNeverRevealsContactDetails() {
		step(this.client, this.investor.member(), this.id, "decline", Map.of("reason", "不符合投资方向")).expectStatus()
			.isOk();
		assertThat(body(get(this.client, this.firm.member(), "/api/v1/engagements/{id}", this.id)))
			.doesNotContain(ORGANISATION_PHONE, "0731-86660000");
		UUID withdrawn = createdId(this.client, this.firm.member(), interest("FINANCING", this.entry, "再次希望交流"));
		step(this.client, this.firm.member(), withdrawn, "withdraw", Map.of()).expectStatus().isOk();
		assertThat(body(get(this.client, this.investor.member(), "/api/v1/engagements/{id}", withdrawn)))
			.doesNotContain(ORGANISATION_PHONE, "0731-86660000");
	}

	@Test
	void anyoneWhoIsNotAPartyIsToldItDoesNotExist() {
		Org otherFirm = this.fixtures.firm();
		Org otherInvestor = this.fixtures.investor();
		Account researcher = this.fixtures.user(cn.cztexchange.identity.Role.RESEARCHER);
		for (Account outsider : List.of(otherFirm.manager(), otherInvestor.manager(), researcher)) {
			get(this.client, outsider, "/api/v1/engagements/{id}", this.id).expectStatus().isNotFound();
			get(this.client, outsider, "/api/v1/engagements/{id}/events", this.id).expectStatus().isNotFound();
			get(this.client, outsider, "/api/v1/engagements/{id}/messages", this.id).expectStatus().isNotFound();
			this.client.post()
				.uri("/api/v1/engagements/{id}/messages", this.id)
				.headers((h) -> h.setBearerAuth(outsider.token()))
				.bodyValue(Map.of("text", "你好"))
				.exchange()
				.expectStatus()
				.isNotFound();
			for (String step : List.of("accept", "decline", "withdraw", "meeting-held", "negotiate")) {
				step(this.client, outsider, this.id, step, Map.of("reason", "x")).expectStatus().isNotFound();
			}
			step(this.client, outsider, this.id, "propose-meeting", meeting()).expectStatus().isNotFound();
			get(this.client, outsider, "/api/v1/engagements").expectBody().jsonPath("$.total").isEqualTo(0);
		}
		this.client.get().uri("/api/v1/engagements/{id}", this.id).exchange().expectStatus().isUnauthorized();
	}

	@Test
	void adminsReadForModerationButDoNotAct() {
		step(this.client, this.investor.member(), this.id, "accept", Map.of()).expectStatus().isOk();
		Account admin = this.fixtures.admin();
		get(this.client, admin, "/api/v1/engagements/{id}", this.id).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.side")
			.isEmpty()
			.jsonPath("$.actions")
			.isEmpty();
		get(this.client, admin, "/api/v1/engagements/{id}/events", this.id).expectStatus().isOk();
		get(this.client, admin, "/api/v1/engagements/{id}/messages", this.id).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[0].text")
			.isEqualTo("希望交流");
		step(this.client, admin, this.id, "drop", Map.of("reason", "违规")).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).startsWith("Admins read engagements for moderation"));
		this.client.post()
			.uri("/api/v1/engagements/{id}/messages", this.id)
			.headers((h) -> h.setBearerAuth(admin.token()))
			.bodyValue(Map.of("text", "平台提醒"))
			.exchange()
			.expectStatus()
			.isForbidden();
		get(this.client, admin, "/api/v1/admin/engagements?status=ACCEPTED&kind=FINANCING&size=100").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[?(@.id == '" + this.id + "')]")
			.exists();
		get(this.client, this.firm.manager(), "/api/v1/admin/engagements").expectStatus().isForbidden();
		// Admins' own list holds only what they are party to.
		get(this.client, admin, "/api/v1/engagements").expectBody().jsonPath("$.total").isEqualTo(0);
	}

	@Test
	void eachSidesListHoldsItsEngagementsWithFilters() {
		UUID other = createdId(this.client, this.firm.manager(),
				interest("FINANCING", this.fixtures.financing(this.client, this.fixtures.investor()), "希望交流"));
		get(this.client, this.firm.member(), "/api/v1/engagements").expectBody()
			.jsonPath("$.total")
			.isEqualTo(2)
			.jsonPath("$.items[0].id")
			.isEqualTo(other.toString());
		get(this.client, this.firm.member(), "/api/v1/engagements?side=FIRM&status=INTERESTED&kind=FINANCING")
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(2);
		get(this.client, this.firm.member(), "/api/v1/engagements?side=COUNTERPART").expectBody()
			.jsonPath("$.total")
			.isEqualTo(0);
		get(this.client, this.firm.member(), "/api/v1/engagements?kind=TECHNOLOGY").expectBody()
			.jsonPath("$.total")
			.isEqualTo(0);
		get(this.client, this.investor.member(), "/api/v1/engagements?side=COUNTERPART").expectBody()
			.jsonPath("$.total")
			.isEqualTo(1)
			.jsonPath("$.items[0].id")
			.isEqualTo(this.id.toString());
		step(this.client, this.investor.member(), this.id, "accept", Map.of()).expectStatus().isOk();
		get(this.client, this.firm.member(), "/api/v1/engagements?status=ACCEPTED&status=CLOSED").expectBody()
			.jsonPath("$.total")
			.isEqualTo(1);
		// Most recent activity first: the step moved the first one up.
		get(this.client, this.firm.member(), "/api/v1/engagements?size=1").expectBody()
			.jsonPath("$.items[0].id")
			.isEqualTo(this.id.toString())
			.jsonPath("$.size")
			.isEqualTo(1);
		get(this.client, this.firm.member(), "/api/v1/engagements?status=NOPE").expectStatus().isBadRequest();
		get(this.client, this.firm.member(), "/api/v1/engagements?size=101").expectStatus().isBadRequest();
	}

	private static String body(WebTestClient.ResponseSpec response) {
		return new String(response.expectStatus().isOk().expectBody().returnResult().getResponseBody(),
				StandardCharsets.UTF_8);
	}

}
