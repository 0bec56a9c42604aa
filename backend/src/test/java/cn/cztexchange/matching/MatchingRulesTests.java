package cn.cztexchange.matching;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.cztexchange.catalog.EntryContent.Location;
import cn.cztexchange.catalog.FinancingDetails.FinancingKind;
import cn.cztexchange.catalog.FinancingDetails.Stage;
import cn.cztexchange.catalog.IndustryChain;
import cn.cztexchange.catalog.TechOfferingDetails.DealMode;
import cn.cztexchange.identity.City;
import cn.cztexchange.text.TextAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of matching that need no server: amounts, languages, instruments, places. */
class MatchingRulesTests {

	private static final long WAN = 1_000_000L;

	@Test
	void amountsReadAsAChineseOrEnglishReaderExpects() {
		assertThat(Explanations.money(2000 * WAN, Language.ZH)).isEqualTo("2000 万元");
		assertThat(Explanations.money(15000 * WAN, Language.ZH)).isEqualTo("1.5 亿元");
		assertThat(Explanations.money(12 * WAN + 500_000, Language.ZH)).isEqualTo("12.5 万元");
		assertThat(Explanations.money(2000 * WAN, Language.EN)).isEqualTo("CNY 20 million");
		assertThat(Explanations.money(50 * WAN, Language.EN)).isEqualTo("CNY 500,000");
		assertThat(Explanations.range(1000 * WAN, 3000 * WAN, Language.ZH)).isEqualTo("1000–3000 万元");
		assertThat(Explanations.range(5000 * WAN, 20000 * WAN, Language.ZH)).isEqualTo("5000 万元–2 亿元");
		assertThat(Explanations.range(1000 * WAN, 3000 * WAN, Language.EN)).isEqualTo("CNY 10–30 million");
		assertThat(Explanations.range(50 * WAN, 300 * WAN, Language.EN)).isEqualTo("CNY 500,000–3 million");
		assertThat(Explanations.range(null, 300 * WAN, Language.ZH)).isEqualTo("不超过 300 万元");
		assertThat(Explanations.range(300 * WAN, null, Language.EN)).isEqualTo("CNY 3 million or more");
		assertThat(Explanations.range(300 * WAN, 300 * WAN, Language.EN)).isEqualTo("CNY 3 million");
	}

	@Test
	void everyHardCriterionSaysWhatWasCheckedInBothLanguages() {
		assertThat(Explanations.region(City.ZHUZHOU, List.of(City.ZHUZHOU, City.XIANGTAN)))
			.isEqualTo(new Explanations.Text("地域符合：服务株洲的企业（服务城市：株洲、湘潭）",
					"Region fits: it serves firms in Zhuzhou (cities served: Zhuzhou, Xiangtan)"));
		assertThat(Explanations.qualifications(List.of(Qualification.HIGH_TECH_ENTERPRISE)))
			.isEqualTo(new Explanations.Text("资质符合：要求高新技术企业，企业持有有效证书",
					"Qualifications fit: it requires High-tech Enterprise, held and valid"));
		assertThat(Explanations.instrument(Set.of(), FinancingKind.BANK_LOAN, Stage.GROWTH)).isEqualTo(
				new Explanations.Text("未指定融资方式，不作限制（银行贷款）", "No preferred instrument: not checked (a bank loan)"));
		assertThat(
				Explanations.instrument(Set.of(FundingInstrument.EQUITY), FinancingKind.LISTING_SERVICE, Stage.PRE_IPO))
			.isEqualTo(new Explanations.Text("融资方式符合：股权融资 — 上市服务", "Instrument fits: equity — a listing service"));
		assertThat(Explanations.trl(7, 5)).isEqualTo(new Explanations.Text("成熟度符合：TRL 7 不低于要求的 TRL 5",
				"Readiness fits: TRL 7, at least the TRL 5 required"));
		assertThat(Explanations.trl(4, null))
			.isEqualTo(new Explanations.Text("未限定技术成熟度（TRL 4）", "No readiness level required (TRL 4)"));
		assertThat(Explanations.dealModes(List.of(DealMode.LICENCE, DealMode.TRANSFER)))
			.isEqualTo(new Explanations.Text("合作方式相符：转让、许可", "Deal modes fit: transfer, licence"));
		assertThat(Explanations.budget(80 * WAN, 100 * WAN)).isEqualTo(new Explanations.Text(
				"价格在预算内：意向价 80 万元，预算上限 100 万元", "Within budget: asking CNY 800,000, budget up to CNY 1 million"));
		assertThat(Explanations.budget(null, 100 * WAN))
			.isEqualTo(new Explanations.Text("价格面议，不作限制", "Price negotiable: not checked"));
		assertThat(Explanations.chains(List.of(IndustryChain.RAIL_TRANSIT, IndustryChain.AEROSPACE)))
			.isEqualTo(new Explanations.Text("行业链重合：轨道交通、航空航天", "Shared industry chain: rail transit, aerospace"));
		assertThat(Explanations.distance(12.4)).isEqualTo(new Explanations.Text("距离 12 km", "12 km away"));
		assertThat(Explanations.distance(null)).isEqualTo(new Explanations.Text("位置未知", "Location unknown"));
	}

