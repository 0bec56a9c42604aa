package cn.cztexchange.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.cztexchange.IntegrationTest;
import cn.cztexchange.identity.MembershipRole;
import cn.cztexchange.identity.OrganisationType;
import cn.cztexchange.identity.Role;
import cn.cztexchange.identity.TestAccounts;
import cn.cztexchange.identity.TestAccounts.Account;
import cn.cztexchange.matching.MatchingFixtures.Firm;

import static cn.cztexchange.matching.MatchingFixtures.MAP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Firm profiles through the API: who reads what (the whole profile for the firm's
 * members, the public card for anyone else while the firm is discoverable), optimistic
 * locking, every refused input, and the firms index kept in step through the outbox.
 */
@IntegrationTest
class FirmProfileIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MatchingFixtures fixtures;

	@Test
	void membersReadTheWholeProfileOthersThePublicCardWithoutAPrivateField() {
		Firm firm = this.fixtures.firm(this.client, MatchingFixtures.profile());
		Map<String, Object> whole = get(firm.member(), firm.id()).expectStatus()
			.isOk()
			.expectBody(MAP)
			.returnResult()
			.getResponseBody();
		assertThat(whole).containsEntry("view", "WHOLE")
			.containsEntry("revenue", "FROM_50M_TO_200M")
			.containsEntry("version", 1)
			.containsKey("contact");
		assertThat(whole.get("fundingNeed").toString()).contains("永磁牵引电机产线扩建");
		assertThat(whole.get("qualifications").toString()).contains("GR202343000888", "valid=false", "valid=true");
		assertThat(whole.get("patents").toString()).contains("ZL202110123456.7");

		Account stranger = this.accounts.user(Role.INVESTOR);
		String card = get(stranger, firm.id()).expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(card).contains("\"view\":\"CARD\"", "城轨车辆牵引电机", "HIGH_TECH_ENTERPRISE", "\"invention\":12",
				"\"amountMinFen\":1000000000", "EQUITY", "牵引电机故障诊断");
		// Private until the firm accepts a match; an expired certificate is not shown.
		assertThat(card).doesNotContain("周工", "0731-28880000", "zhou@firm.example.cn", "FROM_50M_TO_200M", "永磁牵引电机产线扩建",
				"GR202343000888", "ZL202110123456.7", "TECH_SME", "\"contact\"", "\"revenue\"", "\"version\"");

		Account admin = this.accounts.user(Role.ADMIN);
		get(admin, firm.id()).expectStatus().isOk().expectBody().jsonPath("$.view").isEqualTo("WHOLE");
		this.client.get()
			.uri("/api/v1/organisations/{id}/firm-profile", firm.id())
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void aFirmThatIsNotDiscoverableOrNotVerifiedIsNotFoundByOthers() {
		Map<String, Object> hidden = MatchingFixtures.profile();
		hidden.put("discoverable", false);
		Firm firm = this.fixtures.firm(this.client, hidden);
		Account stranger = this.accounts.user(Role.INVESTOR);
		get(stranger, firm.id()).expectStatus().isNotFound();
		get(firm.member(), firm.id()).expectStatus().isOk();

		UUID unverified = this.accounts.organisation(OrganisationType.FIRM, false);
		Account member = this.accounts.user(Role.FIRM);
		this.accounts.join(unverified, member, MembershipRole.MANAGER);
		this.fixtures.put(this.client, member, unverified, MatchingFixtures.profile()).expectStatus().isCreated();
		get(stranger, unverified).expectStatus().isNotFound();
		get(stranger, UUID.randomUUID()).expectStatus().isNotFound();
	}

	@Test
	void changesNeedTheVersionReadAndAStaleOneIsAConflict() {
		Firm firm = this.fixtures.firm();
		this.fixtures.save(this.client, firm, MatchingFixtures.profile(), 201);
		// A second creation would overwrite someone's profile.
		this.fixtures.put(this.client, firm.member(), firm.id(), MatchingFixtures.profile())
			.expectStatus()
			.isEqualTo(409);
		Map<String, Object> change = MatchingFixtures.profile();
		change.put("version", 1);
		change.put("stage", "MATURE");
		Map<String, Object> saved = this.fixtures.save(this.client, firm, change, 200);
		assertThat(saved).containsEntry("version", 2).containsEntry("stage", "MATURE");
		this.fixtures.put(this.client, firm.member(), firm.id(), change)
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("reload"));
	}

	@Test
	void onlyTheFirmsMembersWriteItsProfileAndOnlyFirmsHaveOne() {
		Firm firm = this.fixtures.firm();
		Account outsider = this.accounts.user(Role.FIRM);
		this.fixtures.put(this.client, outsider, firm.id(), MatchingFixtures.profile()).expectStatus().isForbidden();
		Account admin = this.accounts.user(Role.ADMIN);
		this.fixtures.put(this.client, admin, firm.id(), MatchingFixtures.profile()).expectStatus().isForbidden();
		UUID university = this.accounts.organisation(OrganisationType.UNIVERSITY, true);
		Account staff = this.accounts.user(Role.RESEARCHER);
		this.accounts.join(university, staff, MembershipRole.MANAGER);
		this.fixtures.put(this.client, staff, university, MatchingFixtures.profile())
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("orgId");
		this.fixtures.put(this.client, outsider, UUID.randomUUID(), MatchingFixtures.profile())
			.expectStatus()
			.isNotFound();
		// A manager who is not a FIRM user may still write it: membership decides.
		Account manager = this.accounts.user(Role.RESEARCHER);
		this.accounts.join(firm.id(), manager, MembershipRole.MANAGER);
		this.fixtures.put(this.client, manager, firm.id(), MatchingFixtures.profile()).expectStatus().isCreated();
	}

	@Test
	void everyBadFieldIsNamed() {
		Firm firm = this.fixtures.firm();
		Map<String, Object> bad = MatchingFixtures.profile();
		bad.put("industryChains", List.of());
		bad.put("products", " ");
		bad.put("stage", null);
		bad.put("foundedYear", 1800);
		bad.put("fundingNeed", Map.of("amountMinFen", -1));
		bad.put("location", Map.of("lat", 40.0, "lon", 113.0));
		bad.put("contact", Map.of("email", "not an address"));
		bad.remove("discoverable");
		assertThat(fields(this.fixtures.put(this.client, firm.member(), firm.id(), bad))).contains("industryChains",
				"products", "stage", "foundedYear", "fundingNeed.amountMinFen", "location.lat", "contact.email",
				"discoverable");

		Map<String, Object> inconsistent = MatchingFixtures.profile();
		inconsistent.put("foundedYear", 2099);
		inconsistent.put("fundingNeed", Map.of("amountMinFen", 50_000_000L, "amountMaxFen", 10_000_000L));
		inconsistent.put("qualifications", List.of(Map.of("qualification", "TECH_SME"),
				Map.of("qualification", "TECH_SME", "expiresOn", "2030-01-01")));
		assertThat(fields(this.fixtures.put(this.client, firm.member(), firm.id(), inconsistent)))
			.containsExactlyInAnyOrder("foundedYear", "fundingNeed.amountMaxFen", "qualifications[1].qualification");

		Map<String, Object> unknown = MatchingFixtures.profile();
		unknown.put("stage", "LATE");
		this.fixtures.put(this.client, firm.member(), firm.id(), unknown)
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("stage"));
		Map<String, Object> badDate = MatchingFixtures.profile();
		badDate.put("qualifications", List.of(Map.of("qualification", "TECH_SME", "expiresOn", "2030-13-01")));
		this.fixtures.put(this.client, firm.member(), firm.id(), badDate)
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("qualifications[0].expiresOn"));
	}

	@Test
	void theFirmsIndexHoldsDiscoverableFirmsOnlyThroughTheOutbox() {
		Firm firm = this.fixtures.firm(this.client, MatchingFixtures.profile());
		assertThat(this.fixtures.firmIndexed(firm.id())).isTrue();
		Map<String, Object> hidden = MatchingFixtures.profile();
		hidden.put("discoverable", false);
		hidden.put("version", 1);
		this.fixtures.save(this.client, firm, hidden, 200);
		this.fixtures.awaitRemoved(firm.id());
		Map<String, Object> shown = new HashMap<>(hidden);
		shown.put("discoverable", true);
		shown.put("version", 2);
		this.fixtures.save(this.client, firm, shown, 200);
		this.fixtures.awaitIndexed(firm.id());
	}

	@Test
	void myFirmProfilesListsTheCallersFirmsWithWhetherEachHasAProfile() {
		Firm with = this.fixtures.firm(this.client, MatchingFixtures.profile());
		UUID without = this.accounts.organisation(OrganisationType.FIRM, true);
		this.accounts.join(without, with.member(), MembershipRole.MANAGER);
		UUID university = this.accounts.organisation(OrganisationType.UNIVERSITY, true);
		this.accounts.join(university, with.member(), MembershipRole.MEMBER);
		List<?> mine = this.client.get()
			.uri("/api/v1/me/firm-profiles")
			.headers((h) -> h.setBearerAuth(with.member().token()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		assertThat(mine).hasSize(2);
		assertThat(mine.toString()).contains(with.id() + "", without.toString(), "hasProfile=true", "hasProfile=false",
				"discoverable=true");
		assertThat(mine.toString()).doesNotContain(university.toString());
	}

	private WebTestClient.ResponseSpec get(Account caller, UUID organisation) {
		return this.client.get()
			.uri("/api/v1/organisations/{id}/firm-profile", organisation)
			.headers((h) -> h.setBearerAuth(caller.token()))
			.accept(MediaType.APPLICATION_JSON)
			.exchange();
	}

	@SuppressWarnings("unchecked")
	private static List<String> fields(WebTestClient.ResponseSpec response) {
		Map<String, Object> problem = response.expectStatus()
			.isBadRequest()
			.expectBody(MAP)
			.returnResult()
			.getResponseBody();
		return ((List<Map<String, Object>>) problem.get("errors")).stream()
			.map((error) -> (String) error.get("field"))
			.toList();
	}

}
