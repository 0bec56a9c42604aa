package cn.cztexchange.engagement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

import cn.cztexchange.IntegrationTest;
import cn.cztexchange.engagement.EngagementFixtures.Org;
import cn.cztexchange.identity.OrganisationType;
import cn.cztexchange.identity.Role;
import cn.cztexchange.identity.TestAccounts.Account;

import static cn.cztexchange.engagement.EngagementFixtures.create;
import static cn.cztexchange.engagement.EngagementFixtures.createdId;
import static cn.cztexchange.engagement.EngagementFixtures.get;
import static cn.cztexchange.engagement.EngagementFixtures.interest;
import static cn.cztexchange.engagement.EngagementFixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may start which engagement about what, as which side; and only one active
 * engagement per pair and subject, even when two requests race.
 */
@IntegrationTest
class EngagementCreationIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	EngagementFixtures fixtures;

	@Autowired
	DatabaseClient database;

	@Autowired
	EngagementRepository engagements;

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
	void theRequestIsCheckedFieldByField() {
		create(this.client, this.firm.member(), Map.of()).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value((List<String> fields) -> assertThat(fields).containsExactlyInAnyOrder("kind", "subjectId",
					"message"));
		create(this.client, this.firm.member(), interest("FINANCING", this.entry, " ")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("message");
		create(this.client, this.firm.member(), interest("FINANCING", this.entry, "长".repeat(4001))).expectStatus()
			.isBadRequest();
		create(this.client, this.firm.member(), interest("LOVE", this.entry, "你好")).expectStatus().isBadRequest();
		create(this.client, this.firm.member(), interest("FINANCING", UUID.randomUUID(), "你好")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("subjectId")
			.jsonPath("$.errors[0].message")
			.isEqualTo("must be a published catalogue entry or an expert of the directory");
		create(this.client, this.firm.member(), interest("TECHNOLOGY", this.entry, "你好")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.value((String message) -> assertThat(message).contains("tech-transfer offering"));
		create(this.client, this.firm.member(), interest("ADVISORY", this.entry, "你好")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("service");
		Map<String, Object> withService = interest("FINANCING", this.entry, "你好");
		withService.put("service", "MARKET_RESEARCH");
		create(this.client, this.firm.member(), withService).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("is only for ADVISORY requests");
	}

	@Test
	void onlyMembersOfAVerifiedFirmExpressInterestForIt() {
		Account researcher = this.fixtures.user(Role.RESEARCHER);
		create(this.client, researcher, interest("FINANCING", this.entry, "你好")).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Only members of a firm organisation can express interest or request advice.");
		Org university = this.fixtures.university();
		Map<String, Object> forUniversity = interest("FINANCING", this.entry, "你好");
		forUniversity.put("firmId", university.id().toString());
		create(this.client, university.member(), forUniversity).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("must be a firm organisation");
		Map<String, Object> forOthers = interest("FINANCING", this.entry, "你好");
		forOthers.put("firmId", this.fixtures.firm().id().toString());
		create(this.client, this.firm.member(), forOthers).expectStatus().isForbidden();
		Org unverified = this.fixtures.organisation(OrganisationType.FIRM, false, Role.FIRM);
		create(this.client, unverified.member(), interest("FINANCING", this.entry, "你好")).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("verified"));
	}

	@Test
	void someoneInSeveralFirmsSaysWhichOneIsInterested() {
		Org second = this.fixtures.firm();
		this.fixtures.join(second.id(), this.firm.member());
		create(this.client, this.firm.member(), interest("FINANCING", this.entry, "你好")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("firmId");
		Map<String, Object> request = interest("FINANCING", this.entry, "你好");
		request.put("firmId", second.id().toString());
		UUID id = createdId(this.client, this.firm.member(), request);
		get(this.client, second.manager(), "/api/v1/engagements/{id}", id).expectBody()
			.jsonPath("$.firm.id")
			.isEqualTo(second.id().toString());
		get(this.client, this.firm.manager(), "/api/v1/engagements/{id}", id).expectStatus().isNotFound();
	}

	@Test
	void aSecondActiveEngagementForThePairAndSubjectPointsToTheFirst() {
		UUID first = createdId(this.client, this.firm.member(), interest("FINANCING", this.entry, "你好"));
		create(this.client, this.firm.manager(), interest("FINANCING", this.entry, "我们再问一次")).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.engagementId")
			.isEqualTo(first.toString())
			.jsonPath("$.engagement")
			.isEqualTo("/api/v1/engagements/" + first)
			.jsonPath("$.title")
			.isEqualTo("Engagement already under way");
		// The other side approaching the same firm about the same entry is the same pair.
		Map<String, Object> approach = interest("FINANCING", this.entry, "贵公司符合我们的方向");
		approach.put("firmId", this.firm.id().toString());
		create(this.client, this.investor.member(), approach).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.engagementId")
			.isEqualTo(first.toString());
		// Another firm, or another entry of the same investor, is another engagement.
		createdId(this.client, this.fixtures.firm().member(), interest("FINANCING", this.entry, "你好"));
		createdId(this.client, this.firm.member(),
				interest("FINANCING", this.fixtures.financing(this.client, this.investor), "你好"));
		// Once the first one ended, a new one may begin.
		step(this.client, this.investor.member(), first, "decline", Map.of("reason", "暂不考虑")).expectStatus().isOk();
		UUID second = createdId(this.client, this.firm.member(), interest("FINANCING", this.entry, "情况有变化"));
		assertThat(second).isNotEqualTo(first);
	}

	@Test
	void ofTwoRacingRequestsOneWinsAndTheOtherLeavesNothingBehind() throws Exception {
		CyclicBarrier start = new CyclicBarrier(2);
		List<CompletableFuture<EntityExchangeResult<byte[]>>> racing = new ArrayList<>();
		for (Account member : List.of(this.firm.member(), this.firm.manager())) {
			racing.add(CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				return create(this.client, member, interest("FINANCING", this.entry, "抢先一步")).expectBody()
					.returnResult();
			}));
		}
		List<Integer> statuses = new ArrayList<>();
		List<String> bodies = new ArrayList<>();
		for (CompletableFuture<EntityExchangeResult<byte[]>> result : racing) {
			statuses.add(result.get().getStatus().value());
			bodies.add(new String(result.get().getResponseBody(), java.nio.charset.StandardCharsets.UTF_8));
		}
		assertThat(statuses).containsExactlyInAnyOrder(201, 409);
		// The loser is pointed to the winner, whichever check caught it.
		String winner = bodies.get(statuses.indexOf(201)).replaceAll("(?s)^\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");
		assertThat(bodies.get(statuses.indexOf(409))).contains("\"engagementId\":\"" + winner + "\"");
		assertThat(count("select count(*) from engagements where firm_organisation_id = :firm")).isOne();
		assertThat(count("select count(*) from engagement_messages m join engagements e on e.id = m.engagement_id "
				+ "where e.firm_organisation_id = :firm"))
			.isOne();
		assertThat(count("select count(*) from engagement_events v join engagements e on e.id = v.engagement_id "
				+ "where e.firm_organisation_id = :firm"))
			.isOne();
	}

	@Test
	void theDatabaseRefusesASecondActiveEngagementWhateverTheServiceChecked() {
		UUID first = createdId(this.client, this.firm.member(), interest("FINANCING", this.entry, "你好"));
		Engagement e = this.engagements.findById(first).block();
		Engagement twin = new Engagement(UUID.randomUUID(), e.kind(), e.service(), e.firmId(),
				e.counterpartOrganisationId(), e.expertId(), e.subjectId(), e.subjectKind(), e.subjectTitleZh(),
				e.subjectTitleEn(), Side.COUNTERPART, e.initiatedBy(), EngagementStatus.NEGOTIATING, null, null, null,
				null, null, e.createdAt(), e.updatedAt(), e.lastActivityAt(), 1);
		StepVerifier.create(this.engagements.insert(twin)).expectErrorMatches(EngagementProblems::isDuplicate).verify();
	}

	@Test
	void aFirmAndATechnologyOwnerFollowAnOfferingToALicence() {
		Org university = this.fixtures.university();
		UUID offering = this.fixtures.offering(this.client, university);
		UUID id = createdId(this.client, this.firm.member(), interest("TECHNOLOGY", offering, "希望获得专利许可"));
		get(this.client, university.member(), "/api/v1/engagements/{id}", id).expectBody()
			.jsonPath("$.kind")
			.isEqualTo("TECHNOLOGY")
			.jsonPath("$.subject.kind")
			.isEqualTo("TECH_OFFERING")
			.jsonPath("$.side")
			.isEqualTo("COUNTERPART");
		step(this.client, university.member(), id, "accept", Map.of()).expectStatus().isOk();
		step(this.client, university.member(), id, "propose-meeting", EngagementFixtures.meeting()).expectStatus()
			.isOk();
		step(this.client, this.firm.member(), id, "meeting-held", Map.of()).expectStatus().isOk();
		step(this.client, this.firm.member(), id, "negotiate", Map.of()).expectStatus().isOk();
		step(this.client, university.manager(), id, "close", Map.of("dealType", "GRANT", "amountFen", 1)).expectStatus()
			.isBadRequest();
		step(this.client, university.manager(), id, "close", Map.of("dealType", "LICENCE", "amountFen", 300_000_000L))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.deal.type")
			.isEqualTo("LICENCE");

		// The owner of an offering approaches a firm about it.
		Org other = this.fixtures.discoverableFirm(this.client);
		Map<String, Object> approach = interest("TECHNOLOGY", offering, "该专利适合贵公司产品线");
		approach.put("firmId", other.id().toString());
		UUID approached = createdId(this.client, university.manager(), approach);
		get(this.client, other.manager(), "/api/v1/engagements/{id}", approached).expectBody()
			.jsonPath("$.initiator")
			.isEqualTo("COUNTERPART")
			.jsonPath("$.actions")
			.value((List<String> actions) -> assertThat(actions).contains("ACCEPT"));
	}

	@Test
	void aTechnologyOwnerAnswersAFirmsTechnologyNeedAndTheFirmDecides() {
		UUID need = this.fixtures.need(this.client, this.firm);
		create(this.client, this.firm.member(), interest("TECHNOLOGY", need, "我们自己的需求")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("subjectId");

		Org university = this.fixtures.university();
		UUID id = createdId(this.client, university.member(), interest("TECHNOLOGY", need, "我院有成熟的散热方案"));
		get(this.client, university.member(), "/api/v1/engagements/{id}", id).expectBody()
			.jsonPath("$.subject.kind")
			.isEqualTo("TECH_NEED")
			.jsonPath("$.initiator")
			.isEqualTo("COUNTERPART");
		get(this.client, this.firm.member(), "/api/v1/engagements/{id}", id).expectBody()
			.jsonPath("$.side")
			.isEqualTo("FIRM")
			.jsonPath("$.actions")
			.value((List<String> actions) -> assertThat(actions).contains("ACCEPT", "DECLINE"));
	}

	@Test
	void aFirmThatOffersTechnologyCannotApproachItself() {
		UUID offering = this.fixtures.offering(this.client, this.firm);
		create(this.client, this.firm.member(), interest("TECHNOLOGY", offering, "你好")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("firmId");
		Map<String, Object> itself = interest("TECHNOLOGY", offering, "你好");
		itself.put("firmId", this.firm.id().toString());
		create(this.client, this.firm.member(), itself).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("must be another organisation than yours");
	}

	private long count(String sql) {
		return this.database.sql(sql)
			.bind("firm", this.firm.id())
			.map((row) -> row.get(0, Long.class))
			.one()
			.blockOptional()
			.orElseThrow();
	}

}
