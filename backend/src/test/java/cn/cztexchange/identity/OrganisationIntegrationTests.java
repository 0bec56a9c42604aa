package cn.cztexchange.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.cztexchange.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of organisations beyond who may call what: validation, verification,
 * visibility.
 */
@IntegrationTest
class OrganisationIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	IdentityFixtures fixtures;

	@Test
	void aManagerChangingAVerifiedIdentitySendsItBackToVerificationButNotForContactDetails() {
		Organisation organisation = this.fixtures.organisation(VerificationStatus.VERIFIED);
		UserAccount manager = this.fixtures.user(Role.PUBLISHER);
		this.fixtures.join(organisation, manager, MembershipRole.MANAGER);
		Map<String, Object> sameIdentity = details(organisation.nameZh(), organisation.nameEn(), "UNIVERSITY",
				List.of("CHANGSHA"), null);
		sameIdentity.put("contact", Map.of("name", "新联系人", "phone", "0731-7654321"));
		update(manager, organisation, sameIdentity).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.verificationStatus")
			.isEqualTo("VERIFIED")
			.jsonPath("$.contact.name")
			.isEqualTo("新联系人");
		update(manager, organisation, details("改名后的大学", "Renamed University", "UNIVERSITY", List.of("CHANGSHA"), null))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.verificationStatus")
			.isEqualTo("UNVERIFIED");
	}

	@Test
	void anAdminsEditKeepsTheVerification() {
		Organisation organisation = this.fixtures.organisation(VerificationStatus.VERIFIED);
		UserAccount admin = this.fixtures.user(Role.ADMIN);
		update(admin, organisation, details("更正名称的大学", "Corrected University", "UNIVERSITY", List.of("CHANGSHA"), null))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.verificationStatus")
			.isEqualTo("VERIFIED");
	}

	@Test
	void onlyAParkMayBelongToSeveralCities() {
		UserAccount user = this.fixtures.user(Role.PUBLISHER);
		create(user, details("长株飞地园", "Changsha–Zhuzhou Enclave Park", "PARK", List.of("CHANGSHA", "ZHUZHOU"), null))
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.cities.length()")
			.isEqualTo(2)
			.jsonPath("$.verificationStatus")
			.isEqualTo("UNVERIFIED");
		create(user, details("两地企业", "Two-City Firm", "FIRM", List.of("CHANGSHA", "ZHUZHOU"), null)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("cities");
	}

	@Test
	void creditCodesAreCheckedAndUnique() {
		UserAccount user = this.fixtures.user(Role.FIRM);
		String valid = CreditCodes
			.withCheckCharacter("914302" + String.format("%011d", System.nanoTime() % 100000000000L));
		char wrong = (valid.charAt(17) == '0') ? '1' : '0';
		create(user, details("信用代码错误企业", "Wrong Code Co.", "FIRM", List.of("ZHUZHOU"), valid.substring(0, 17) + wrong))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("creditCode");
		create(user, details("株洲某企业", "Zhuzhou Co.", "FIRM", List.of("ZHUZHOU"), valid.toLowerCase())).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.creditCode")
			.isEqualTo(valid);
		create(user, details("另一家企业", "Another Co.", "FIRM", List.of("ZHUZHOU"), valid)).expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void contactDetailsAreForMembersOnly() {
		Organisation organisation = this.fixtures.organisation(VerificationStatus.VERIFIED);
		UserAccount member = this.fixtures.user(Role.RESEARCHER);
		this.fixtures.join(organisation, member, MembershipRole.MEMBER);
		this.client.get()
			.uri("/api/v1/organisations/{id}", organisation.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.contact")
			.doesNotExist();
		this.client.get()
			.uri("/api/v1/organisations/{id}", organisation.id())
			.headers((h) -> h.setBearerAuth(this.fixtures.token(member)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.contact.phone")
			.isEqualTo("0731-1234567");
	}

	@Test
	void theLastManagerCannotStepDown() {
		Organisation organisation = this.fixtures.organisation(VerificationStatus.VERIFIED);
		UserAccount manager = this.fixtures.user(Role.PUBLISHER);
		this.fixtures.join(organisation, manager, MembershipRole.MANAGER);
		this.client.patch()
			.uri("/api/v1/organisations/{id}/members/{user}", organisation.id(), manager.id())
			.headers((h) -> h.setBearerAuth(this.fixtures.token(manager)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("role", "MEMBER"))
			.exchange()
			.expectStatus()
			.isEqualTo(409);
		List<?> members = this.client.get()
			.uri("/api/v1/organisations/{id}/members", organisation.id())
			.headers((h) -> h.setBearerAuth(this.fixtures.token(manager)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		assertThat(members).hasSize(1);
	}

	private WebTestClient.ResponseSpec create(UserAccount user, Map<String, Object> body) {
		return this.client.post()
			.uri("/api/v1/organisations")
			.headers((h) -> h.setBearerAuth(this.fixtures.token(user)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private WebTestClient.ResponseSpec update(UserAccount user, Organisation organisation, Map<String, Object> body) {
		return this.client.put()
			.uri("/api/v1/organisations/{id}", organisation.id())
			.headers((h) -> h.setBearerAuth(this.fixtures.token(user)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private static Map<String, Object> details(String nameZh, String nameEn, String type, List<String> cities,
			String creditCode) {
		Map<String, Object> body = new HashMap<>();
		body.put("type", type);
		body.put("nameZh", nameZh);
		body.put("nameEn", nameEn);
		body.put("cities", cities);
		body.put("district", "岳麓区");
		if (creditCode != null) {
			body.put("creditCode", creditCode);
		}
		return body;
	}

}
