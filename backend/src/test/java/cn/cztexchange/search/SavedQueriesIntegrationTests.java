package cn.cztexchange.search;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.cztexchange.IntegrationTest;
import cn.cztexchange.catalog.CatalogTestEntries;
import cn.cztexchange.identity.MembershipRole;
import cn.cztexchange.identity.Role;
import cn.cztexchange.identity.TestAccounts;
import cn.cztexchange.identity.TestAccounts.Account;
import cn.cztexchange.platform.FieldError;
import cn.cztexchange.platform.InvalidRequestException;
import cn.cztexchange.platform.ProblemDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saved queries against the real search endpoint and index: they refuse exactly what the
 * endpoint refuses, and find among given entries exactly what the search would.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SavedQueriesIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	TestAccounts accounts;

	@Autowired
	SavedQueries savedQueries;

	@Autowired
	SearchIndexProbe index;

	final String tag = "sq" + UUID.randomUUID().toString().substring(0, 8);

	UUID icpMs;

	UUID sem;

	@BeforeAll
	void publishEntries() {
		UUID organisation = this.accounts.organisation(true);
		Account manager = this.accounts.user(Role.PUBLISHER);
		this.accounts.join(organisation, manager, MembershipRole.MANAGER);
		Account admin = this.accounts.user(Role.ADMIN);
		this.icpMs = CatalogTestEntries.publish(this.client, manager, admin,
				instrument(organisation, "电感耦合等离子体质谱仪", "Inductively coupled plasma mass spectrometer", "CHANGSHA"));
		this.sem = CatalogTestEntries.publish(this.client, manager, admin,
				instrument(organisation, "扫描电子显微镜", "Scanning electron microscope", "ZHUZHOU"));
		this.index.awaitIndexed(this.icpMs, "电感耦合等离子体质谱仪");
		this.index.awaitIndexed(this.sem, "扫描电子显微镜");
	}

	@Test
	void aSavedQueryIsRefusedExactlyWhereTheSearchEndpointRefusesIt() {
		List<String> queryStrings = List.of("kind=GADGET", "city=BEIJING&stage=GROWTH", "priceMinFen=-1",
				"priceMinFen=abc", "ticketFen=1.5", "radiusKm=5", "sort=DISTANCE", "sort=CHEAPEST", "near=north",
				"near=91,112", "q=" + "质".repeat(201), "tag=" + "t".repeat(31), "radiusKm=0.05&near=28,112",
				"radiusKm=600&near=28,112", "priceMinFen=5&priceMaxFen=4", "q=" + "质".repeat(200),
				"city=CHANGSHA&kind=INSTRUMENT&kind=SERVICE", "q=质谱&near=28.19,112.97&radiusKm=10&sort=DISTANCE",
				"financingKind=BANK_LOAN&stage=GROWTH&ticketFen=5000000", "dealMode=LICENSE", "", "size=20");
		for (String queryString : queryStrings) {
			List<String> endpoint = this.client.get()
				.uri("/api/v1/search?" + queryString)
				.exchange()
				.returnResult(Map.class)
				.getResponseBody()
				.map(SavedQueriesIntegrationTests::fields)
				.blockFirst();
			List<String> saved;
			try {
				SavedQueries.parse(queryString, "query");
				saved = List.of();
			}
			catch (InvalidRequestException ex) {
				saved = errors(ex).stream().map((error) -> error.field().substring("query.".length())).toList();
			}
			assertThat(saved).as(queryString).containsExactlyInAnyOrderElementsOf(endpoint);
		}
	}

	@Test
	void eachSavedQueryFindsAmongTheEntriesWhatTheSearchWould() {
		Map<String, SavedQuery> queries = new LinkedHashMap<>();
		for (String query : List.of("tag=" + this.tag, "tag=" + this.tag + "&city=CHANGSHA",
				"tag=" + this.tag + "&q=质谱", "tag=" + this.tag + "&q=microscopes",
				"tag=" + this.tag + "&kind=FINANCING", "tag=" + this.tag + "&priceMaxFen=100",
				"tag=" + this.tag + "&near=27.83,113.15&radiusKm=5", "q=" + this.tag)) {
			queries.put(query, SavedQueries.parse(query, "query"));
		}

		Map<String, List<UUID>> found = this.savedQueries
			.matching(queries, List.of(this.icpMs, this.sem, UUID.randomUUID()))
			.block();

		assertThat(found).containsOnlyKeys("tag=" + this.tag, "tag=" + this.tag + "&city=CHANGSHA",
				"tag=" + this.tag + "&q=质谱", "tag=" + this.tag + "&q=microscopes",
				"tag=" + this.tag + "&near=27.83,113.15&radiusKm=5", "q=" + this.tag);
		assertThat(found.get("tag=" + this.tag)).containsExactlyInAnyOrder(this.icpMs, this.sem);
		assertThat(found.get("tag=" + this.tag + "&city=CHANGSHA")).containsExactly(this.icpMs);
		assertThat(found.get("tag=" + this.tag + "&q=质谱")).containsExactly(this.icpMs);
		assertThat(found.get("tag=" + this.tag + "&q=microscopes")).containsExactly(this.sem);
		assertThat(found.get("tag=" + this.tag + "&near=27.83,113.15&radiusKm=5")).containsExactly(this.sem);
		assertThat(found.get("q=" + this.tag)).containsExactlyInAnyOrder(this.icpMs, this.sem);
	}

	@Test
	void matchingLooksOnlyAmongTheGivenEntries() {
		Map<String, List<UUID>> found = this.savedQueries
			.matching(Map.of("all", SavedQueries.parse("", "query")), List.of(this.sem))
			.block();

		assertThat(found).containsExactly(Map.entry("all", List.of(this.sem)));
	}

	@Test
	void searchableLeavesOutWhatIsNotInTheIndex() {
		UUID unknown = UUID.randomUUID();

		assertThat(this.savedQueries.searchable(List.of(this.icpMs, unknown, this.sem)).block())
			.containsExactlyInAnyOrder(this.icpMs, this.sem);
	}

	private Map<String, Object> instrument(UUID organisation, String titleZh, String titleEn, String city) {
		Map<String, Object> request = CatalogTestEntries.instrument(organisation, titleZh);
		@SuppressWarnings("unchecked")
		Map<String, Object> content = (Map<String, Object>) request.get("content");
		content.put("titleEn", titleEn);
		content.put("city", city);
		content.put("tags", List.of(this.tag));
		if (city.equals("ZHUZHOU")) {
			content.put("location", Map.of("lat", 27.83, "lon", 113.15));
		}
		return request;
	}

	@SuppressWarnings("unchecked")
	private static List<String> fields(Map<?, ?> body) {
		List<Map<String, Object>> errors = (List<Map<String, Object>>) body.get(ProblemDetails.ERRORS);
		return (errors != null) ? errors.stream().map((error) -> (String) error.get("field")).toList() : List.of();
	}

	@SuppressWarnings("unchecked")
	private static List<FieldError> errors(InvalidRequestException ex) {
		return (List<FieldError>) ex.getBody().getProperties().get(ProblemDetails.ERRORS);
	}

}
