package cn.cztexchange.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.cztexchange.IntegrationTest;
import cn.cztexchange.identity.MembershipRole;
import cn.cztexchange.identity.Role;
import cn.cztexchange.identity.TestAccounts;
import cn.cztexchange.identity.TestAccounts.Account;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search through the API over entries published for this test class, kept apart from
 * every other test's entries by a tag of their own.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogSearchIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	TestAccounts accounts;

	final String tag = "t" + UUID.randomUUID().toString().substring(0, 8);

	UUID icpMs;

	UUID sem;

	UUID testing;

	UUID organisation;

	String organisationName;

	@BeforeAll
	void publishEntries() {
		UUID organisation = this.accounts.organisation(true);
		this.organisation = organisation;
		this.organisationName = "Test University " + organisation;
		Account manager = this.accounts.user(Role.PUBLISHER);
		this.accounts.join(organisation, manager, MembershipRole.MANAGER);
		Account admin = this.accounts.user(Role.ADMIN);
		this.icpMs = publish(manager, admin, CatalogTestEntries.instrument(organisation, "电感耦合等离子体质谱仪"));
		Map<String, Object> semContent = content("扫描电子显微镜", "Scanning electron microscope", "ZHUZHOU", 27.83, 113.15);
		semContent.put("instrument",
				Map.of("model", "SU5000", "category", "IMAGING", "mainFunctions", "表面形貌观察", "serviceModes",
						List.of("MACHINE_TIME"), "externalPrice", Map.of("amountFen", 30000, "unit", "PER_HOUR"),
						"operatingStatus", "IN_SERVICE"));
		this.sem = publish(manager, admin, CatalogTestEntries.create("INSTRUMENT", organisation, semContent));
		Map<String, Object> serviceContent = content("风电齿轮箱检测服务", "Wind turbine gearbox testing", "XIANGTAN", 27.86,
				112.92);
		serviceContent.put("industryChains", List.of("ELECTRIC_DRIVE_AND_WIND_POWER"));
		serviceContent.put("service", Map.of("serviceType", "TESTING", "scope", "齿轮箱振动与噪声测试", "turnaroundDays", 7,
				"price", Map.of("amountFen", 500000, "unit", "PER_PROJECT")));
		this.testing = publish(manager, admin, CatalogTestEntries.create("SERVICE", organisation, serviceContent));
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> total(search("")) == 3);
	}

	@Test
	void chineseFindsWordsWithinLongerWordsAndHighlightsThem() {
		Map<String, Object> result = search("&q=质谱");
		assertThat(ids(result)).first().isEqualTo(this.icpMs.toString());
		assertThat(firstItem(result).get("highlights").toString()).contains("<em>");
	}

	@Test
	void englishForgivesATypoAndModelNumbersMatchExactly() {
		assertThat(ids(search("&q=microscpe"))).containsExactly(this.sem.toString());
		assertThat(ids(search("&q=SU5000"))).containsExactly(this.sem.toString());
		assertThat(ids(search("&q=7900"))).containsExactly(this.icpMs.toString());
	}

	@Test
	void filtersNarrowAndFacetsCount() {
		Map<String, Object> all = search("");
		assertThat(facet(all, "kind")).containsEntry("INSTRUMENT", 2).containsEntry("SERVICE", 1);
		assertThat(facet(all, "city")).containsEntry("CHANGSHA", 1)
			.containsEntry("ZHUZHOU", 1)
			.containsEntry("XIANGTAN", 1);
		assertThat(ids(search("&kind=INSTRUMENT&city=ZHUZHOU"))).containsExactly(this.sem.toString());
		assertThat(ids(search("&industryChain=ELECTRIC_DRIVE_AND_WIND_POWER")))
			.containsExactly(this.testing.toString());
		assertThat(ids(search("&serviceMode=SAMPLE_SUBMISSION"))).containsExactly(this.icpMs.toString());
		assertThat(ids(search("&priceMaxFen=100000&sort=PRICE"))).containsExactly(this.sem.toString(),
				this.icpMs.toString());
	}

	@Test
	void aFacetCountsAsIfItsOwnFilterWereNotChosen() {
		Map<String, Object> zhuzhou = search("&city=ZHUZHOU");
		assertThat(ids(zhuzhou)).containsExactly(this.sem.toString());
		assertThat(facet(zhuzhou, "city")).containsEntry("CHANGSHA", 1)
			.containsEntry("ZHUZHOU", 1)
			.containsEntry("XIANGTAN", 1);
		assertThat(facet(zhuzhou, "kind")).containsOnlyKeys("INSTRUMENT");
		Map<String, Object> both = search("&city=ZHUZHOU&city=XIANGTAN&kind=SERVICE");
		assertThat(ids(both)).containsExactly(this.testing.toString());
		assertThat(facet(both, "kind")).containsEntry("INSTRUMENT", 1).containsEntry("SERVICE", 1);
		assertThat(facet(both, "city")).containsOnlyKeys("XIANGTAN");
	}

	@Test
	void synonymsLinkChineseAndEnglishTerms() {
		assertThat(ids(search("&q=mass spectrometer"))).containsExactly(this.icpMs.toString());
		assertThat(ids(search("&q=SEM"))).containsExactly(this.sem.toString());
		assertThat(ids(search("&q=扫描电镜"))).containsExactly(this.sem.toString());
		assertThat(ids(search("&q=风力发电"))).containsExactly(this.testing.toString());
		assertThat(ids(search("&q=microscopes"))).containsExactly(this.sem.toString());
	}

	@Test
	void wordsMayBeFoundInDifferentFields() {
		// 株洲 is the entry's city, 扫描 and 电镜 (by synonym) its title.
		assertThat(ids(search("&q=株洲 扫描电镜"))).containsExactly(this.sem.toString());
		assertThat(ids(search("&q=湘潭 齿轮箱"))).containsExactly(this.testing.toString());
		assertThat(ids(search("&q=株洲 齿轮箱"))).isEmpty();
	}

	@Test
	void distanceSortsAndFilters() {
		Map<String, Object> near = search("&near=27.83,113.15&sort=DISTANCE");
		assertThat(ids(near).get(0)).isEqualTo(this.sem.toString());
		assertThat(((Number) firstItem(near).get("distanceKm")).doubleValue()).isLessThan(1.0);
		assertThat(ids(search("&near=27.83,113.15&radiusKm=10"))).containsExactly(this.sem.toString());
	}

	@Test
	void pagesDoNotOverlapAndReachTheEnd() {
		List<String> seen = new ArrayList<>();
		String after = null;
		for (int page = 0; page < 5; page++) {
			Map<String, Object> result = search("&size=2" + ((after != null) ? "&after=" + after : ""));
			seen.addAll(ids(result));
			after = (String) result.get("next");
			if (after == null) {
				break;
			}
		}
		assertThat(seen).doesNotHaveDuplicates().hasSize(3);
	}

	@Test
	@SuppressWarnings("unchecked")
	void suggestionsCompleteTitlesOrganisationsAndTagsAlsoFromPinyin() {
		Map<String, Object> titles = this.client.get()
			.uri("/api/v1/suggest?q=扫描电")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat((List<Map<String, Object>>) titles.get("suggestions"))
			.anySatisfy((s) -> assertThat((String) s.get("text")).startsWith("扫描电子显微镜"));
		Map<String, Object> tags = this.client.get()
			.uri("/api/v1/suggest?q=" + this.tag.substring(0, 6))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat((List<Map<String, Object>>) tags.get("suggestions"))
			.anySatisfy((s) -> assertThat(s).containsEntry("text", this.tag).containsEntry("type", "TAG"));
		assertThat(suggestions("saomiao")).anySatisfy((s) -> assertThat((String) s.get("text")).startsWith("扫描电子显微镜"));
		assertThat(suggestions("smdzxwj")).anySatisfy((s) -> assertThat((String) s.get("text")).startsWith("扫描电子显微镜"));
		assertThat(suggestions(this.organisationName.substring(0, 24)))
			.anySatisfy((s) -> assertThat(s).containsEntry("type", "ORGANISATION")
				.containsEntry("id", this.organisation.toString()));
		this.client.get().uri("/api/v1/suggest?q={q}", "(.*").exchange().expectStatus().isOk();
		this.client.get()
			.uri("/api/v1/suggest")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(400);
	}

	@Test
	void badInputIsA400NamingTheParameter() {
		badRequest("&kind=SPACESHIP", "kind");
		badRequest("&near=north", "near");
		badRequest("&radiusKm=5", "near");
		badRequest("&sort=DISTANCE", "near");
		badRequest("&after=not-a-cursor", "after");
		badRequest("&priceMinFen=10&priceMaxFen=5", "priceMinFen");
		badRequest("&size=500", "size");
		badRequest("&q=" + "长".repeat(201), "q");
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> suggestions(String q) {
		Map<String, Object> body = this.client.get()
			.uri("/api/v1/suggest?q={q}&size=20", q)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (List<Map<String, Object>>) body.get("suggestions");
	}

	private void badRequest(String query, String field) {
		this.client.get()
			.uri("/api/v1/search?tag=" + this.tag + query)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo(field);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> search(String query) {
		return this.client.get()
			.uri("/api/v1/search?tag=" + this.tag + query)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private static long total(Map<String, Object> result) {
		return ((Number) result.get("total")).longValue();
	}

	@SuppressWarnings("unchecked")
	private static List<String> ids(Map<String, Object> result) {
		return ((List<Map<String, Object>>) result.get("items")).stream()
			.map((item) -> (String) item.get("id"))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> firstItem(Map<String, Object> result) {
		return ((List<Map<String, Object>>) result.get("items")).get(0);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Integer> facet(Map<String, Object> result, String name) {
		Map<String, Integer> counts = new HashMap<>();
		((Map<String, List<Map<String, Object>>>) result.get("facets")).get(name)
			.forEach((bucket) -> counts.put((String) bucket.get("value"), ((Number) bucket.get("count")).intValue()));
		return counts;
	}

	private Map<String, Object> content(String titleZh, String titleEn, String city, double lat, double lon) {
		Map<String, Object> content = CatalogTestEntries.common(titleZh, titleEn);
		content.put("city", city);
		content.put("location", Map.of("lat", lat, "lon", lon));
		content.put("tags", List.of(this.tag));
		return content;
	}

	private UUID publish(Account publisher, Account admin, Map<String, Object> request) {
		Map<String, Object> body = new HashMap<>(request);
		@SuppressWarnings("unchecked")
		Map<String, Object> content = new HashMap<>((Map<String, Object>) body.get("content"));
		content.put("tags", List.of(this.tag));
		body.put("content", content);
		return CatalogTestEntries.publish(this.client, publisher, admin, body);
	}

}
