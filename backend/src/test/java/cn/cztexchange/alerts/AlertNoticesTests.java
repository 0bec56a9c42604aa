package cn.cztexchange.alerts;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import cn.cztexchange.catalog.CatalogReader.PublishedContent;
import cn.cztexchange.catalog.EntryContent;
import cn.cztexchange.catalog.ResourceKind;
import cn.cztexchange.notification.Notice;

import static org.assertj.core.api.Assertions.assertThat;

/** What alerts say, in both languages. */
class AlertNoticesTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final UUID user = UUID.randomUUID();

	@Test
	void theInAppNoticeCountsTheNewResultsListsTheFirstAndLinksToTheSearch() {
		SavedSearchRepository.Candidate search = new SavedSearchRepository.Candidate(UUID.randomUUID(), this.user,
				"长沙质谱", "q=%E8%B4%A8%E8%B0%B1&city=CHANGSHA");
		List<PublishedContent> shown = List.of(entry("质谱仪一", "Mass spectrometer 1"), entry("质谱仪二", null),
				entry("质谱仪三", "Mass spectrometer 3"));

		Notice chinese = AlertNotices.hits(search, 5, shown, "zh-CN");
		Notice english = AlertNotices.hits(search, 5, shown, "en");

		assertThat(chinese.titleZh()).isEqualTo("订阅的搜索有 5 条新结果：长沙质谱");
		assertThat(chinese.titleEn()).isEqualTo("5 new results for your saved search 长沙质谱");
		assertThat(chinese.body()).isEqualTo("质谱仪一；质谱仪二；质谱仪三 等 5 条");
		assertThat(english.body()).isEqualTo("Mass spectrometer 1; 质谱仪二; Mass spectrometer 3 and 2 more");
		assertThat(chinese.link()).isEqualTo("/search?q=%E8%B4%A8%E8%B0%B1&city=CHANGSHA");
		assertThat(chinese.email()).isFalse();
		assertThat(chinese.userIds()).containsExactly(this.user);
		assertThat(AlertNotices.hits(search, 1, shown.subList(0, 1), "en").titleEn())
			.isEqualTo("1 new result for your saved search 长沙质谱");
	}

	@Test
	void aSearchOfEverythingLinksToTheSearchPage() {
		assertThat(AlertNotices.searchLink("")).isEqualTo("/search");
	}

	@Test
	void theDigestListsEachSavedSearchWithAtMostItsShownTitlesAndHowManyMore() {
		List<PublishedContent> many = IntStream.rangeClosed(1, 20)
			.mapToObj((i) -> entry("仪器 " + i, "Instrument " + i))
			.toList();
		List<AlertNotices.DigestSection> sections = List.of(new AlertNotices.DigestSection("仪器", 23, many),
				new AlertNotices.DigestSection("融资", 1, List.of(entry("科技贷", null))));

		Notice chinese = AlertNotices.digest(this.user, sections, "zh-CN");
		Notice english = AlertNotices.digest(this.user, sections, "en");

		assertThat(chinese.titleZh()).isEqualTo("订阅搜索每日摘要：24 条新结果");
		assertThat(chinese.titleEn()).isEqualTo("Your saved searches today: 24 new results");
		assertThat(chinese.body()).startsWith("仪器（23 条新结果）\n· 仪器 1\n· 仪器 2\n")
			.endsWith("· 仪器 20\n……及另外 3 条\n\n融资（1 条新结果）\n· 科技贷");
		assertThat(english.body()).startsWith("仪器 (23 new results)\n· Instrument 1\n")
			.endsWith("· Instrument 20\nand 3 more\n\n融资 (1 new result)\n· 科技贷");
		assertThat(chinese.email()).isTrue();
		assertThat(chinese.link()).isEqualTo("/saved-searches");
	}

	private static PublishedContent entry(String titleZh, String titleEn) {
		EntryContent content = json
			.readValue(
					json.writeValueAsString(java.util.Map.of("titleZh", titleZh, "titleEn",
							(titleEn != null) ? titleEn : "", "summaryZh", "摘要", "city", "CHANGSHA")),
					EntryContent.class);
		return new PublishedContent(UUID.randomUUID(), ResourceKind.INSTRUMENT, UUID.randomUUID(), content);
	}

}