	@Test
	void theCallersLanguageComesFromTheRequestThenTheirAccount() {
		assertThat(Language.accepted(List.of(Locale.FRENCH, Locale.forLanguageTag("en-GB")))).isEqualTo(Language.EN);
		assertThat(Language.accepted(List.of(Locale.forLanguageTag("zh-CN"), Locale.ENGLISH))).isEqualTo(Language.ZH);
		assertThat(Language.accepted(List.of(Locale.FRENCH))).isNull();
		assertThat(Language.ofLocale("en")).isEqualTo(Language.EN);
		assertThat(Language.ofLocale("zh-CN")).isEqualTo(Language.ZH);
		assertThat(Language.ofLocale(null)).isEqualTo(Language.ZH);
	}

	@Test
	void preferredInstrumentsNameTheKindsOfFinancingThatProvideThem() {
		assertThat(FundingInstrument.kinds(Set.of(FundingInstrument.EQUITY), Stage.GROWTH))
			.containsExactlyInAnyOrder(FinancingKind.VC_PE_FUND, FinancingKind.ANGEL);
		assertThat(FundingInstrument.kinds(Set.of(FundingInstrument.EQUITY), Stage.MATURE))
			.containsExactlyInAnyOrder(FinancingKind.VC_PE_FUND, FinancingKind.ANGEL, FinancingKind.LISTING_SERVICE);
		assertThat(FundingInstrument.kinds(Set.of(FundingInstrument.LOAN, FundingInstrument.GRANT), Stage.SEED))
			.containsExactlyInAnyOrder(FinancingKind.BANK_LOAN, FinancingKind.GOVERNMENT_PROGRAMME);
		assertThat(FundingInstrument.kinds(Set.of(), Stage.SEED)).isEqualTo(EnumSet.allOf(FinancingKind.class));
		assertThat(FundingInstrument.of(FinancingKind.LISTING_SERVICE, Stage.START_UP)).isNull();
		assertThat(FundingInstrument.of(FinancingKind.GUARANTEE, Stage.START_UP))
			.isEqualTo(FundingInstrument.GUARANTEE);
	}

	@Test
	void aFirmWithoutALocationSitsAtItsDistrictsCentreOrElseItsCitys() {
		assertThat(Places.centre(City.ZHUZHOU, "石峰区")).isEqualTo(new Location(27.88, 113.12));
		assertThat(Places.centre(City.ZHUZHOU, "岳麓区")).isEqualTo(new Location(27.83, 113.13));
		assertThat(Places.centre(City.XIANGTAN, null)).isEqualTo(new Location(27.83, 112.94));
		double changshaToZhuzhou = Places.distanceKm(Places.centre(City.CHANGSHA, null),
				Places.centre(City.ZHUZHOU, null));
		assertThat(changshaToZhuzhou).isBetween(45.0, 50.0);
	}

	@Test
	void matchingComparesTellingWordsOnly() {
		assertThat(MatchText.zhWords("一种基于深度学习的高速列车牵引电机故障诊断方法")).contains("牵引", "电机", "故障", "诊断")
			.doesNotContain("一种", "方法", "的", "基于");
		assertThat(MatchText.enWords("Fault diagnosis of traction motors 牵引电机")).contains("fault", "traction", "motor")
			.noneMatch(TextAnalysis::hasChinese);
	}

}
