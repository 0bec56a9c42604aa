package cn.cztexchange.matching;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.cztexchange.catalog.FinancingDetails.FinancingKind;
import cn.cztexchange.catalog.FinancingDetails.Stage;
import cn.cztexchange.catalog.IndustryChain;
import cn.cztexchange.catalog.TechOfferingDetails.DealMode;
import cn.cztexchange.identity.City;

/**
 * Every sentence that explains a match, in Chinese and in English, and the names they
 * use. Amounts are told in 万元 / 亿元 in Chinese and in CNY (millions) in English.
 */
final class Explanations {

	private static final Map<IndustryChain, Text> CHAINS = Map.ofEntries(
			Map.entry(IndustryChain.ENGINEERING_MACHINERY,
					new Text("工程机械与智能制造", "construction machinery and intelligent manufacturing")),
			Map.entry(IndustryChain.ENERGY_STORAGE_MATERIALS, new Text("先进储能材料", "advanced energy storage materials")),
			Map.entry(IndustryChain.BIOMEDICINE, new Text("生物医药", "biomedicine")),
			Map.entry(IndustryChain.AUTOMOTIVE, new Text("汽车及零部件", "automotive and parts")),
			Map.entry(IndustryChain.RAIL_TRANSIT, new Text("轨道交通", "rail transit")),
			Map.entry(IndustryChain.AEROSPACE, new Text("航空航天", "aerospace")),
			Map.entry(IndustryChain.NEW_MATERIALS, new Text("新材料", "new materials")),
			Map.entry(IndustryChain.ELECTRIC_DRIVE_AND_WIND_POWER,
					new Text("先进电驱与风电装备", "electric drive and wind power equipment")),
			Map.entry(IndustryChain.MINING_EQUIPMENT, new Text("矿山装备", "mining equipment")),
			Map.entry(IndustryChain.FOOD_AND_AGRICULTURE, new Text("食品与农产品加工", "food and agricultural processing")),
			Map.entry(IndustryChain.ELECTRONIC_INFORMATION, new Text("电子信息", "electronic information")),
			Map.entry(IndustryChain.NEW_ENERGY, new Text("新能源", "new energy")),
			Map.entry(IndustryChain.ENVIRONMENTAL_PROTECTION,
					new Text("节能环保", "energy saving and environmental protection")),
			Map.entry(IndustryChain.CULTURAL_CREATIVE, new Text("文化创意", "cultural and creative industries")));

	private static final Map<City, Text> CITIES = Map.of(City.CHANGSHA, new Text("长沙", "Changsha"), City.ZHUZHOU,
			new Text("株洲", "Zhuzhou"), City.XIANGTAN, new Text("湘潭", "Xiangtan"));

	private static final Map<Stage, Text> STAGES = Map.of(Stage.SEED, new Text("种子期", "seed"), Stage.START_UP,
			new Text("初创期", "start-up"), Stage.GROWTH, new Text("成长期", "growth"), Stage.MATURE,
			new Text("成熟期", "mature"), Stage.PRE_IPO, new Text("拟上市期", "pre-IPO"));

	private static final Map<FinancingKind, Text> KINDS = Map.of(FinancingKind.VC_PE_FUND,
			new Text("创投/私募基金", "a venture or private equity fund"), FinancingKind.ANGEL,
			new Text("天使投资", "angel investment"), FinancingKind.BANK_LOAN, new Text("银行贷款", "a bank loan"),
			FinancingKind.GUARANTEE, new Text("融资担保", "a financing guarantee"), FinancingKind.GOVERNMENT_PROGRAMME,
			new Text("政府资助项目", "a government programme"), FinancingKind.LISTING_SERVICE,
			new Text("上市服务", "a listing service"));

	private static final Map<FundingInstrument, Text> INSTRUMENTS = Map.of(FundingInstrument.EQUITY,
			new Text("股权融资", "equity"), FundingInstrument.LOAN, new Text("贷款", "loan"), FundingInstrument.GUARANTEE,
			new Text("融资担保", "guarantee"), FundingInstrument.GRANT, new Text("政府资助", "grant"));

	private static final Map<Qualification, Text> QUALIFICATIONS = Map.of(Qualification.HIGH_TECH_ENTERPRISE,
			new Text("高新技术企业", "High-tech Enterprise"), Qualification.TECH_SME, new Text("科技型中小企业", "Tech-based SME"),
			Qualification.SPECIALISED_SME, new Text("专精特新中小企业", "Specialised and Innovative SME"),
			Qualification.LITTLE_GIANT, new Text("专精特新“小巨人”企业", "“Little Giant”"), Qualification.MANUFACTURING_CHAMPION,
			new Text("制造业单项冠军企业", "Manufacturing Champion"));

