package cn.cztexchange.catalog;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.cztexchange.IntegrationTest;
import cn.cztexchange.identity.MembershipRole;
import cn.cztexchange.identity.OrganisationType;
import cn.cztexchange.identity.Role;
import cn.cztexchange.identity.TestAccounts;
import cn.cztexchange.identity.TestAccounts.Account;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who writes which kinds of entry: besides an organisation's managers and publishers,
 * members with the FIRM role write their FIRM organisation's technology needs, and
 * members with the INVESTOR role their INVESTOR organisation's financing entries; nothing
 * else, and no more than that.
 */
@IntegrationTest
class CatalogWritersIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	TestAccounts accounts;

	@ParameterizedTest(name = "{1} {2} of a {0} creates a {3} entry → {4}")
	@MethodSource("cases")
	void createsOnlyWhatTheirRoleInTheirKindOfOrganisationAllows(OrganisationType type, Role role,
			MembershipRole membership, String kind, int expected) {
		UUID organisation = this.accounts.organisation(type, true);
		Account writer = this.accounts.user(role);
		if (membership != null) {
			this.accounts.join(organisation, writer, membership);
		}
		WebTestClient.BodyContentSpec body = post(writer, "/api/v1/catalog/entries", entry(kind, organisation))
			.expectStatus()
			.isEqualTo(expected)
			.expectBody();
		if (expected == 403) {
			body.jsonPath("$.detail").value((String detail) -> assertThat(detail).contains("FIRM role"));
		}
	}

	static Stream<Arguments> cases() {
		return Stream.of(Arguments.of(OrganisationType.FIRM, Role.FIRM, MembershipRole.MEMBER, "TECH_NEED", 201),
				Arguments.of(OrganisationType.FIRM, Role.FIRM, MembershipRole.MEMBER, "INSTRUMENT", 403),
				Arguments.of(OrganisationType.FIRM, Role.FIRM, MembershipRole.MEMBER, "TECH_OFFERING", 403),
				Arguments.of(OrganisationType.FIRM, Role.FIRM, MembershipRole.MEMBER, "FINANCING", 403),
				Arguments.of(OrganisationType.FIRM, Role.RESEARCHER, MembershipRole.MEMBER, "TECH_NEED", 403),
				Arguments.of(OrganisationType.FIRM, Role.INVESTOR, MembershipRole.MEMBER, "FINANCING", 403),
				Arguments.of(OrganisationType.FIRM, Role.FIRM, null, "TECH_NEED", 403),
				Arguments.of(OrganisationType.UNIVERSITY, Role.FIRM, MembershipRole.MEMBER, "TECH_NEED", 403),
				Arguments.of(OrganisationType.INVESTOR, Role.INVESTOR, MembershipRole.MEMBER, "FINANCING", 201),
				Arguments.of(OrganisationType.INVESTOR, Role.INVESTOR, MembershipRole.MEMBER, "TECH_NEED", 403),
				Arguments.of(OrganisationType.INVESTOR, Role.INVESTOR, MembershipRole.MEMBER, "INSTRUMENT", 403),
				Arguments.of(OrganisationType.INVESTOR, Role.FIRM, MembershipRole.MEMBER, "TECH_NEED", 403),
				Arguments.of(OrganisationType.INVESTOR, Role.RESEARCHER, MembershipRole.MEMBER, "FINANCING", 403),
				Arguments.of(OrganisationType.RESEARCH_INSTITUTE, Role.INVESTOR, MembershipRole.MEMBER, "FINANCING",
						403),
				// What held before holds still: managers and publishers write every kind.
				Arguments.of(OrganisationType.FIRM, Role.RESEARCHER, MembershipRole.MANAGER, "TECH_NEED", 201),
				Arguments.of(OrganisationType.FIRM, Role.PUBLISHER, MembershipRole.MEMBER, "INSTRUMENT", 201),
				Arguments.of(OrganisationType.UNIVERSITY, Role.PUBLISHER, MembershipRole.MEMBER, "TECH_NEED", 201),
				Arguments.of(OrganisationType.INVESTOR, Role.RESEARCHER, MembershipRole.MANAGER, "INSTRUMENT", 201));
	}

	@Test
	void aFirmMemberTakesTheFirmsNeedsThroughTheLifecycleButNotItsOtherEntries() {
		UUID firm = this.accounts.organisation(OrganisationType.FIRM, true);
		Account member = this.accounts.user(Role.FIRM);
		Account manager = this.accounts.user(Role.FIRM);
		this.accounts.join(firm, member, MembershipRole.MEMBER);
		this.accounts.join(firm, manager, MembershipRole.MANAGER);

		UUID need = created(member, CatalogTestEntries.techNeed(firm, "牵引电机冷却合作研发"));
		put(member, need, CatalogTestEntries.techNeed(firm, "牵引电机冷却合作研发（修订）"), 1).expectStatus().isOk();
		post(member, "/api/v1/catalog/entries/" + need + "/submit", null).expectStatus().isOk();
		post(member, "/api/v1/catalog/entries/" + need + "/withdraw", null).expectStatus().isOk();
		post(member, "/api/v1/catalog/entries/" + need + "/archive", null).expectStatus().isOk();

		UUID instrument = created(manager, CatalogTestEntries.instrument(firm, "企业自有质谱仪"));
		get(member, "/api/v1/catalog/entries/" + instrument).expectStatus().isOk();
		put(member, instrument, CatalogTestEntries.instrument(firm, "改名"), 1).expectStatus().isForbidden();
		post(member, "/api/v1/catalog/entries/" + instrument + "/submit", null).expectStatus().isForbidden();
		post(member, "/api/v1/catalog/entries/" + instrument + "/archive", null).expectStatus().isForbidden();
	}

	@Test
	void anInvestorMemberWritesAndSubmitsTheInvestorsFinancingEntries() {
		UUID investor = this.accounts.organisation(OrganisationType.INVESTOR, true);
		Account member = this.accounts.user(Role.INVESTOR);
		this.accounts.join(investor, member, MembershipRole.MEMBER);
		UUID financing = created(member, CatalogTestEntries.financing(investor, "科技贷"));
		put(member, financing, CatalogTestEntries.financing(investor, "科技贷（修订）"), 1).expectStatus().isOk();
		post(member, "/api/v1/catalog/entries/" + financing + "/submit", null).expectStatus().isOk();
	}

	@Test
	void aFirmMemberImportsTheFirmsNeedsButNothingElse() {
		UUID firm = this.accounts.organisation(OrganisationType.FIRM, true);
		Account member = this.accounts.user(Role.FIRM);
		this.accounts.join(firm, member, MembershipRole.MEMBER);
		byte[] csv = CatalogImportIntegrationTests.csv(ImportTemplate.columns(ResourceKind.TECH_NEED),
				ImportTemplate.example(ResourceKind.TECH_NEED, CatalogService.today(Clock.systemUTC())));
		importing(member, firm, csv, "TECH_NEED").expectStatus().isAccepted();
		importing(member, firm, csv, "INSTRUMENT").expectStatus().isForbidden();
		importing(member, firm, csv, "FINANCING").expectStatus().isForbidden();
	}

	private static Map<String, Object> entry(String kind, UUID organisation) {
		return switch (kind) {
			case "TECH_NEED" -> CatalogTestEntries.techNeed(organisation, "技术需求");
			case "FINANCING" -> CatalogTestEntries.financing(organisation, "金融产品");
			case "INSTRUMENT" -> CatalogTestEntries.instrument(organisation, "仪器");
			case "TECH_OFFERING" -> {
				Map<String, Object> content = CatalogTestEntries.common("技术成果", "Technology offering");
				content.put("techOffering",
						Map.of("ipType", "INVENTION_PATENT", "trl", 6, "dealModes", List.of("LICENCE")));
				yield CatalogTestEntries.create("TECH_OFFERING", organisation, content);
			}
			default -> throw new IllegalArgumentException(kind);
		};
	}

	private UUID created(Account account, Object body) {
		return post(account, "/api/v1/catalog/entries", body).expectStatus()
			.isCreated()
			.expectBody(CatalogEntryResponse.class)
			.returnResult()
			.getResponseBody()
			.id();
	}

	private WebTestClient.ResponseSpec put(Account account, UUID id, Map<String, Object> request, int version) {
		return this.client.put()
			.uri("/api/v1/catalog/entries/{id}", id)
			.headers((h) -> h.setBearerAuth(account.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("content", request.get("content"), "version", version))
			.exchange();
	}

	private WebTestClient.ResponseSpec post(Account account, String uri, Object body) {
		WebTestClient.RequestBodySpec spec = this.client.post()
			.uri(uri)
			.headers((h) -> h.setBearerAuth(account.token()));
		return (body != null) ? spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
				: spec.exchange();
	}

	private WebTestClient.ResponseSpec get(Account account, String uri) {
		return this.client.get().uri(uri).headers((h) -> h.setBearerAuth(account.token())).exchange();
	}

	private WebTestClient.ResponseSpec importing(Account account, UUID organisation, byte[] csv, String kind) {
		MultipartBodyBuilder form = Uploading.file(csv, "needs.csv");
		form.part("organisationId", organisation.toString());
		form.part("kind", kind);
		form.part("dryRun", "true");
		return this.client.post()
			.uri("/api/v1/catalog/imports")
			.headers((h) -> h.setBearerAuth(account.token()))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.bodyValue(form.build())
			.exchange();
	}

}
