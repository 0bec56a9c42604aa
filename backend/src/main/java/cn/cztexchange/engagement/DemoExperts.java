package cn.cztexchange.engagement;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.cztexchange.catalog.IndustryChain;
import cn.cztexchange.identity.City;
import cn.cztexchange.identity.UserDirectory;

import static cn.cztexchange.catalog.IndustryChain.AEROSPACE;
import static cn.cztexchange.catalog.IndustryChain.AUTOMOTIVE;
import static cn.cztexchange.catalog.IndustryChain.BIOMEDICINE;
import static cn.cztexchange.catalog.IndustryChain.CULTURAL_CREATIVE;
import static cn.cztexchange.catalog.IndustryChain.ELECTRIC_DRIVE_AND_WIND_POWER;
import static cn.cztexchange.catalog.IndustryChain.ELECTRONIC_INFORMATION;
import static cn.cztexchange.catalog.IndustryChain.ENERGY_STORAGE_MATERIALS;
import static cn.cztexchange.catalog.IndustryChain.ENGINEERING_MACHINERY;
import static cn.cztexchange.catalog.IndustryChain.ENVIRONMENTAL_PROTECTION;
import static cn.cztexchange.catalog.IndustryChain.FOOD_AND_AGRICULTURE;
import static cn.cztexchange.catalog.IndustryChain.MINING_EQUIPMENT;
import static cn.cztexchange.catalog.IndustryChain.NEW_ENERGY;
import static cn.cztexchange.catalog.IndustryChain.NEW_MATERIALS;
import static cn.cztexchange.catalog.IndustryChain.RAIL_TRANSIT;
import static cn.cztexchange.engagement.AdvisoryType.INVESTMENT_ADVICE;
import static cn.cztexchange.engagement.AdvisoryType.MARKET_RESEARCH;
import static cn.cztexchange.engagement.AdvisoryType.RESULT_EVALUATION;