	private static final Map<DealMode, Text> DEAL_MODES = Map.of(DealMode.TRANSFER, new Text("转让", "transfer"),
			DealMode.LICENCE, new Text("许可", "licence"), DealMode.EQUITY_CONTRIBUTION,
			new Text("作价入股", "equity contribution"), DealMode.JOINT_DEVELOPMENT, new Text("合作开发", "joint development"),
			DealMode.SERVICE, new Text("技术服务", "technical service"));

	private static final long FEN_PER_WAN = 1_000_000L;

	private static final long FEN_PER_MILLION_YUAN = 100_000_000L;

	private Explanations() {
	}

	// ---------------------------------------------------------------- names

	static String chainName(IndustryChain chain, Language language) {
		return CHAINS.get(chain).in(language);
	}

	static String cityName(City city, Language language) {
		return CITIES.get(city).in(language);
	}

	// ---------------------------------------------------------------- hard criteria

	static Text stage(Stage firmStage, Collection<Stage> served) {
		return new Text("阶段符合：" + STAGES.get(firmStage).zh() + "在其服务的阶段（" + list(served, STAGES, Language.ZH) + "）内",
				"Stage fits: " + STAGES.get(firmStage).en() + " is among the stages it serves ("
						+ list(served, STAGES, Language.EN) + ")");
	}

	static Text amount(Long needMin, Long needMax, Long ticketMin, Long ticketMax) {
		if (needMin == null && needMax == null) {
			return new Text("未填写融资金额，不作限制", "No amount named: not checked");
		}
		if (ticketMin == null && ticketMax == null) {
			return new Text("金额不限：未限定额度（需求 " + range(needMin, needMax, Language.ZH) + "）",
					"Any amount: it names no ticket size (the need is " + range(needMin, needMax, Language.EN) + ")");
		}
		return new Text(
				"金额相符：需求 " + range(needMin, needMax, Language.ZH) + " 与额度 " + range(ticketMin, ticketMax, Language.ZH)
						+ " 有重叠",
				"Amounts overlap: the need of " + range(needMin, needMax, Language.EN) + " overlaps tickets of "
						+ range(ticketMin, ticketMax, Language.EN));
	}

	static Text region(City firmCity, Collection<City> served) {
		if (served == null || served.isEmpty() || served.size() == City.values().length) {
			return new Text("地域不限：服务长沙、株洲、湘潭全域企业", "Any city: it serves firms in Changsha, Zhuzhou and Xiangtan");
		}
		return new Text("地域符合：服务" + CITIES.get(firmCity).zh() + "的企业（服务城市：" + list(served, CITIES, Language.ZH) + "）",
				"Region fits: it serves firms in " + CITIES.get(firmCity).en() + " (cities served: "
						+ list(served, CITIES, Language.EN) + ")");
	}

	static Text qualifications(Collection<Qualification> required) {
		if (required == null || required.isEmpty()) {
			return new Text("不要求资质", "No qualification required");
		}
		return new Text("资质符合：要求" + list(required, QUALIFICATIONS, Language.ZH) + "，企业持有有效证书",
				"Qualifications fit: it requires " + list(required, QUALIFICATIONS, Language.EN) + ", held and valid");
	}

	static Text instrument(Set<FundingInstrument> preferred, FinancingKind kind, Stage stage) {
		FundingInstrument instrument = FundingInstrument.of(kind, stage);
		if (preferred == null || preferred.isEmpty() || instrument == null) {
			return new Text("未指定融资方式，不作限制（" + KINDS.get(kind).zh() + "）",
					"No preferred instrument: not checked (" + KINDS.get(kind).en() + ")");
		}
		return new Text("融资方式符合：" + INSTRUMENTS.get(instrument).zh() + " — " + KINDS.get(kind).zh(),
				"Instrument fits: " + INSTRUMENTS.get(instrument).en() + " — " + KINDS.get(kind).en());
	}

	static Text trl(Integer trl, Integer minTrl) {
		if (minTrl == null) {
			return new Text("未限定技术成熟度" + ((trl != null) ? "（TRL " + trl + "）" : ""),
					"No readiness level required" + ((trl != null) ? " (TRL " + trl + ")" : ""));
		}
		return new Text("成熟度符合：TRL " + trl + " 不低于要求的 TRL " + minTrl,
				"Readiness fits: TRL " + trl + ", at least the TRL " + minTrl + " required");
	}

	static Text dealModes(Collection<DealMode> shared) {
		return new Text("合作方式相符：" + list(shared, DEAL_MODES, Language.ZH),
				"Deal modes fit: " + list(shared, DEAL_MODES, Language.EN));
	}

	static Text budget(Long priceFen, Long budgetMaxFen) {
		if (priceFen == null) {
			return new Text("价格面议，不作限制", "Price negotiable: not checked");
		}
		if (budgetMaxFen == null) {
			return new Text("预算未设上限（意向价 " + money(priceFen, Language.ZH) + "）",
					"No budget limit (asking " + money(priceFen, Language.EN) + ")");
		}
		return new Text("价格在预算内：意向价 " + money(priceFen, Language.ZH) + "，预算上限 " + money(budgetMaxFen, Language.ZH),
				"Within budget: asking " + money(priceFen, Language.EN) + ", budget up to "
						+ money(budgetMaxFen, Language.EN));
	}

	// ---------------------------------------------------------------- soft criteria

	static Text chains(Collection<IndustryChain> shared) {
		if (shared.isEmpty()) {
			return new Text("行业链不重合", "No shared industry chain");
		}
		return new Text("行业链重合：" + list(shared, CHAINS, Language.ZH),
				"Shared industry chain: " + list(shared, CHAINS, Language.EN));
	}

	static Text text(double fraction, List<String> sharedZh, List<String> sharedEn) {
		if (fraction <= 0 || (sharedZh.isEmpty() && sharedEn.isEmpty())) {
			return new Text("文本无明显相似", "No similar text");
		}
		int percent = (int) Math.round(fraction * 100);
		List<String> en = sharedEn.isEmpty() ? sharedZh : sharedEn;
		List<String> zh = sharedZh.isEmpty() ? sharedEn : sharedZh;
		return new Text("文本相似度 " + percent + "%：共同词语 " + String.join("、", zh),
				"Text similarity " + percent + "%: shared words " + String.join(", ", en));
	}

	static Text recency(long days, boolean profile) {
		if (profile) {
			return (days <= 0) ? new Text("资料今天更新", "Profile updated today") : new Text("资料 " + days + " 天前更新",
					"Profile updated " + days + ((days == 1) ? " day ago" : " days ago"));
		}
		return (days <= 0) ? new Text("今天发布", "Published today")
				: new Text("发布于 " + days + " 天前", "Published " + days + ((days == 1) ? " day ago" : " days ago"));
	}

	static Text distance(Double km) {
		if (km == null) {
			return new Text("位置未知", "Location unknown");
		}
		String shown = (km < 10) ? String.format(Locale.ROOT, "%.1f", km) : String.valueOf(Math.round(km));
		return new Text("距离 " + shown + " km", shown + " km away");
	}

	// ---------------------------------------------------------------- amounts

	/** An amount in 万元 / 亿元, or in CNY. */
	static String money(long fen, Language language) {
		if (language == Language.ZH) {
			if (fen >= 10_000 * FEN_PER_WAN) {
				return decimal(fen, 10_000 * FEN_PER_WAN) + " 亿元";
			}
			return decimal(fen, FEN_PER_WAN) + " 万元";
		}
		if (fen >= FEN_PER_MILLION_YUAN) {
			return "CNY " + decimal(fen, FEN_PER_MILLION_YUAN) + " million";
		}
		return "CNY " + NumberFormat.getIntegerInstance(Locale.ROOT).format(fen / 100);
	}

	/** A range with open ends allowed. */
	static String range(Long min, Long max, Language language) {
		if (min != null && max != null) {
			if (min.equals(max)) {
				return money(min, language);
			}
			String low = money(min, language);
			String high = money(max, language);
			return (language == Language.ZH) ? withoutSharedUnit(low, high) + "–" + high
					: withoutSharedUnit(low, high) + "–" + high.replace("CNY ", "");
		}
		if (min != null) {
			return (language == Language.ZH) ? money(min, language) + "以上" : money(min, language) + " or more";
		}
		if (max != null) {
			return (language == Language.ZH) ? "不超过 " + money(max, language) : "up to " + money(max, language);
		}
		return (language == Language.ZH) ? "不限" : "any amount";
	}

	/**
	 * The lower amount without the unit the higher one repeats: 2000–5000 万元, CNY 20–50
	 * million.
	 */
	private static String withoutSharedUnit(String low, String high) {
		for (String unit : List.of(" 亿元", " 万元", " million")) {
			if (low.endsWith(unit) && high.endsWith(unit)) {
				return low.substring(0, low.length() - unit.length());
			}
		}
		return low;
	}

	private static String decimal(long fen, long unit) {
		return BigDecimal.valueOf(fen)
			.divide(BigDecimal.valueOf(unit), 2, RoundingMode.HALF_UP)
			.stripTrailingZeros()
			.toPlainString();
	}

	private static <T> String list(Collection<T> values, Map<T, Text> names, Language language) {
		return values.stream()
			.sorted()
			.map((value) -> names.get(value).in(language))
			.collect(Collectors.joining((language == Language.ZH) ? "、" : ", "));
	}

	/**
	 * A sentence in both languages.
	 *
	 * @param zh in Chinese
	 * @param en in English
	 */
	record Text(String zh, String en) {

		String in(Language language) {
			return language.pick(this.zh, this.en);
		}

	}

}