/**
 * Twenty demo experts for the local run ({@code app.demo.enabled=true}), across the three
 * cities, the region's industry chains and the three advisory services, all labelled as
 * demo data. Two answer their requests through demo accounts, so that the advisory
 * journey can be tried end to end: the demo researcher evaluates results, the demo
 * investor advises on investment. Ids follow from each expert's key, so a second start
 * inserts nothing.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty("app.demo.enabled")
class DemoExperts implements ApplicationRunner {

	/** The demo researcher and investor accounts (see identity's DemoAccounts). */
	static final UUID DEMO_RESEARCHER = UUID.fromString("00000000-0000-7000-8000-000000000201");

	static final UUID DEMO_INVESTOR = UUID.fromString("00000000-0000-7000-8000-000000000203");

	private static final Log log = LogFactory.getLog(DemoExperts.class);

	private final ExpertRepository experts;

	private final UserDirectory users;

	private final Clock clock;

	DemoExperts(ExpertRepository experts, UserDirectory users, Clock clock) {
		this.experts = experts;
		this.users = users;
		this.clock = clock;
	}

	/** Start-up work, waited for so that the application is ready with its demo data. */
	@Override
	public void run(ApplicationArguments args) {
		AtomicInteger inserted = new AtomicInteger();
		load(Duration.ofSeconds(10)).doOnNext((isNew) -> {
			if (isNew) {
				inserted.incrementAndGet();
			}
		}).then().toFuture().join();
		log.info("Demo experts ready: " + EXPERTS.size() + ", " + inserted.get() + " of them new");
	}

	/**
	 * Inserts the experts that are missing; answers, for each, whether it was new.
	 * {@code patience}: how long to wait for a demo account that answers an expert's
	 * requests.
	 */
	Flux<Boolean> load(Duration patience) {
		Instant now = this.clock.instant();
		return Flux.fromIterable(EXPERTS)
			.concatMap((demo) -> linkedUser(demo, patience).map((user) -> demo.expert(user, now))
				.defaultIfEmpty(demo.expert(null, now))
				.flatMap(this.experts::insert));
	}

	/**
	 * The demo account that answers the expert's requests, if it has one and it exists:
	 * the demo accounts are inserted in the background at the same start, so wait for
	 * them a little; without them, the expert is listed but takes no requests.
	 */
	private Mono<UUID> linkedUser(DemoExpert demo, Duration patience) {
		if (demo.userId() == null) {
			return Mono.empty();
		}
		Duration pause = Duration.ofMillis(500);
		return Flux.range(0, 1 + (int) patience.dividedBy(pause))
			.concatMap((attempt) -> ((attempt == 0) ? Mono.<Long>empty() : Mono.delay(pause))
				.then(this.users.contact(demo.userId())))
			.map((user) -> user.id())
			.next();
	}

	static UUID idOf(String key) {
		return UUID.nameUUIDFromBytes(("demo-expert:" + key).getBytes(StandardCharsets.UTF_8));
	}

	static final List<DemoExpert> EXPERTS = List.of(new DemoExpert("yuelu-evaluation", "陈知远", "Chen Zhiyuan",
			"教授、博士生导师", "Professor", "岳麓山大学科技城示范高校", "Yuelu Mountain Demo University", City.CHANGSHA,
			List.of("科技成果评价", "新材料", "专利价值评估"), List.of(NEW_MATERIALS, ENERGY_STORAGE_MATERIALS),
			EnumSet.of(RESULT_EVALUATION), "长期从事先进材料研究，主持国家重点研发计划项目三项，担任省科技成果评价专家库专家，评价成果六十余项。",
			"Works on advanced materials; led three national key R&D projects and has evaluated more than sixty "
					+ "research results for the provincial expert pool.",
			DEMO_RESEARCHER),
			new DemoExpert("xiangjiang-investment", "刘启航", "Liu Qihang", "投资总监", "Investment Director", "湘江科创示范投资基金",
					"Xiangjiang Tech Demo Fund", City.CHANGSHA, List.of("股权投资", "估值", "投后管理"),
					List.of(ENGINEERING_MACHINERY, ELECTRONIC_INFORMATION, NEW_ENERGY), EnumSet.of(INVESTMENT_ADVICE),
					"十余年早期与成长期投资经验，熟悉科创企业估值、融资方案设计与上市前规范。",
					"More than ten years of early- and growth-stage investing; values tech firms and designs financing "
							+ "rounds and pre-IPO preparation.",
					DEMO_INVESTOR),
			new DemoExpert("rail-traction", "周铁军", "Zhou Tiejun", "正高级工程师", "Professor-level Senior Engineer",
					"株洲轨道交通装备研究院", "Zhuzhou Rail Transit Equipment Research Institute", City.ZHUZHOU,
					List.of("牵引传动", "轨道交通装备", "技术成熟度"), List.of(RAIL_TRANSIT, ELECTRIC_DRIVE_AND_WIND_POWER),
					EnumSet.of(RESULT_EVALUATION, MARKET_RESEARCH), "从事轨道交通牵引系统研发三十年，参与多项行业标准制定，熟悉轨交装备市场与供应链。",
					"Thirty years in rail traction systems; helped write industry standards and knows the rail equipment "
							+ "market and supply chain.",
					null),
			new DemoExpert("aero-materials", "彭翔宇", "Peng Xiangyu", "研究员", "Research Fellow", "芦淞通用航空技术研究院",
					"Lusong General Aviation Technology Institute", City.ZHUZHOU, List.of("航空发动机", "通用航空", "适航"),
					List.of(AEROSPACE, NEW_MATERIALS), EnumSet.of(RESULT_EVALUATION),
					"专注中小型航空发动机与通航装备，熟悉适航审定流程与航空材料评价。",
					"Specialises in small aero engines and general aviation equipment, airworthiness certification and "
							+ "the evaluation of aviation materials.",
					null),
			new DemoExpert("hard-alloy", "谭国梁", "Tan Guoliang", "教授级高工", "Professor-level Senior Engineer",
					"荷塘精密硬质材料有限公司", "Hetang Precision Hard Materials Co., Ltd.", City.ZHUZHOU,
					List.of("硬质合金", "粉末冶金", "刀具"), List.of(NEW_MATERIALS),
					EnumSet.of(RESULT_EVALUATION, MARKET_RESEARCH), "硬质合金与粉末冶金领域资深专家，了解国内外刀具与耐磨材料市场。",
					"A veteran of cemented carbide and powder metallurgy who knows the cutting-tool and wear-part markets "
							+ "at home and abroad.",
					null),
			new DemoExpert("wind-power", "易湘涛", "Yi Xiangtao", "副教授", "Associate Professor", "湘潭莲城大学",
					"Xiangtan Liancheng University", City.XIANGTAN, List.of("风电装备", "电机控制", "海上风电"),
					List.of(ELECTRIC_DRIVE_AND_WIND_POWER, NEW_ENERGY), EnumSet.of(RESULT_EVALUATION, MARKET_RESEARCH),
					"研究大功率风电机组与永磁电机控制，长期为湘潭风电装备企业提供技术咨询。",
					"Researches large wind turbines and permanent-magnet motor control; has long advised Xiangtan's wind "
							+ "equipment makers.",
					null),
			new DemoExpert("mining-equipment", "龙建华", "Long Jianhua", "高级工程师", "Senior Engineer", "湘潭矿山装备协会",
					"Xiangtan Mining Equipment Association", City.XIANGTAN, List.of("矿山机械", "智能矿山", "市场分析"),
					List.of(MINING_EQUIPMENT, ENGINEERING_MACHINERY), EnumSet.of(MARKET_RESEARCH),
					"熟悉矿山装备产业链与国内外主要市场，主持编写多份行业发展报告。",
					"Knows the mining-equipment chain and its main markets; led several industry development reports.",
					null),
			new DemoExpert("biomed-evaluation", "何静怡", "He Jingyi", "研究员", "Research Fellow", "麓谷生物医药研究院",
					"Lugu Institute of Biomedicine", City.CHANGSHA, List.of("创新药", "临床前研究", "医疗器械注册"),
					List.of(BIOMEDICINE), EnumSet.of(RESULT_EVALUATION, MARKET_RESEARCH),
					"从事创新药临床前评价与医疗器械注册咨询，熟悉药监审评要求。",
					"Evaluates new drugs before clinical trials and advises on medical device registration and the "
							+ "regulator's requirements.",
					null),
			new DemoExpert("biomed-investment", "罗佳宁", "Luo Jianing", "合伙人", "Partner", "长株潭天使投资联盟",
					"CZT Angel Investors Alliance", City.CHANGSHA, List.of("医疗健康投资", "天使投资"), List.of(BIOMEDICINE),
					EnumSet.of(INVESTMENT_ADVICE), "专注医疗健康领域天使与早期投资，投资项目二十余个。",
					"Angel and early-stage investor in health care, with more than twenty investments.", null),
			new DemoExpert("auto-parts", "王振宇", "Wang Zhenyu", "总工程师", "Chief Engineer", "湘驰汽车零部件有限公司",
					"Xiangchi Auto Parts Co., Ltd.", City.CHANGSHA, List.of("汽车零部件", "轻量化", "新能源汽车"),
					List.of(AUTOMOTIVE, NEW_ENERGY), EnumSet.of(RESULT_EVALUATION, MARKET_RESEARCH),
					"二十年汽车零部件研发经验，熟悉整车厂配套体系与轻量化技术路线。",
					"Twenty years developing car parts; knows carmakers' supplier systems and lightweighting routes.",
					null),
			new DemoExpert("battery-materials", "邓锂明", "Deng Liming", "研究员", "Research Fellow", "长沙先进储能材料研究院",
					"Changsha Institute of Advanced Energy Storage Materials", City.CHANGSHA,
					List.of("锂电池", "正极材料", "储能"), List.of(ENERGY_STORAGE_MATERIALS, NEW_ENERGY),
					EnumSet.of(RESULT_EVALUATION, MARKET_RESEARCH), "研究锂离子电池正极材料与储能系统，跟踪储能市场与技术路线。",
					"Researches cathode materials and storage systems, and follows the storage market and technology "
							+ "roadmaps.",
					null),
			new DemoExpert("tech-finance", "钟文博", "Zhong Wenbo", "注册会计师、保荐代表人", "CPA, Sponsor Representative",
					"长株潭资本市场服务基地", "CZT Capital Markets Service Base", City.CHANGSHA, List.of("上市辅导", "财务规范", "北交所"),
					List.of(), EnumSet.of(INVESTMENT_ADVICE), "为专精特新企业提供上市前财务规范与资本市场路径咨询。",
					"Prepares specialised SMEs' finances for listing and advises on their capital-market route.", null),
			new DemoExpert("bank-credit", "曾晓岚", "Zeng Xiaolan", "高级经济师", "Senior Economist", "长株潭科技银行麓谷支行",
					"CZT Science and Technology Bank, Lugu Sub-branch", City.CHANGSHA, List.of("科技信贷", "知识产权质押"),
					List.of(), EnumSet.of(INVESTMENT_ADVICE), "熟悉科技型中小企业信贷、知识产权质押融资与政策性担保。",
					"Knows credit for tech SMEs, IP-backed loans and policy guarantees.", null),
			new DemoExpert("ip-valuation", "许明哲", "Xu Mingzhe", "资产评估师", "Certified Asset Appraiser", "湖南知识产权评估事务所",
					"Hunan IP Valuation Office", City.CHANGSHA, List.of("专利价值评估", "技术作价入股", "知识产权"), List.of(),
					EnumSet.of(RESULT_EVALUATION, INVESTMENT_ADVICE), "从事专利与技术成果价值评估，为技术作价入股、转让与质押提供评估报告。",
					"Values patents and research results for equity contributions, transfers and pledges.", null),
			new DemoExpert("smart-manufacturing", "胡志强", "Hu Zhiqiang", "教授", "Professor", "湘江理工大学",
					"Xiangjiang Polytechnic University", City.CHANGSHA, List.of("智能制造", "工业互联网", "数字化转型"),
					List.of(ENGINEERING_MACHINERY, ELECTRONIC_INFORMATION),
					EnumSet.of(RESULT_EVALUATION, MARKET_RESEARCH), "研究工程机械智能制造与工业互联网平台，指导多家企业数字化转型。",
					"Researches intelligent manufacturing and industrial internet platforms for construction machinery; "
							+ "has guided many firms' digital transformation.",
					null),
			new DemoExpert("semiconductor", "付晨曦", "Fu Chenxi", "副研究员", "Associate Research Fellow", "湘江工程技术研究院",
					"Xiangjiang Institute of Engineering Technology", City.CHANGSHA, List.of("功率半导体", "IGBT", "芯片封装"),
					List.of(ELECTRONIC_INFORMATION, RAIL_TRANSIT), EnumSet.of(RESULT_EVALUATION),
					"从事功率半导体器件与封装研究，熟悉轨交与新能源汽车用 IGBT。",
					"Works on power semiconductors and packaging, including IGBTs for rail and electric vehicles.",
					null),
			new DemoExpert("food-processing", "谢禾丰", "Xie Hefeng", "教授", "Professor", "湘潭农产品加工研究所",
					"Xiangtan Agricultural Product Processing Institute", City.XIANGTAN, List.of("食品加工", "湘莲", "冷链"),
					List.of(FOOD_AND_AGRICULTURE), EnumSet.of(RESULT_EVALUATION, MARKET_RESEARCH),
					"研究湘莲等特色农产品深加工与冷链物流，熟悉食品消费市场。",
					"Researches the processing of local produce such as Xiangtan lotus seeds and cold chains, and knows "
							+ "the food market.",
					null),
			new DemoExpert("environment", "姚碧清", "Yao Biqing", "高级工程师", "Senior Engineer", "湘潭环保产业研究院",
					"Xiangtan Environmental Industry Institute", City.XIANGTAN, List.of("固废处理", "土壤修复", "碳达峰"),
					List.of(ENVIRONMENTAL_PROTECTION), EnumSet.of(RESULT_EVALUATION, MARKET_RESEARCH),
					"从事工业固废资源化与重金属污染土壤修复，熟悉环保政策与市场。",
					"Works on recycling industrial waste and cleaning soil of heavy metals; knows environmental policy "
							+ "and the market.",
					null),
			new DemoExpert("cultural-creative", "苏婉清", "Su Wanqing", "副教授", "Associate Professor", "湖南麓山大学",
					"Hunan Lushan University", City.CHANGSHA, List.of("文化创意", "数字内容", "品牌"), List.of(CULTURAL_CREATIVE),
					EnumSet.of(MARKET_RESEARCH), "研究数字文创与品牌传播，为文创企业做市场调研与定位。",
					"Researches digital creative industries and brand communication; runs market studies for creative "
							+ "firms.",
					null),
			new DemoExpert("zhuzhou-fund", "杨立新", "Yang Lixin", "基金经理", "Fund Manager", "长株潭科技成果转化引导基金",
					"CZT Technology Transfer Guidance Fund", City.ZHUZHOU, List.of("成果转化基金", "政府引导基金"),
					List.of(RAIL_TRANSIT, AEROSPACE, NEW_MATERIALS), EnumSet.of(INVESTMENT_ADVICE),
					"管理成果转化引导基金，熟悉高校院所科技成果作价投资与政府引导基金政策。",
					"Manages a technology-transfer guidance fund; knows how universities' results become investments and "
							+ "the rules of government guidance funds.",
					null));

	/**
	 * A demo expert.
	 *
	 * @param key its stable key, from which its id follows
	 * @param userId the demo account that answers its requests, or null
	 */
	record DemoExpert(String key, String nameZh, String nameEn, String titleZh, String titleEn, String organisationZh,
			String organisationEn, City city, List<String> fields, List<IndustryChain> industryChains,
			Set<AdvisoryType> services, String bioZh, String bioEn, UUID userId) {

		Expert expert(UUID linkedUser, Instant now) {
			String phone = "0731-8" + String.format("%07d", Math.floorMod(this.key.hashCode(), 10_000_000));
			Contact contact = new Contact(this.nameZh, phone, this.key + "@experts.demo.example.cn", null);
			return new Expert(idOf(this.key), this.nameZh + "（演示）", this.nameEn + " (demo)", this.titleZh, this.titleEn,
					null, this.organisationZh + "（演示）", this.organisationEn + " (demo)", this.city, this.fields,
					this.industryChains, this.services, this.bioZh, this.bioEn, contact, linkedUser, true, true, now,
					now, 1);
		}

	}

}
