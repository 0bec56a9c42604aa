package cn.cztexchange.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import cn.cztexchange.catalog.EntryContent.Contact;
import cn.cztexchange.catalog.EntryContent.Location;
import cn.cztexchange.catalog.EntryContent.Price;
import cn.cztexchange.catalog.EntryContent.PriceUnit;
import cn.cztexchange.catalog.FinancingDetails.FinancingKind;
import cn.cztexchange.catalog.FinancingDetails.Stage;
import cn.cztexchange.catalog.InstrumentDetails.Category;
import cn.cztexchange.catalog.InstrumentDetails.OperatingStatus;
import cn.cztexchange.catalog.InstrumentDetails.ServiceMode;
import cn.cztexchange.catalog.LiteratureDetails.Access;
import cn.cztexchange.catalog.LiteratureDetails.Source;
import cn.cztexchange.catalog.ServiceDetails.Accreditation;
import cn.cztexchange.catalog.ServiceDetails.Accreditation.Scheme;
import cn.cztexchange.catalog.ServiceDetails.ServiceType;
import cn.cztexchange.catalog.TechOfferingDetails.DealMode;
import cn.cztexchange.catalog.TechOfferingDetails.IpType;
import cn.cztexchange.identity.City;

/**
 * Realistic, clearly labelled demo data for the CZT catalogue: invented organisations of
 * the three cities and entries of every kind built from real instrument types, real
 * accreditation schemes and the cities' focus industries, so that a newcomer's first run
 * (and a search benchmark) sees a living marketplace rather than "test 1, test 2".
 * <p>
 * Every entry is derived from the seed and its own index alone, so the stream is
 * deterministic, lazy (a benchmark may ask for a million entries without holding them)
 * and the same whether it is consumed sequentially or in parallel.
 */
final class DemoCatalogGenerator {

	static final int DEFAULT_INSTRUMENTS = 600;

	static final int DEFAULT_SERVICES = 200;

	static final int DEFAULT_LITERATURE = 300;

	static final int DEFAULT_OFFERINGS = 200;

	static final int DEFAULT_FINANCING = 150;

	static final int DEFAULT_NEEDS = 100;

	static final String UNIVERSITY = "UNIVERSITY";

	static final String RESEARCH_INSTITUTE = "RESEARCH_INSTITUTE";

	static final String FIRM = "FIRM";

	static final String PARK = "PARK";

	static final String INVESTOR = "INVESTOR";

	private DemoCatalogGenerator() {
	}

	/**
	 * An invented organisation; its names end with "（演示）" / " (demo)" so that nobody
	 * mistakes it for a real institution.
	 *
	 * @param key stable key entries refer to
	 * @param nameZh Chinese name
	 * @param nameEn English name
	 * @param cities the cities it works in; the first is where it sits (an enclave park
	 * names the city it stands in first, then the city that co-builds it)
	 * @param district the district it sits in
	 * @param typeName UNIVERSITY, RESEARCH_INSTITUTE, FIRM, PARK or INVESTOR
	 */
	record DemoOrganisation(String key, String nameZh, String nameEn, List<City> cities, String district,
			String typeName) {

		String shortZh() {
			return this.nameZh.replace("（演示）", "");
		}

		String shortEn() {
			return this.nameEn.replace(" (demo)", "");
		}

	}

	/**
	 * A generated entry.
	 *
	 * @param kind its kind
	 * @param organisationKey the key of the {@link DemoOrganisation} that owns it
	 * @param content what its publisher wrote
	 */
	record DemoEntry(ResourceKind kind, String organisationKey, EntryContent content) {
	}

	/** The demo organisations of the three cities. */
	static List<DemoOrganisation> organisations() {
		return ORGANISATIONS;
	}

	/**
	 * The default demo catalogue: 600/200/300/200/150/100 entries of the six kinds.
	 */
	static Stream<DemoEntry> entries(long seed) {
		return entries(seed, DEFAULT_INSTRUMENTS, DEFAULT_SERVICES, DEFAULT_LITERATURE, DEFAULT_OFFERINGS,
				DEFAULT_FINANCING, DEFAULT_NEEDS);
	}

	/**
	 * Generates entries lazily, the instruments first, then services, literature,
	 * offerings, financing entries and technology needs. The needs come last, so that the
	 * entries of the other kinds sit where they sat before needs existed.
	 * @param seed the seed; the same seed gives the same entries
	 * @param instruments how many instruments
	 * @param services how many technical services
	 * @param literature how many pieces of literature
	 * @param offerings how many tech-transfer offerings
	 * @param financing how many financing entries
	 * @param needs how many technology needs
	 * @return the entries, in that order
	 */
	static Stream<DemoEntry> entries(long seed, int instruments, int services, int literature, int offerings,
			int financing, int needs) {
		long[] ends = new long[6];
		int[] counts = { instruments, services, literature, offerings, financing, needs };
		long total = 0;
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] < 0) {
				throw new IllegalArgumentException("counts must not be negative");
			}
			total += counts[i];
			ends[i] = total;
		}
		return LongStream.range(0, total).mapToObj((index) -> entryAt(seed, index, ends));
	}

	private static DemoEntry entryAt(long seed, long index, long[] ends) {
		// Seeding each entry from (seed, index) through a mixer rather than from one
		// shared
		// generator keeps entries independent of each other and of how the stream is
		// split;
		// raw consecutive seeds would give SplittableRandom overlapping sequences.
		SplittableRandom random = new SplittableRandom(mix(seed ^ mix(index + 0x632BE59BD9B4E019L)));
		if (index < ends[0]) {
			return instrument(random);
		}
		if (index < ends[1]) {
			return service(random);
		}
		if (index < ends[2]) {
			return literature(random);
		}
		if (index < ends[3]) {
			return techOffering(random);
		}
		if (index < ends[4]) {
			return financing(random);
		}
		return techNeed(random);
	}

	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	// ---------------------------------------------------------------- instruments

	private static DemoEntry instrument(SplittableRandom random) {
		DemoOrganisation owner = pick(random, INSTRUMENT_OWNERS);
		List<InstrumentType> fitting = FITTING_INSTRUMENTS.get(owner.key());
		// Most instruments serve the owner's own industries; some are general-purpose.
		// Specialist firms and institutes only hold instruments of their trade; the
		// others
		// also hold some general-purpose ones.
		int fittingShare = SPECIALISMS.containsKey(owner.key()) ? 100 : 80;
		InstrumentType type = (!fitting.isEmpty() && random.nextInt(100) < fittingShare) ? pick(random, fitting)
				: pick(random, INSTRUMENT_TYPES);
		Model model = pick(random, type.models());
		String modelName = model.model().equals("*") ? customModel(random, type.abbr()) : model.model();
		Term lab = pick(random, LABS);
		String titleZh = switch (random.nextInt(3)) {
			case 0 -> type.zh() + "（" + modelName + "）";
			case 1 -> lab.zh() + type.zh();
			default -> type.zh() + " " + model.manufacturer() + " " + modelName;
		};
		String makerEn = model.manufacturer().equals("国产定制") ? "custom-built" : model.manufacturer();
		String titleEn = (random.nextInt(10) == 0) ? null
				: capitalise(type.en()) + " (" + type.abbr() + ", " + makerEn + " " + modelName + ")";

		Set<ServiceMode> modes = switch (random.nextInt(10)) {
			case 0, 1 -> EnumSet.of(ServiceMode.MACHINE_TIME);
			case 2, 3, 4 -> EnumSet.of(ServiceMode.SAMPLE_SUBMISSION);
			default -> EnumSet.of(ServiceMode.MACHINE_TIME, ServiceMode.SAMPLE_SUBMISSION);
		};
		boolean perHour = !modes.contains(ServiceMode.SAMPLE_SUBMISSION)
				|| (modes.contains(ServiceMode.MACHINE_TIME) && random.nextBoolean());
		long baseYuan = perHour ? type.hourYuan() : type.sampleYuan();
		// Prices are quoted in whole ten-yuan steps, as price lists are.
		long externalFen = Math.max(10, Math.round(baseYuan * (0.8 + random.nextDouble() * 0.7) / 10.0) * 10) * 100;
		PriceUnit unit = perHour ? PriceUnit.PER_HOUR : PriceUnit.PER_SAMPLE;
		Price external = new Price(externalFen, unit);
		Price internal = (random.nextInt(5) == 0) ? null
				: new Price(Math.round(externalFen * (0.4 + random.nextDouble() * 0.3) / 1000.0) * 1000, unit);
		long purchaseWan = type.minWan() + random.nextInt(type.maxWan() - type.minWan() + 1);
		long purchaseFen = (purchaseWan * 10_000L + random.nextInt(100) * 100L) * 100L;
		int status = random.nextInt(100);
		OperatingStatus operatingStatus = (status < 92) ? OperatingStatus.IN_SERVICE
				: (status < 98) ? OperatingStatus.UNDER_MAINTENANCE : OperatingStatus.RETIRED;
		boolean machineTime = modes.contains(ServiceMode.MACHINE_TIME);
		InstrumentDetails details = new InstrumentDetails(modelName, model.manufacturer(), model.country(),
				type.category(), type.functions(), type.specs(), owner.shortZh() + lab.zh(),
				address(random, owner) + lab.zh(), purchaseFen, modes, internal, external,
				machineTime && random.nextInt(10) < 8, random.nextInt(10) < 6, operatingStatus);

		String modesZh = (modes.size() == 2) ? "机时预约和送样测试" : machineTime ? "机时预约" : "送样测试";
		String modesEn = (modes.size() == 2) ? "machine time and sample submission"
				: machineTime ? "machine time" : "sample submission";
		String summaryZh = owner.shortZh() + lab.zh() + "的" + type.zh() + "（" + model.manufacturer() + " " + modelName
				+ "）。" + type.functions() + "面向长株潭地区高校、科研院所和企业开放共享，提供" + modesZh + "服务"
				+ (details.trainingRequired() ? "，自主上机须先参加培训并通过考核。" : "。");
		String summaryEn = (titleEn == null) ? null
				: "The " + type.en() + " (" + makerEn + " " + modelName + ") of the " + lab.en() + ", "
						+ owner.shortEn() + ", is open to universities, institutes and firms across Changsha, "
						+ "Zhuzhou and Xiangtan for " + modesEn + ".";
		List<IndustryChain> chains = chains(random, owner, type.chains());
		List<String> tags = tags(type.tags(), chains, random.nextBoolean() ? type.abbr() : null);
		EntryContent content = new EntryContent(titleZh, titleEn, summaryZh, summaryEn, owner.cities().get(0),
				owner.district(), chains, tags, location(random, owner), contact(random, owner), details, null, null,
				null, null, null, null);
		return new DemoEntry(ResourceKind.INSTRUMENT, owner.key(), content);
	}

	private static String customModel(SplittableRandom random, String abbr) {
		return abbr.replaceAll("[^A-Za-z]", "").toUpperCase() + "-" + (2012 + random.nextInt(13)) + "-"
				+ (1 + random.nextInt(9));
	}

	// ---------------------------------------------------------------- services

	private static DemoEntry service(SplittableRandom random) {
		DemoOrganisation owner = pick(random, SERVICE_OWNERS);
		List<ServiceTopic> fitting = FITTING_SERVICES.get(owner.key());
		ServiceTopic topic = (!fitting.isEmpty() && random.nextInt(100) < 80) ? pick(random, fitting)
				: pick(random, UNIVERSITY.equals(owner.typeName()) ? NON_CERTIFICATION_TOPICS : SERVICE_TOPICS);
		List<Accreditation> accreditations = new ArrayList<>();
		if (topic.type() == ServiceType.TESTING || topic.type() == ServiceType.ANALYSIS) {
			// Test reports that carry legal weight need CMA; most labs also hold CNAS.
			if (random.nextInt(10) < 9) {
				accreditations.add(new Accreditation(Scheme.CMA, cmaNumber(random)));
			}
			if (random.nextInt(10) < 7) {
				accreditations.add(new Accreditation(Scheme.CNAS, "CNAS L" + (1000 + random.nextInt(19000))));
			}
		}
		else if (topic.type() == ServiceType.CERTIFICATION) {
			accreditations.add(new Accreditation(Scheme.CNAS,
					"CNAS C" + String.format("%03d", 1 + random.nextInt(300)) + "-" + pick(random, List.of("M", "P"))));
		}
		else if (random.nextInt(3) == 0) {
			accreditations.add(new Accreditation(Scheme.OTHER, "ISO 9001:2015 " + (10000 + random.nextInt(90000)) + "Q"
					+ (10000 + random.nextInt(90000)) + "R" + (random.nextInt(3))));
		}
		long priceYuan = topic.minYuan() + random.nextLong(topic.maxYuan() - topic.minYuan() + 1);
		long priceFen = Math.max(1, priceYuan / 10) * 1000;
		Price price = (random.nextInt(8) == 0) ? null : new Price(priceFen, topic.unit());
		int days = topic.minDays() + random.nextInt(topic.maxDays() - topic.minDays() + 1);
		ServiceDetails details = new ServiceDetails(topic.type(), topic.scope(), accreditations, days, price);
		String accreditationZh = accreditations.isEmpty() ? ""
				: "具备" + accreditations.stream()
					.map((a) -> (a.scheme() == Scheme.OTHER) ? "ISO 9001" : a.scheme().name())
					.collect(Collectors.joining("、")) + "资质，";
		String summaryZh = owner.shortZh() + "提供" + topic.zh() + "服务。" + topic.scope() + accreditationZh + "常规周期约 "
				+ days + " 个工作日" + ((topic.type() == ServiceType.TESTING || topic.type() == ServiceType.ANALYSIS)
						? "，出具带资质标识的正式报告。" : "，可按项目约定交付。");
		String summaryEn = topic.en() + " by " + owner.shortEn() + "; usual turnaround about " + days + " working days"
				+ (accreditations.isEmpty() ? "."
						: ", accredited (" + accreditations.stream()
							.map((a) -> (a.scheme() == Scheme.OTHER) ? "ISO 9001" : a.scheme().name())
							.collect(Collectors.joining(", ")) + ").");
		List<IndustryChain> chains = chains(random, owner, topic.chains());
		EntryContent content = new EntryContent(topic.zh() + "｜" + owner.shortZh(),
				(random.nextInt(10) == 0) ? null : topic.en() + " | " + owner.shortEn(), summaryZh,
				(random.nextInt(10) == 0) ? null : summaryEn, owner.cities().get(0), owner.district(), chains,
				tags(topic.tags(), chains, null), location(random, owner), contact(random, owner), null, details, null,
				null, null, null, null);
		return new DemoEntry(ResourceKind.SERVICE, owner.key(), content);
	}

	private static String cmaNumber(SplittableRandom random) {
		// CMA certificate numbers: two-digit year, 18 for Hunan, then eight digits.
		return (15 + random.nextInt(10)) + "18" + String.format("%08d", random.nextInt(100_000_000));
	}

	// ---------------------------------------------------------------- literature

	private static DemoEntry literature(SplittableRandom random) {
		DemoOrganisation owner = pick(random, LITERATURE_OWNERS);
		ChainVocabulary vocabulary = vocabularyFor(random, owner);
		Term object = pick(random, vocabulary.objects());
		Term task = pick(random, vocabulary.tasks());
		Term method = pick(random, methodsFor(vocabulary.chain()));
		// Most of a catalogue is recent; and deep learning or digital twins were not
		// written
		// about in 1995.
		int year = (random.nextInt(10) < 8) ? 2012 + random.nextInt(14) : 1995 + random.nextInt(17);
		if (RECENT_METHODS.contains(method.en())) {
			year = Math.max(year, 2016 + random.nextInt(10));
		}
		int sourceRoll = random.nextInt(100);
		Source source = (sourceRoll < 65) ? Source.JOURNAL : (sourceRoll < 80) ? Source.CONFERENCE
				: (sourceRoll < 88) ? Source.STANDARD : (sourceRoll < 94) ? Source.REPORT : Source.THESIS;
		boolean english = source != Source.STANDARD && random.nextInt(10) < 3;
		String titleZh;
		String titleEn;
		switch (source) {
			case STANDARD -> {
				titleZh = object.zh() + task.zh() + "技术规范";
				titleEn = "Technical specification for " + task.en() + " of " + object.en();
			}
			case REPORT -> {
				titleZh = object.zh() + task.zh() + "研究报告";
				titleEn = "Research report on " + task.en() + " of " + object.en();
			}
			default -> {
				switch (random.nextInt(4)) {
					case 0 -> {
						titleZh = object.zh() + task.zh() + "研究";
						titleEn = "Study on " + task.en() + " of " + object.en();
					}
					case 1 -> {
						titleZh = object.zh() + task.zh() + "研究进展";
						titleEn = capitalise(task.en()) + " of " + object.en() + ": a review";
					}
					default -> {
						titleZh = "基于" + method.zh() + "的" + object.zh() + task.zh();
						titleEn = capitalise(task.en()) + " of " + object.en() + " based on " + method.en();
					}
				}
			}
		}
		List<Name> authors = new ArrayList<>();
		int authorCount = (source == Source.THESIS) ? 1 : 1 + random.nextInt(6);
		for (int i = 0; i < authorCount; i++) {
			authors.add(name(random));
		}
		String venue = switch (source) {
			case JOURNAL -> english ? pick(random, vocabulary.enJournals()) : pick(random, vocabulary.zhJournals());
			case CONFERENCE -> english ? pick(random, EN_CONFERENCES) : pick(random, ZH_CONFERENCES);
			case STANDARD -> "T/HNKJ " + String.format("%03d", 1 + random.nextInt(200)) + "—" + year;
			case REPORT -> owner.shortZh() + "技术报告";
			case THESIS -> owner.shortZh() + (random.nextBoolean() ? "博士学位论文" : "硕士学位论文");
		};
		String doi = null;
		if ((source == Source.JOURNAL || source == Source.CONFERENCE) && random.nextInt(10) < 8) {
			doi = "10." + (1000 + random.nextInt(99000)) + "/" + abbreviation(vocabulary.chain()) + "." + year + "."
					+ String.format("%04d", random.nextInt(10000));
		}
		int accessRoll = random.nextInt(100);
		Access access = (accessRoll < 40) ? Access.OPEN : (accessRoll < 75) ? Access.ON_REQUEST : Access.LICENSED;
		String link = (doi != null) ? "https://doi.org/" + doi : null;
		List<String> keywords = new ArrayList<>(
				english ? List.of(object.en(), task.en(), method.en()) : List.of(object.zh(), task.zh(), method.zh()));
		keywords.add(english ? vocabulary.en() : vocabulary.zh());
		keywords.removeIf((keyword) -> keyword.length() > 50);
		LiteratureDetails details = new LiteratureDetails(authors.stream().map(english ? Name::en : Name::zh).toList(),
				keywords, year, source, doi, english ? "en" : "zh", access, link);
		String summaryZh = "针对" + object.zh() + task.zh() + "问题，本文采用" + method.zh() + "方法开展研究，结合" + owner.shortZh()
				+ "的试验平台进行验证，结果表明所提方法具有较好的工程适用性，可为长株潭地区" + vocabulary.zh() + "产业提供参考。（" + venue + "，" + year + "）";
		String summaryEn = "This work addresses " + task.en() + " of " + object.en() + " using " + method.en()
				+ ", validated on test facilities of " + owner.shortEn() + "; the results suggest the approach is "
				+ "practical for the " + vocabulary.en() + " industry.";
		List<IndustryChain> chains = List.of(vocabulary.chain());
		List<String> tags = tags(List.of(object.zh(), task.zh()), chains, null);
		EntryContent content = new EntryContent(titleZh, (english || random.nextInt(10) < 8) ? titleEn : null,
				summaryZh, (english || random.nextBoolean()) ? summaryEn : null, owner.cities().get(0),
				owner.district(), chains, tags, location(random, owner), contact(random, owner), null, null, details,
				null, null, null, null);
		return new DemoEntry(ResourceKind.LITERATURE, owner.key(), content);
	}

	private static String abbreviation(IndustryChain chain) {
		StringBuilder abbreviation = new StringBuilder();
		for (String word : chain.name().split("_")) {
			abbreviation.append(Character.toLowerCase(word.charAt(0)));
		}
		return (abbreviation.length() < 2) ? abbreviation + "x" : abbreviation.toString();
	}

	// ---------------------------------------------------------------- tech offerings

	private static DemoEntry techOffering(SplittableRandom random) {
		DemoOrganisation owner = pick(random, OFFERING_OWNERS);
		ChainVocabulary vocabulary = vocabularyFor(random, owner);
		Term object = pick(random, vocabulary.objects());
		Term task = pick(random, vocabulary.tasks());
		Term method = pick(random, methodsFor(vocabulary.chain()));
		int ipRoll = random.nextInt(100);
		IpType ipType = (ipRoll < 55) ? IpType.INVENTION_PATENT
				: (ipRoll < 70) ? IpType.UTILITY_MODEL : (ipRoll < 80) ? IpType.SOFTWARE_COPYRIGHT
						: (ipRoll < 90) ? IpType.KNOW_HOW : (ipRoll < 95) ? IpType.DESIGN_PATENT : IpType.OTHER;
		String titleZh;
		String titleEn;
		List<String> ipNumbers = new ArrayList<>();
		switch (ipType) {
			case INVENTION_PATENT -> {
				if (vocabulary.material() && random.nextBoolean()) {
					titleZh = "一种" + object.zh() + "及其制备方法";
					titleEn = capitalise(object.en()) + " and a preparation method thereof";
				}
				else {
					// "一种…性能方法" is not Chinese: a property is analysed, an action is
					// done.
					boolean property = PROPERTY_ENDINGS.stream().anyMatch(task.zh()::endsWith);
					titleZh = "一种基于" + method.zh() + "的" + object.zh() + task.zh() + (property ? "分析方法" : "方法");
					titleEn = (property ? "Method for analysing " : "Method for ") + task.en() + " of " + object.en()
							+ " based on " + method.en();
				}
				int count = 1 + random.nextInt(3);
				for (int i = 0; i < count; i++) {
					ipNumbers.add(patentNumber(random, 1));
				}
			}
			case UTILITY_MODEL -> {
				titleZh = "一种" + object.zh() + task.zh() + "装置";
				titleEn = "Device for " + task.en() + " of " + object.en();
				ipNumbers.add(patentNumber(random, 2));
			}
			case DESIGN_PATENT -> {
				titleZh = object.zh() + "检测终端（外观设计）";
				titleEn = "Inspection terminal for " + object.en() + " (industrial design)";
				ipNumbers.add(patentNumber(random, 3));
			}
			case SOFTWARE_COPYRIGHT -> {
				titleZh = object.zh() + task.zh() + "软件 V" + (1 + random.nextInt(4)) + ".0";
				titleEn = capitalise(task.en()) + " software for " + object.en();
				ipNumbers.add((2016 + random.nextInt(9)) + "SR" + String.format("%07d", random.nextInt(10_000_000)));
			}
			case KNOW_HOW -> {
				titleZh = object.zh() + task.zh() + "成套工艺技术";
				titleEn = "Process know-how for " + task.en() + " of " + object.en();
			}
			default -> {
				titleZh = object.zh() + task.zh() + "技术成果包";
				titleEn = "Technology package for " + task.en() + " of " + object.en();
			}
		}
		int trl = Math.min(9, Math.max(1, 2 + random.nextInt(4) + random.nextInt(4)));
		Set<DealMode> dealModes = EnumSet.noneOf(DealMode.class);
		int modeCount = 1 + random.nextInt(3);
		for (int i = 0; i < modeCount; i++) {
			dealModes.add(DealMode.values()[random.nextInt(DealMode.values().length)]);
		}
		// A good share of owners leave the price open (面议), which the model says with
		// null.
		Long askingPriceFen = (random.nextInt(10) < 4) ? null : (10L + random.nextInt(1990)) * 10_000L * 100L;
		TechOfferingDetails details = new TechOfferingDetails(ipType, ipNumbers, trl, dealModes, askingPriceFen);
		String dealsZh = dealModes.stream().map(DemoCatalogGenerator::dealZh).collect(Collectors.joining("、"));
		String summaryZh = owner.shortZh() + "的" + object.zh() + task.zh() + "成果，采用" + method.zh() + "，已完成"
				+ ((trl <= 3) ? "原理验证" : (trl <= 6) ? "样机或中试验证" : "工程化应用") + "（技术成熟度 TRL " + trl + "）。可采用" + dealsZh
				+ "等方式合作，" + ((askingPriceFen == null) ? "价格面议。" : "意向价格 " + (askingPriceFen / 1_000_000L) + " 万元。");
		String summaryEn = "A result of " + owner.shortEn() + " on " + task.en() + " of " + object.en() + " using "
				+ method.en() + " (TRL " + trl + "), offered by "
				+ dealModes.stream()
					.map((mode) -> mode.name().toLowerCase().replace('_', ' '))
					.collect(Collectors.joining(", "))
				+ ".";
		List<IndustryChain> chains = List.of(vocabulary.chain());
		EntryContent content = new EntryContent(titleZh, (random.nextInt(10) < 8) ? titleEn : null, summaryZh,
				(random.nextInt(10) < 7) ? summaryEn : null, owner.cities().get(0), owner.district(), chains,
				tags(List.of(object.zh(), task.zh(), "成果转化"), chains, null), location(random, owner),
				contact(random, owner), null, null, null, details, null, null, null);
		return new DemoEntry(ResourceKind.TECH_OFFERING, owner.key(), content);
	}

	private static final List<String> PROPERTY_ENDINGS = List.of("性能", "特性", "行为", "机理", "稳定性", "安全性");

	private static String dealZh(DealMode mode) {
		return switch (mode) {
			case TRANSFER -> "转让";
			case LICENCE -> "许可";
			case EQUITY_CONTRIBUTION -> "作价入股";
			case JOINT_DEVELOPMENT -> "合作开发";
			case SERVICE -> "技术服务";
		};
	}

	/**
	 * A Chinese patent number such as ZL202110123456.7, with the check digit computed the
	 * way CNIPA does, so that validators that check it accept the demo data.
	 */
	static String patentNumber(SplittableRandom random, int typeDigit) {
		String digits = (2012 + random.nextInt(13)) + String.valueOf(typeDigit)
				+ String.format("%07d", random.nextInt(10_000_000));
		int[] weights = { 2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5 };
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			sum += (digits.charAt(i) - '0') * weights[i];
		}
		int check = sum % 11;
		return "ZL" + digits + "." + ((check == 10) ? "X" : String.valueOf(check));
	}

	// ---------------------------------------------------------------- financing

	private static DemoEntry financing(SplittableRandom random) {
		FinancingProduct product = pick(random, FINANCING_PRODUCTS);
		DemoOrganisation owner = organisation(pick(random, product.publishers()));
		List<IndustryChain> focus = focusOf(owner);
		IndustryChain chain = pick(random, focus);
		String chainZh = CHAIN_NAMES.get(chain).zh();
		String chainEn = CHAIN_NAMES.get(chain).en();
		Long min = null;
		Long max = null;
		if (product.maxWan() > 0) {
			long low = product.minWan() + random.nextLong((product.maxWan() - product.minWan()) / 2 + 1);
			long high = low + random.nextLong(product.maxWan() - low + 1);
			min = roundWan(low) * 1_000_000L;
			max = roundWan(high) * 1_000_000L;
		}
		String region = (owner.cities().size() == 3) ? "长沙、株洲、湘潭（长株潭全域）"
				: owner.cities().stream().map(DemoCatalogGenerator::cityZh).collect(Collectors.joining("、"));
		String rate = String.format(Locale.ROOT, "%.2f", 3.0 + random.nextInt(120) / 100.0);
		String terms = product.terms()
			.replace("{min}", (min == null) ? "" : String.valueOf(min / 1_000_000L))
			.replace("{max}", (max == null) ? "" : String.valueOf(max / 1_000_000L))
			.replace("{rate}", rate);
		// The criteria follow from what the entry already says, drawing nothing, so that
		// every other field is what it was before financing had criteria.
		Set<City> cities = servedCities(product, owner);
		Set<Qualification> qualifications = requiredQualifications(product, max);
		String requirements = qualifications.isEmpty() ? product.requirements() : product.requirements() + "申请企业须具备"
				+ qualifications.stream().map(QUALIFICATION_NAMES::get).collect(Collectors.joining("、")) + "资质。";
		FinancingDetails details = new FinancingDetails(product.kind(), owner.shortZh(), product.stages(), min, max,
				region, terms, requirements, cities, qualifications.isEmpty() ? null : qualifications);
		String titleZh = product.zh().replace("{chain}", chainZh) + "｜" + owner.shortZh();
		String titleEn = product.en().replace("{chain}", chainEn) + " | " + owner.shortEn();
		String summaryZh = owner.shortZh() + "面向" + region + chainZh + "领域企业推出的"
				+ product.zh().replace("{chain}", chainZh) + "。" + terms + "。欢迎符合条件的企业在平台提交对接意向。";
		String summaryEn = product.en().replace("{chain}", chainEn) + " from " + owner.shortEn() + " for " + chainEn
				+ " firms in the CZT region.";
		List<IndustryChain> chains = chains(random, owner, List.of(chain));
		List<String> tags = tags(List.of(product.tag(), "投融资"), chains, null);
		EntryContent content = new EntryContent(titleZh, (random.nextInt(10) < 9) ? titleEn : null, summaryZh,
				(random.nextInt(10) < 8) ? summaryEn : null, owner.cities().get(0), owner.district(), chains, tags,
				location(random, owner), contact(random, owner), null, null, null, null, details, null, null);
		return new DemoEntry(ResourceKind.FINANCING, owner.key(), content);
	}

	/**
	 * The cities a product serves: those of a publisher working in one city (or two, an
	 * enclave park), as its region says; none (all three) for the region-wide
	 * institutions, and for innovation vouchers, which are valid across the three cities.
	 */
	private static Set<City> servedCities(FinancingProduct product, DemoOrganisation owner) {
		if (owner.cities().size() == City.values().length || product.tag().equals("科技创新券")) {
			return null;
		}
		return EnumSet.copyOf(owner.cities());
	}

	/**
	 * What most products leave open, some require: sci-tech loans a high-tech enterprise
	 * certificate for the larger lines, a tech SME registration for the others; the
	 * larger R&D subsidies specialised SMEs, the larger first-of-its-kind compensations
	 * "little giants".
	 */
	private static Set<Qualification> requiredQualifications(FinancingProduct product, Long maxFen) {
		long maxWan = (maxFen != null) ? maxFen / 1_000_000L : 0;
		return switch (product.tag()) {
			case "科技贷" -> EnumSet.of((maxWan > 1000) ? Qualification.HIGH_TECH_ENTERPRISE : Qualification.TECH_SME);
			case "研发奖补" -> (maxWan >= 300) ? EnumSet.of(Qualification.SPECIALISED_SME) : Set.of();
			case "首台套" -> (maxWan >= 500) ? EnumSet.of(Qualification.LITTLE_GIANT) : Set.of();
			default -> Set.of();
		};
	}

	// ---------------------------------------------------------------- technology needs

	/**
	 * A firm's technology need in its own industry chain: what it wants solved (an object
	 * and a task of the chain's vocabulary), how (the need type, with the deals and the
	 * readiness that fit it), for how much and by when.
	 */
	private static DemoEntry techNeed(SplittableRandom random) {
		DemoOrganisation owner = pick(random, NEED_OWNERS);
		List<IndustryChain> own = focusOf(owner).stream().filter(VOCABULARIES::containsKey).toList();
		ChainVocabulary vocabulary = VOCABULARIES.get(pick(random, own));
		Term object = pick(random, vocabulary.objects());
		Term task = pick(random, vocabulary.tasks());
		Term method = pick(random, methodsFor(vocabulary.chain()));
		NeedShape shape = pick(random, NEED_SHAPES);
		String subjectZh = object.zh() + task.zh();
		String subjectEn = task.en() + " of " + object.en();
		String titleZh = shape.titleZh().replace("{subject}", subjectZh);
		String titleEn = shape.titleEn().replace("{subject}", subjectEn);

		Set<DealMode> dealModes = EnumSet.of(shape.dealModes().get(0));
		for (DealMode mode : shape.dealModes().subList(1, shape.dealModes().size())) {
			if (random.nextBoolean()) {
				dealModes.add(mode);
			}
		}
		Integer minTrl = (shape.minTrl() == 0 || random.nextInt(10) < 3) ? null : shape.minTrl() + random.nextInt(3);
		Long budgetMin = null;
		Long budgetMax = null;
		int budgetRoll = random.nextInt(10);
		if (budgetRoll < 8) {
			long high = shape.minWan() + random.nextLong(shape.maxWan() - shape.minWan() + 1);
			budgetMax = roundWan(high) * 1_000_000L;
			if (budgetRoll < 5) {
				budgetMin = roundWan(Math.max(1, high / (2 + random.nextInt(3)))) * 1_000_000L;
			}
		}
		LocalDate deadline = (random.nextInt(10) < 6)
				? LocalDate.of(2027 + random.nextInt(2), 3 * (1 + random.nextInt(4)), 1).plusMonths(1).minusDays(1)
				: null;
		TechNeedDetails details = new TechNeedDetails(shape.needType(), budgetMin, budgetMax, deadline, dealModes,
				minTrl);

		String budgetZh = (budgetMax == null) ? "预算面议" : (budgetMin == null) ? "预算不超过 " + budgetMax / 1_000_000L + " 万元"
				: "预算 " + budgetMin / 1_000_000L + "–" + budgetMax / 1_000_000L + " 万元";
		String summaryZh = owner.shortZh() + "在" + subjectZh + "方面" + pick(random, NEED_PROBLEMS) + "。" + shape.askZh()
				+ ((random.nextInt(10) < 6) ? "可采用" + method.zh() + "等技术路线，" : "") + "目标指标较现有水平提升 "
				+ (10 + 5 * random.nextInt(7)) + "% 以上。" + ((minTrl != null) ? "要求技术成熟度不低于 TRL " + minTrl + "。" : "")
				+ budgetZh + "，" + ((deadline != null) ? "征集截止 " + deadline.getYear() + " 年 " + deadline.getMonthValue()
						+ " 月 " + deadline.getDayOfMonth() + " 日。" : "长期有效。")
				+ "欢迎高校、科研院所和科技企业在平台提交对接意向。";
		String summaryEn = owner.shortEn() + " " + shape.askEn() + " " + subjectEn + " ("
				+ CHAIN_NAMES.get(vocabulary.chain()).en() + ")"
				+ ((minTrl != null) ? ", at technology readiness level " + minTrl + " or higher" : "") + "; "
				+ ((budgetMax == null) ? "budget negotiable"
						: String.format(Locale.ROOT, "budget up to CNY %,d", budgetMax / 100L))
				+ ((deadline != null) ? ", proposals by " + deadline : "") + ".";
		List<IndustryChain> chains = List.of(vocabulary.chain());
		EntryContent content = new EntryContent(titleZh, (random.nextInt(10) < 8) ? capitalise(titleEn) : null,
				summaryZh, (random.nextInt(10) < 7) ? summaryEn : null, owner.cities().get(0), owner.district(), chains,
				tags(List.of(object.zh(), task.zh(), "技术需求"), chains, null), location(random, owner),
				contact(random, owner), null, null, null, null, null, details, null);
		return new DemoEntry(ResourceKind.TECH_NEED, owner.key(), content);
	}

	private static long roundWan(long wan) {
		// Tickets are quoted in round amounts: whole 万 below a million yuan, tens of 万
		// above.
		return (wan < 100) ? Math.max(1, wan) : (wan / 10) * 10;
	}

	private static String cityZh(City city) {
		return switch (city) {
			case CHANGSHA -> "长沙";
			case ZHUZHOU -> "株洲";
			case XIANGTAN -> "湘潭";
		};
	}

	// ---------------------------------------------------------------- shared parts

	private static ChainVocabulary vocabularyFor(SplittableRandom random, DemoOrganisation owner) {
		List<IndustryChain> focus = focusOf(owner);
		List<IndustryChain> known = focus.stream().filter(VOCABULARIES::containsKey).toList();
		IndustryChain chain = (!known.isEmpty() && random.nextInt(100) < 85) ? pick(random, known)
				: pick(random, VOCABULARY_CHAINS);
		return VOCABULARIES.get(chain);
	}

	private static List<IndustryChain> chains(SplittableRandom random, DemoOrganisation owner,
			List<IndustryChain> suggested) {
		List<IndustryChain> focus = focusOf(owner);
		Set<IndustryChain> chains = new LinkedHashSet<>();
		List<IndustryChain> fitting = suggested.stream().filter(focus::contains).toList();
		chains.add(fitting.isEmpty() ? pick(random, focus) : pick(random, fitting));
		if (!suggested.isEmpty() && random.nextInt(10) < 5) {
			chains.add(pick(random, suggested));
		}
		if (random.nextInt(10) < 3) {
			chains.add(pick(random, focus));
		}
		return List.copyOf(chains);
	}

	private static List<String> tags(List<String> base, List<IndustryChain> chains, String extra) {
		Set<String> tags = new LinkedHashSet<>(base);
		if (extra != null) {
			tags.add(extra);
		}
		for (IndustryChain chain : chains) {
			tags.add(CHAIN_NAMES.get(chain).zh());
		}
		return tags.stream().filter((tag) -> tag.length() <= 30).limit(20).toList();
	}

	private static Location location(SplittableRandom random, DemoOrganisation owner) {
		District district = DISTRICTS.get(owner.district());
		// About ±2 km around the district centre keeps points inside the district.
		double lat = district.lat() + (random.nextDouble() - 0.5) * 0.04;
		double lon = district.lon() + (random.nextDouble() - 0.5) * 0.04;
		return new Location(Math.round(lat * 1_000_000) / 1_000_000.0, Math.round(lon * 1_000_000) / 1_000_000.0);
	}

	private static String address(SplittableRandom random, DemoOrganisation owner) {
		City city = owner.cities().get(0);
		String street = pick(random, STREETS.get(city));
		return "湖南省" + cityZh(city) + "市" + owner.district().replace("湘潭县", "湘潭县易俗河镇") + street
				+ (1 + random.nextInt(999)) + "号";
	}

	private static Contact contact(SplittableRandom random, DemoOrganisation owner) {
		Name name = name(random);
		// The whole CZT area shares the 0731 area code; numbers have eight digits.
		String phone = "0731-" + (8 + random.nextInt(2)) + String.format("%07d", random.nextInt(10_000_000));
		String email = name.en().toLowerCase().replace(" ", ".") + "@" + owner.key() + ".demo.example.cn";
		return new Contact(name.zh() + ((random.nextBoolean()) ? "老师" : ""), phone, email);
	}

	private static Name name(SplittableRandom random) {
		Term surname = pick(random, SURNAMES);
		Term first = pick(random, GIVEN);
		if (random.nextInt(10) < 6) {
			Term second = pick(random, GIVEN);
			return new Name(surname.zh() + first.zh() + second.zh(),
					surname.en() + " " + first.en() + second.en().toLowerCase());
		}
		return new Name(surname.zh() + first.zh(), surname.en() + " " + first.en());
	}

	private static String capitalise(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static <T> T pick(SplittableRandom random, List<T> items) {
		return items.get(random.nextInt(items.size()));
	}

	private static List<IndustryChain> focusOf(DemoOrganisation organisation) {
		return FOCUS_BY_ORGANISATION.get(organisation.key());
	}

	private static DemoOrganisation organisation(String key) {
		DemoOrganisation organisation = ORGANISATIONS_BY_KEY.get(key);
		if (organisation == null) {
			throw new IllegalStateException("No demo organisation " + key);
		}
		return organisation;
	}

	private static List<IndustryChain> cityFocus(City city) {
		return switch (city) {
			case CHANGSHA -> List.of(IndustryChain.ENGINEERING_MACHINERY, IndustryChain.ENERGY_STORAGE_MATERIALS,
					IndustryChain.BIOMEDICINE, IndustryChain.AUTOMOTIVE);
			case ZHUZHOU -> List.of(IndustryChain.RAIL_TRANSIT, IndustryChain.AEROSPACE, IndustryChain.NEW_MATERIALS);
			case XIANGTAN -> List.of(IndustryChain.ELECTRIC_DRIVE_AND_WIND_POWER, IndustryChain.MINING_EQUIPMENT,
					IndustryChain.FOOD_AND_AGRICULTURE);
		};
	}

	private static List<IndustryChain> parseChains(String names) {
		return Arrays.stream(names.split(",")).map(String::trim).map(IndustryChain::valueOf).toList();
	}

	private static List<String> parseTags(String tags) {
		return Arrays.stream(tags.split(",")).map(String::trim).toList();
	}

	// ---------------------------------------------------------------- vocabulary types

	private record Term(String zh, String en) {
	}

	private record Name(String zh, String en) {
	}

	private record District(City city, String name, double lat, double lon) {
	}

	private record Model(String manufacturer, String model, String country) {
	}

	private record InstrumentType(String zh, String en, String abbr, Category category, List<Model> models,
			String functions, String specs, long hourYuan, long sampleYuan, int minWan, int maxWan,
			List<IndustryChain> chains, List<String> tags) {
	}

	private record ServiceTopic(ServiceType type, String zh, String en, String scope, long minYuan, long maxYuan,
			PriceUnit unit, int minDays, int maxDays, List<IndustryChain> chains, List<String> tags) {
	}

	private record ChainVocabulary(IndustryChain chain, String zh, String en, boolean material, List<Term> objects,
			List<Term> tasks, List<String> zhJournals, List<String> enJournals) {
	}

	private record FinancingProduct(FinancingKind kind, String zh, String en, String tag, Set<Stage> stages,
			long minWan, long maxWan, String terms, String requirements, List<String> publishers) {
	}

	/**
	 * One way of asking: the need type, its title and request in both languages, the
	 * deals that fit it (the first always offered, the others sometimes), the least
	 * readiness usually asked (0: none) and the usual budget range in 万元.
	 */
	private record NeedShape(TechNeedDetails.NeedType needType, String titleZh, String titleEn, String askZh,
			String askEn, List<DealMode> dealModes, int minTrl, long minWan, long maxWan) {
	}

	// ---------------------------------------------------------------- data

	private static final List<District> DISTRICT_LIST = List.of(new District(City.CHANGSHA, "岳麓区", 28.17, 112.93),
			new District(City.CHANGSHA, "芙蓉区", 28.19, 113.03), new District(City.CHANGSHA, "天心区", 28.12, 112.99),
			new District(City.CHANGSHA, "开福区", 28.24, 112.99), new District(City.CHANGSHA, "雨花区", 28.14, 113.04),
			new District(City.CHANGSHA, "望城区", 28.35, 112.83), new District(City.CHANGSHA, "长沙县", 28.25, 113.08),
			new District(City.CHANGSHA, "浏阳市", 28.16, 113.63), new District(City.ZHUZHOU, "天元区", 27.83, 113.08),
			new District(City.ZHUZHOU, "芦淞区", 27.79, 113.15), new District(City.ZHUZHOU, "石峰区", 27.88, 113.12),
			new District(City.ZHUZHOU, "荷塘区", 27.86, 113.17), new District(City.XIANGTAN, "岳塘区", 27.86, 112.95),
			new District(City.XIANGTAN, "雨湖区", 27.87, 112.90), new District(City.XIANGTAN, "湘潭县", 27.78, 112.95));

	private static final Map<String, District> DISTRICTS = DISTRICT_LIST.stream()
		.collect(Collectors.toUnmodifiableMap(District::name, Function.identity()));

	private static final Map<City, List<String>> STREETS = Map.of(City.CHANGSHA,
			List.of("麓山南路", "岳麓大道", "桐梓坡路", "麓谷大道", "万家丽路", "星沙大道", "芙蓉中路", "潇湘中路"), City.ZHUZHOU,
			List.of("珠江北路", "长江北路", "田心大道", "炎帝大道", "新华西路", "黄河南路"), City.XIANGTAN,
			List.of("韶山路", "建设北路", "书院路", "吉利路", "宝塔路", "晓塘路"));

	private static final List<DemoOrganisation> ORGANISATIONS = List.of(
			org("lushan-univ", "湖南麓山大学（演示）", "Hunan Lushan University (demo)", "岳麓区", UNIVERSITY, City.CHANGSHA),
			org("xiangjiang-polytechnic", "湘江理工大学（演示）", "Xiangjiang Polytechnic University (demo)", "岳麓区", UNIVERSITY,
					City.CHANGSHA),
			org("xiaoxiang-medical", "潇湘医学院（演示）", "Xiaoxiang Medical College (demo)", "开福区", UNIVERSITY, City.CHANGSHA),
			org("xiangjiang-eng-inst", "湘江工程技术研究院（演示）", "Xiangjiang Institute of Engineering Technology (demo)", "岳麓区",
					RESEARCH_INSTITUTE, City.CHANGSHA),
			org("cs-storage-inst", "长沙先进储能材料研究院（演示）", "Changsha Institute of Advanced Energy Storage Materials (demo)",
					"望城区", RESEARCH_INSTITUTE, City.CHANGSHA),
			org("lugu-biomed-inst", "麓谷生物医药研究院（演示）", "Lugu Institute of Biomedicine (demo)", "岳麓区", RESEARCH_INSTITUTE,
					City.CHANGSHA),
			org("xingcheng-quality-inst", "星城质量检测研究院（演示）", "Xingcheng Institute of Quality Inspection (demo)", "雨花区",
					RESEARCH_INSTITUTE, City.CHANGSHA),
			org("yuelu-science-park", "岳麓山大学科技城创新园（演示）", "Yuelushan University Science City Innovation Park (demo)",
					"岳麓区", PARK, City.CHANGSHA),
			org("xingsha-mfg-park", "星沙智能制造产业园（演示）", "Xingsha Intelligent Manufacturing Park (demo)", "长沙县", PARK,
					City.CHANGSHA),
			org("luling-heavy", "麓岭重工智能装备有限公司（演示）", "Luling Heavy Industry Intelligent Equipment Co., Ltd. (demo)",
					"长沙县", FIRM, City.CHANGSHA),
			org("xingyuan-materials", "星源新能源材料股份有限公司（演示）", "Xingyuan New Energy Materials Co., Ltd. (demo)", "望城区",
					FIRM, City.CHANGSHA),
			org("xiangchi-auto", "湘驰汽车零部件有限公司（演示）", "Xiangchi Auto Parts Co., Ltd. (demo)", "长沙县", FIRM, City.CHANGSHA),
			org("furong-biopharma", "芙蓉生物制药有限公司（演示）", "Furong Biopharmaceutical Co., Ltd. (demo)", "浏阳市", FIRM,
					City.CHANGSHA),
			org("xiangjiang-vc", "湘江科创投资管理有限公司（演示）", "Xiangjiang Sci-Tech Venture Capital Management Co., Ltd. (demo)",
					"岳麓区", INVESTOR, City.CHANGSHA),
			org("czt-tech-bank", "长株潭科技银行麓谷支行（演示）", "CZT Science and Technology Bank, Lugu Sub-branch (demo)", "岳麓区",
					INVESTOR, City.CHANGSHA, City.ZHUZHOU, City.XIANGTAN),
			org("hunan-sci-guarantee", "湖南科创融资担保有限公司（演示）", "Hunan Sci-Tech Financing Guarantee Co., Ltd. (demo)", "天心区",
					INVESTOR, City.CHANGSHA, City.ZHUZHOU, City.XIANGTAN),
			org("czt-angels", "长株潭天使投资联盟（演示）", "CZT Angel Investors Alliance (demo)", "芙蓉区", INVESTOR, City.CHANGSHA,
					City.ZHUZHOU, City.XIANGTAN),
			org("czt-capital-market", "长株潭资本市场服务基地（演示）", "CZT Capital Markets Service Base (demo)", "天心区", INVESTOR,
					City.CHANGSHA, City.ZHUZHOU, City.XIANGTAN),
			org("czt-guidance-fund", "长株潭科技成果转化引导基金（演示）", "CZT Technology Transfer Guidance Fund (demo)", "岳麓区",
					INVESTOR, City.CHANGSHA, City.ZHUZHOU, City.XIANGTAN),
			org("yandi-tech", "株洲炎帝理工学院（演示）", "Zhuzhou Yandi Institute of Technology (demo)", "天元区", UNIVERSITY,
					City.ZHUZHOU),
			org("zz-rail-inst", "株洲轨道交通装备研究院（演示）", "Zhuzhou Rail Transit Equipment Research Institute (demo)", "石峰区",
					RESEARCH_INSTITUTE, City.ZHUZHOU),
			org("lusong-aviation-inst", "芦淞通用航空技术研究院（演示）", "Lusong General Aviation Technology Institute (demo)", "芦淞区",
					RESEARCH_INSTITUTE, City.ZHUZHOU),
			org("hetang-hard-materials", "荷塘精密硬质材料有限公司（演示）", "Hetang Precision Hard Materials Co., Ltd. (demo)", "荷塘区",
					FIRM, City.ZHUZHOU),
			org("tianxin-traction", "田心牵引电气有限公司（演示）", "Tianxin Traction Electric Co., Ltd. (demo)", "石峰区", FIRM,
					City.ZHUZHOU),
			org("tianyuan-hitech-park", "株洲天元高新创新园（演示）", "Zhuzhou Tianyuan Hi-Tech Innovation Park (demo)", "天元区", PARK,
					City.ZHUZHOU),
			org("zz-rail-fund", "株洲轨道交通产业投资基金管理有限公司（演示）",
					"Zhuzhou Rail Transit Industry Fund Management Co., Ltd. (demo)", "天元区", INVESTOR, City.ZHUZHOU),
			org("liancheng-univ", "湘潭莲城大学（演示）", "Xiangtan Liancheng University (demo)", "雨湖区", UNIVERSITY,
					City.XIANGTAN),
			org("xt-drive-inst", "湘潭电驱与风电装备研究院（演示）",
					"Xiangtan Institute of Electric Drive and Wind Power Equipment (demo)", "岳塘区", RESEARCH_INSTITUTE,
					City.XIANGTAN),
			org("liancheng-mining", "莲城矿山装备股份有限公司（演示）", "Liancheng Mining Equipment Co., Ltd. (demo)", "岳塘区", FIRM,
					City.XIANGTAN),
			org("xianglian-food", "湘莲食品科技有限公司（演示）", "Xianglian Food Technology Co., Ltd. (demo)", "湘潭县", FIRM,
					City.XIANGTAN),
			org("jiuhua-wind", "九华风电科技有限公司（演示）", "Jiuhua Wind Power Technology Co., Ltd. (demo)", "岳塘区", FIRM,
					City.XIANGTAN),
			org("shaofeng-hitech-park", "韶峰高新创新园（演示）", "Shaofeng Hi-Tech Innovation Park (demo)", "岳塘区", PARK,
					City.XIANGTAN),
			// The enclave (飞地) park stands in Xiangtan but is co-built and co-run with
			// Changsha,
			// sharing its tax and output, as the source document recommends.
			org("chang-tan-enclave-park", "长潭飞地产业园（演示）", "Changsha–Xiangtan Enclave Industrial Park (demo)", "湘潭县",
					PARK, City.XIANGTAN, City.CHANGSHA),
			org("liancheng-sci-finance", "莲城科技金融服务中心（演示）", "Liancheng Sci-Tech Finance Service Centre (demo)", "岳塘区",
					INVESTOR, City.XIANGTAN));

	private static final Map<String, DemoOrganisation> ORGANISATIONS_BY_KEY = ORGANISATIONS.stream()
		.collect(Collectors.toUnmodifiableMap(DemoOrganisation::key, Function.identity()));

	// Specialists (a battery-materials firm, a rail institute) work in their own
	// industry,
	// not in every focus industry of their city; the rest serve their cities' focus.
	private static final Map<String, List<IndustryChain>> SPECIALISMS = Map.ofEntries(
			Map.entry("xiaoxiang-medical", List.of(IndustryChain.BIOMEDICINE)),
			Map.entry("cs-storage-inst", List.of(IndustryChain.ENERGY_STORAGE_MATERIALS, IndustryChain.NEW_ENERGY)),
			Map.entry("lugu-biomed-inst", List.of(IndustryChain.BIOMEDICINE)),
			Map.entry("luling-heavy", List.of(IndustryChain.ENGINEERING_MACHINERY)),
			Map.entry("xingyuan-materials", List.of(IndustryChain.ENERGY_STORAGE_MATERIALS)),
			Map.entry("xiangchi-auto", List.of(IndustryChain.AUTOMOTIVE)),
			Map.entry("furong-biopharma", List.of(IndustryChain.BIOMEDICINE)),
			Map.entry("zz-rail-inst", List.of(IndustryChain.RAIL_TRANSIT)),
			Map.entry("lusong-aviation-inst", List.of(IndustryChain.AEROSPACE)),
			Map.entry("hetang-hard-materials", List.of(IndustryChain.NEW_MATERIALS)),
			Map.entry("tianxin-traction",
					List.of(IndustryChain.RAIL_TRANSIT, IndustryChain.ELECTRIC_DRIVE_AND_WIND_POWER)),
			Map.entry("zz-rail-fund", List.of(IndustryChain.RAIL_TRANSIT)),
			Map.entry("xt-drive-inst", List.of(IndustryChain.ELECTRIC_DRIVE_AND_WIND_POWER)),
			Map.entry("liancheng-mining", List.of(IndustryChain.MINING_EQUIPMENT)),
			Map.entry("xianglian-food", List.of(IndustryChain.FOOD_AND_AGRICULTURE)),
			Map.entry("jiuhua-wind", List.of(IndustryChain.ELECTRIC_DRIVE_AND_WIND_POWER)));

	private static final Map<String, List<IndustryChain>> FOCUS_BY_ORGANISATION = ORGANISATIONS.stream()
		.collect(Collectors.toUnmodifiableMap(DemoOrganisation::key, DemoCatalogGenerator::computeFocus));

	private static final List<DemoOrganisation> INSTRUMENT_OWNERS = ownersOf(UNIVERSITY, RESEARCH_INSTITUTE, FIRM,
			PARK);

	private static final List<DemoOrganisation> SERVICE_OWNERS = ownersOf(RESEARCH_INSTITUTE, FIRM, PARK, UNIVERSITY);

	private static final List<DemoOrganisation> LITERATURE_OWNERS = ownersOf(UNIVERSITY, RESEARCH_INSTITUTE);

	private static final List<DemoOrganisation> OFFERING_OWNERS = ownersOf(UNIVERSITY, RESEARCH_INSTITUTE, FIRM);

	private static final List<DemoOrganisation> NEED_OWNERS = ownersOf(FIRM);

	private static List<IndustryChain> computeFocus(DemoOrganisation organisation) {
		List<IndustryChain> specialism = SPECIALISMS.get(organisation.key());
		if (specialism != null) {
			return specialism;
		}
		return organisation.cities().stream().flatMap((city) -> cityFocus(city).stream()).distinct().toList();
	}

	private static DemoOrganisation org(String key, String nameZh, String nameEn, String district, String type,
			City... cities) {
		return new DemoOrganisation(key, nameZh, nameEn, List.of(cities), district, type);
	}

	private static List<DemoOrganisation> ownersOf(String... types) {
		List<String> wanted = List.of(types);
		return ORGANISATIONS.stream().filter((organisation) -> wanted.contains(organisation.typeName())).toList();
	}

	private static final List<Term> LABS = List.of(new Term("分析测试中心", "Analysis and Testing Centre"),
			new Term("材料表征公共平台", "Materials Characterisation Platform"),
			new Term("先进制造重点实验室", "Key Laboratory of Advanced Manufacturing"), new Term("中心实验室", "Central Laboratory"),
			new Term("检验检测中心", "Inspection and Testing Centre"), new Term("可靠性试验室", "Reliability Laboratory"),
			new Term("工程技术研究中心", "Engineering Research Centre"),
			new Term("公共技术服务平台", "Public Technology Service Platform"),
			new Term("大型仪器共享平台", "Shared Large Instrument Platform"), new Term("中试基地", "Pilot-scale Test Base"));

	private static InstrumentType instrumentType(String zh, String en, String abbr, Category category, String models,
			String functions, String specs, long hourYuan, long sampleYuan, int minWan, int maxWan, String chains,
			String tags) {
		List<Model> parsed = Arrays.stream(models.split(";")).map((model) -> {
			String[] parts = model.split("\\|");
			return new Model(parts[0], parts[1], parts[2]);
		}).toList();
		return new InstrumentType(zh, en, abbr, category, parsed, functions, specs, hourYuan, sampleYuan, minWan,
				maxWan, parseChains(chains), parseTags(tags));
	}

	private static final List<InstrumentType> INSTRUMENT_TYPES = List.of(
			instrumentType("电感耦合等离子体质谱仪", "inductively coupled plasma mass spectrometer", "ICP-MS", Category.ANALYTICAL,
					"Agilent|7900|美国;Thermo Fisher|iCAP RQ|美国;PerkinElmer|NexION 2000|美国",
					"痕量及超痕量元素定性定量分析，同位素比值测定，可测定 70 余种元素。", "质量范围 2–260 amu；检出限优于 1 ppt（In）；线性动态范围 9 个数量级；配备碰撞反应池。", 500,
					300, 150, 400, "NEW_MATERIALS,ENERGY_STORAGE_MATERIALS,FOOD_AND_AGRICULTURE,BIOMEDICINE",
					"质谱,元素分析,痕量分析,ICP-MS"),
			instrumentType("扫描电子显微镜", "scanning electron microscope", "SEM", Category.IMAGING,
					"Hitachi|SU5000|日本;ZEISS|Sigma 300|德国;Thermo Fisher|Apreo 2|美国", "材料表面形貌观察，断口分析，配合能谱仪进行微区成分分析。",
					"分辨率 1.2 nm@30 kV；放大倍数 10–1,000,000 倍；加速电压 0.1–30 kV；配备 EDS 能谱仪。", 400, 300, 200, 600,
					"NEW_MATERIALS,ENERGY_STORAGE_MATERIALS,AEROSPACE,ENGINEERING_MACHINERY", "电镜,形貌分析,能谱,SEM"),
			instrumentType("X射线衍射仪", "X-ray diffractometer", "XRD", Category.ANALYTICAL,
					"Bruker|D8 Advance|德国;Rigaku|SmartLab|日本;Malvern Panalytical|Empyrean|荷兰",
					"物相定性定量分析，晶粒尺寸与晶格常数测定，残余应力与织构分析。", "测角仪半径 ≥ 280 mm；2θ 范围 -110°–168°；角度重现性 ±0.0001°；配备高速阵列探测器。", 300,
					200, 150, 500, "NEW_MATERIALS,ENERGY_STORAGE_MATERIALS,AEROSPACE", "物相分析,衍射,晶体结构,XRD"),
			instrumentType("透射电子显微镜", "transmission electron microscope", "TEM", Category.IMAGING,
					"Thermo Fisher|Talos F200X|美国;JEOL|JEM-2100F|日本", "材料微观结构、晶体缺陷及界面的高分辨成像，选区电子衍射，STEM-EDS 元素面分布。",
					"加速电压 200 kV；点分辨率 0.23 nm；STEM 分辨率 0.16 nm；配备四探头 EDS。", 1200, 1500, 1000, 2800,
					"NEW_MATERIALS,ENERGY_STORAGE_MATERIALS,AEROSPACE", "电镜,透射电镜,高分辨,TEM"),
			instrumentType("核磁共振波谱仪", "nuclear magnetic resonance spectrometer", "NMR", Category.ANALYTICAL,
					"Bruker|AVANCE NEO 400|德国;Bruker|AVANCE III HD 600|德国;JEOL|JNM-ECZ500R|日本",
					"有机化合物结构鉴定，一维及二维核磁谱图采集，固体核磁分析。", "磁场强度 9.4–14.1 T；配备宽带 BBO 探头；可变温范围 -150–150 ℃。", 600, 400, 400,
					1500, "BIOMEDICINE,NEW_MATERIALS,FOOD_AND_AGRICULTURE", "核磁,结构鉴定,波谱,NMR"),
			instrumentType("激光共聚焦显微镜", "confocal laser scanning microscope", "CLSM", Category.IMAGING,
					"ZEISS|LSM 980|德国;Leica|STELLARIS 5|德国;Olympus|FV3000|日本", "细胞及组织荧光成像，三维重构，活细胞长时程观察，共定位分析。",
					"激光线 405/488/561/640 nm；扫描速度最高 8 帧/秒（512×512）；配备高灵敏度 GaAsP 检测器。", 300, 200, 200, 800,
					"BIOMEDICINE,FOOD_AND_AGRICULTURE", "共聚焦,荧光成像,细胞成像,CLSM"),
			instrumentType("万能材料试验机", "universal testing machine", "UTM", Category.MATERIALS_TESTING,
					"Instron|5985|美国;ZwickRoell|Z100|德国;MTS|Criterion C45|美国", "金属、复合材料及零部件的拉伸、压缩、弯曲、剪切等力学性能测试。",
					"最大试验力 100–250 kN；力值精度 ±0.5%；位移分辨率 0.01 μm；配备高低温环境箱（-70–350 ℃）。", 200, 150, 100, 300,
					"ENGINEERING_MACHINERY,AUTOMOTIVE,NEW_MATERIALS,RAIL_TRANSIT,AEROSPACE", "力学性能,拉伸试验,材料试验,UTM"),
			instrumentType("电液伺服疲劳试验机", "servo-hydraulic fatigue testing machine", "Fatigue",
					Category.MATERIALS_TESTING, "MTS|Landmark 370.25|美国;Instron|8801|美国;长春机械科学研究院|PLD-250|中国",
					"材料及结构件高低周疲劳、断裂韧性、裂纹扩展速率测试。", "动态载荷 ±100–±500 kN；频率 0.01–100 Hz；支持程序谱与随机谱加载。", 350, 2000, 150, 600,
					"RAIL_TRANSIT,AEROSPACE,ENGINEERING_MACHINERY,AUTOMOTIVE", "疲劳试验,断裂力学,裂纹扩展"),
			instrumentType("三坐标测量机", "coordinate measuring machine", "CMM", Category.MANUFACTURING_PROCESS,
					"ZEISS|CONTURA G2|德国;Hexagon|GLOBAL S 9.15.8|瑞典;Mitutoyo|CRYSTA-Apex V|日本",
					"复杂零部件尺寸、形状和位置公差的精密测量，逆向建模与首件检验。", "测量范围 900×1500×800 mm；示值误差 MPE_E ≤ (1.5+L/350) μm；配备扫描测头。", 300,
					400, 100, 500, "ENGINEERING_MACHINERY,AUTOMOTIVE,RAIL_TRANSIT,AEROSPACE", "几何量测量,尺寸检测,三坐标,CMM"),
			instrumentType("气相色谱-质谱联用仪", "gas chromatograph–mass spectrometer", "GC-MS", Category.ANALYTICAL,
					"Agilent|8890-5977B|美国;Shimadzu|GCMS-QP2020 NX|日本;Thermo Fisher|TSQ 9610|美国",
					"挥发性及半挥发性有机物定性定量分析，农药残留、香气成分及环境污染物检测。",
					"质量范围 1.5–1050 u；扫描速度 20,000 u/s；EI 灵敏度 1 pg 八氟萘 S/N ≥ 1500。", 300, 400, 100, 300,
					"FOOD_AND_AGRICULTURE,BIOMEDICINE,NEW_MATERIALS", "质谱,色谱,农残检测,GC-MS"),
			instrumentType("高效液相色谱仪", "high-performance liquid chromatograph", "HPLC", Category.ANALYTICAL,
					"Waters|e2695|美国;Agilent|1260 Infinity II|美国;Shimadzu|LC-20AD|日本", "药物、食品及化工产品中有机组分的分离、定性与定量分析。",
					"流速范围 0.001–10 mL/min；耐压 60 MPa；配备二极管阵列与荧光检测器。", 150, 200, 100, 150,
					"BIOMEDICINE,FOOD_AND_AGRICULTURE", "色谱,含量测定,药物分析,HPLC"),
			instrumentType("热重分析仪", "thermogravimetric analyser", "TGA", Category.ANALYTICAL,
					"NETZSCH|TG 209 F1 Libra|德国;TA Instruments|TGA 550|美国;METTLER TOLEDO|TGA/DSC 3+|瑞士",
					"材料热稳定性、分解温度、组分含量及氧化性能分析。", "温度范围 室温–1100 ℃；天平分辨率 0.1 μg；升温速率 0.001–200 K/min。", 150, 200, 100, 150,
					"NEW_MATERIALS,ENERGY_STORAGE_MATERIALS", "热分析,热稳定性,TGA"),
			instrumentType("差示扫描量热仪", "differential scanning calorimeter", "DSC", Category.ANALYTICAL,
					"TA Instruments|DSC 2500|美国;NETZSCH|DSC 214 Polyma|德国", "材料玻璃化转变、熔融结晶、比热容及反应热测定。",
					"温度范围 -180–725 ℃；量热精度 ±0.05%；基线重复性 ±10 μW。", 150, 200, 100, 150,
					"NEW_MATERIALS,BIOMEDICINE,FOOD_AND_AGRICULTURE", "热分析,相变,DSC"),
			instrumentType("工业CT", "industrial computed tomography system", "CT", Category.IMAGING,
					"ZEISS|METROTOM 1500|德国;Waygate Technologies|phoenix v-tome-x m|美国;YXLON|FF35 CT|德国",
					"铸件、焊接件及复合材料内部缺陷无损检测，三维尺寸测量与壁厚分析。", "射线源 225–450 kV；细节分辨率 ≤ 2 μm；最大样品尺寸 Φ500×800 mm。", 800, 1500,
					400, 1600, "AEROSPACE,AUTOMOTIVE,RAIL_TRANSIT,NEW_MATERIALS", "无损检测,CT,缺陷检测"),
			instrumentType("电磁兼容测试系统", "electromagnetic compatibility test system", "EMC",
					Category.ELECTRONIC_MEASUREMENT,
					"Rohde & Schwarz|ESW44|德国;Keysight|N9038B MXE|美国;Teseq|NSG 3060|瑞士",
					"电子电气产品辐射发射、传导发射及抗扰度试验，整车及零部件 EMC 测试。",
					"频率范围 9 kHz–40 GHz；配备 3 m 法半电波暗室；符合 CISPR 25、GB/T 17626 系列标准。", 1500, 3000, 800, 2500,
					"AUTOMOTIVE,RAIL_TRANSIT,ELECTRIC_DRIVE_AND_WIND_POWER,ELECTRONIC_INFORMATION", "电磁兼容,EMC,暗室,抗扰度"),
			instrumentType("低速风洞", "low-speed wind tunnel", "Wind tunnel", Category.OTHER, "国产定制|*|中国",
					"飞行器、车辆及建筑模型的气动力测量、流场显示与风载荷试验。", "试验段 3×2.5 m；风速 3–80 m/s；湍流度 ≤ 0.1%；配备六分量天平与 PIV 系统。", 3000, 20000,
					1500, 3000, "AEROSPACE,RAIL_TRANSIT,AUTOMOTIVE", "风洞,空气动力学,气动试验"),
			instrumentType("动车组牵引系统试验台", "EMU traction system test bench", "Traction bench", Category.OTHER,
					"国产定制|*|中国", "牵引变流器、牵引电机及网络控制系统的联调试验、温升试验和效率测试。",
					"额定功率 2×1500 kW；直流网压 DC 1500/3000 V；转速 0–6000 r/min；可模拟线路工况。", 5000, 30000, 1500, 3000,
					"RAIL_TRANSIT,ELECTRIC_DRIVE_AND_WIND_POWER", "牵引系统,动车组,温升试验,轨道交通"),
			instrumentType("液相色谱-质谱联用仪", "liquid chromatograph–tandem mass spectrometer", "LC-MS/MS",
					Category.ANALYTICAL,
					"SCIEX|Triple Quad 6500+|美国;Thermo Fisher|Q Exactive Plus|美国;Waters|Xevo TQ-XS|美国",
					"药物代谢、生物样品及食品中目标化合物的高灵敏定量与非靶向筛查。", "质量范围 5–2000 m/z；分辨率 ≥ 140,000（Orbitrap）；正负离子快速切换。", 600, 600,
					300, 800, "BIOMEDICINE,FOOD_AND_AGRICULTURE", "质谱,液质联用,代谢组学,LC-MS"),
			instrumentType("原子力显微镜", "atomic force microscope", "AFM", Category.IMAGING,
					"Bruker|Dimension Icon|美国;Park Systems|NX10|韩国;Oxford Instruments|Cypher ES|英国",
					"纳米尺度表面形貌、粗糙度、力学性能及电学性能表征。", "XY 扫描范围 90 μm；Z 向噪声 < 30 pm；支持 PeakForce、KPFM、C-AFM 模式。", 300, 400,
					150, 500, "NEW_MATERIALS,ENERGY_STORAGE_MATERIALS", "纳米表征,表面形貌,AFM"),
			instrumentType("X射线光电子能谱仪", "X-ray photoelectron spectrometer", "XPS", Category.ANALYTICAL,
					"Thermo Fisher|ESCALAB Xi+|美国;Kratos|AXIS Supra+|英国", "材料表面元素组成、化学态及深度剖析。",
					"单色 Al Kα 源；能量分辨率 ≤ 0.45 eV；最小分析面积 20 μm；配备氩团簇离子枪。", 800, 600, 400, 800,
					"NEW_MATERIALS,ENERGY_STORAGE_MATERIALS", "表面分析,能谱,化学态,XPS"),
			instrumentType("傅里叶变换红外光谱仪", "Fourier-transform infrared spectrometer", "FTIR", Category.ANALYTICAL,
					"Thermo Fisher|Nicolet iS50|美国;Bruker|INVENIO R|德国", "有机物官能团鉴定、高分子材料成分分析与红外显微分析。",
					"光谱范围 7800–350 cm⁻¹；分辨率优于 0.09 cm⁻¹；配备 ATR 及红外显微镜。", 150, 100, 100, 200,
					"NEW_MATERIALS,BIOMEDICINE,FOOD_AND_AGRICULTURE", "光谱,红外,官能团,FTIR"),
			instrumentType("激光显微拉曼光谱仪", "confocal Raman microscope", "Raman", Category.ANALYTICAL,
					"HORIBA|LabRAM HR Evolution|法国;Renishaw|inVia Qontor|英国", "材料分子结构与晶体结构表征，碳材料及电池材料原位分析。",
					"激发波长 325/532/785 nm；光谱分辨率 ≤ 0.65 cm⁻¹；空间分辨率 ≤ 1 μm。", 200, 200, 100, 300,
					"NEW_MATERIALS,ENERGY_STORAGE_MATERIALS", "拉曼,光谱,碳材料,Raman"),
			instrumentType("比表面积及孔径分析仪", "surface area and porosity analyser", "BET", Category.ANALYTICAL,
					"Micromeritics|ASAP 2460|美国;Anton Paar|Autosorb-iQ|奥地利", "粉体及多孔材料比表面积、孔径分布和孔容测定。",
					"比表面积 ≥ 0.0005 m²/g；孔径范围 0.35–500 nm；多站并行分析。", 100, 300, 100, 150,
					"ENERGY_STORAGE_MATERIALS,NEW_MATERIALS", "比表面积,孔径分布,BET"),
			instrumentType("激光粒度分析仪", "laser diffraction particle size analyser", "PSA", Category.ANALYTICAL,
					"Malvern Panalytical|Mastersizer 3000|英国;HORIBA|LA-960V2|日本", "粉体及乳液颗粒粒度分布测定，干法与湿法分散。",
					"测量范围 0.01–3500 μm；准确度 ±0.6%；重复性 ±0.5%。", 100, 150, 100, 150,
					"ENERGY_STORAGE_MATERIALS,NEW_MATERIALS,FOOD_AND_AGRICULTURE", "粒度分析,粉体"),
			instrumentType("电池充放电测试系统", "battery cycler", "Battery tester", Category.ELECTRONIC_MEASUREMENT,
					"Arbin|LBT21084|美国;Neware|CT-4008Tn|中国;Digatron|MCT 100-06-24|德国", "电芯及模组的充放电循环寿命、倍率性能、容量和内阻测试。",
					"电压 0–5 V（电芯）/0–100 V（模组）；电流 ±0.05% FS；512 通道并行。", 100, 800, 100, 600,
					"ENERGY_STORAGE_MATERIALS,AUTOMOTIVE,NEW_ENERGY", "电池测试,循环寿命,储能"),
			instrumentType("电化学工作站", "electrochemical workstation", "Potentiostat", Category.ELECTRONIC_MEASUREMENT,
					"Gamry|Reference 3000|美国;Bio-Logic|VMP-300|法国;CH Instruments|CHI760E|美国",
					"循环伏安、交流阻抗、恒电流充放电及腐蚀电化学测试。", "电位范围 ±10 V；电流分辨率 0.3 fA；阻抗频率 10 μHz–1 MHz。", 100, 200, 100, 200,
					"ENERGY_STORAGE_MATERIALS,NEW_MATERIALS", "电化学,阻抗谱,腐蚀"),
			instrumentType("流式细胞仪", "flow cytometer", "FCM", Category.ANALYTICAL,
					"BD|FACSCanto II|美国;Beckman Coulter|CytoFLEX S|美国", "细胞表型分析、细胞周期与凋亡检测、免疫细胞分型。",
					"3 激光 10 色；检测速度 ≥ 10,000 个细胞/秒；荧光灵敏度 < 30 MESF（FITC）。", 300, 200, 150, 400, "BIOMEDICINE",
					"流式,细胞分析,免疫"),
			instrumentType("实时荧光定量PCR仪", "real-time quantitative PCR system", "qPCR", Category.ANALYTICAL,
					"Bio-Rad|CFX96 Touch|美国;Thermo Fisher|QuantStudio 5|美国", "基因表达定量、病原体核酸检测、SNP 分型。",
					"96 孔；5 通道荧光；温控精度 ±0.2 ℃；动态范围 10 个数量级。", 100, 150, 100, 120, "BIOMEDICINE,FOOD_AND_AGRICULTURE",
					"基因检测,核酸检测,PCR"),
			instrumentType("小动物活体成像系统", "in vivo imaging system", "IVIS", Category.IMAGING,
					"PerkinElmer|IVIS Spectrum|美国;Bruker|In-Vivo Xtreme|美国", "小动物体内生物发光与荧光成像，肿瘤模型及药效评价。",
					"视野 3.9–23 cm；成像灵敏度达 10² 个细胞；支持 3D 断层重建。", 400, 400, 200, 500, "BIOMEDICINE", "活体成像,药效评价"),
			instrumentType("电子探针显微分析仪", "electron probe microanalyser", "EPMA", Category.ANALYTICAL,
					"JEOL|JXA-8530F Plus|日本;Shimadzu|EPMA-1720H|日本", "矿物、合金微区成分的高精度定量分析与元素面分布。",
					"元素范围 B–U；5 道波谱仪；二次电子像分辨率 3 nm。", 600, 800, 600, 1500, "NEW_MATERIALS,MINING_EQUIPMENT,AEROSPACE",
					"微区分析,波谱,矿物分析,EPMA"),
			instrumentType("金属增材制造设备", "metal additive manufacturing system", "SLM", Category.MANUFACTURING_PROCESS,
					"EOS|M 290|德国;Farsoon|FS271M|中国;BLT|BLT-S310|中国", "钛合金、高温合金及模具钢零件的激光选区熔化成形与工艺开发。",
					"成形尺寸 250×250×300 mm；激光功率 500 W；层厚 20–100 μm；氩气保护。", 800, 5000, 300, 900,
					"AEROSPACE,ENGINEERING_MACHINERY,NEW_MATERIALS", "3D打印,增材制造,SLM"),
			instrumentType("五轴联动加工中心", "five-axis machining centre", "5-axis", Category.MANUFACTURING_PROCESS,
					"DMG MORI|DMU 65 monoBLOCK|德国;Jingdiao|JDGR400|中国;Hermle|C 42 U|德国",
					"复杂曲面零件、叶轮叶片及精密模具的五轴联动加工与样件试制。", "行程 735×650×560 mm；主轴转速 18,000 r/min；定位精度 0.008 mm。", 600, 3000,
					300, 900, "AEROSPACE,ENGINEERING_MACHINERY,AUTOMOTIVE", "精密加工,五轴,试制"),
			instrumentType("电动振动试验系统", "electrodynamic vibration test system", "Shaker", Category.MATERIALS_TESTING,
					"Suzhou Sushi|DC-6000|中国;Brüel & Kjær|LDS V8900|丹麦", "零部件及整机的正弦、随机、冲击振动环境试验与可靠性验证。",
					"额定推力 60 kN；频率范围 2–2500 Hz；最大位移 51 mm；可与温湿度箱综合试验。", 500, 3000, 100, 400,
					"RAIL_TRANSIT,AUTOMOTIVE,AEROSPACE,ELECTRIC_DRIVE_AND_WIND_POWER", "振动试验,环境试验,可靠性"),
			instrumentType("高低温湿热试验箱", "climatic test chamber", "Climatic chamber", Category.OTHER,
					"ESPEC|PL-3KPH|日本;Weiss Technik|ClimeEvent C/1000|德国", "产品高温、低温、湿热及温度循环环境适应性试验。",
					"温度范围 -70–180 ℃；湿度范围 10%–98% RH；温变速率 15 ℃/min；容积 1000 L。", 100, 1000, 100, 200,
					"AUTOMOTIVE,RAIL_TRANSIT,ENERGY_STORAGE_MATERIALS,ELECTRIC_DRIVE_AND_WIND_POWER", "环境试验,温湿度,可靠性"),
			instrumentType("摆锤冲击试验机", "pendulum impact tester", "Impact", Category.MATERIALS_TESTING,
					"ZwickRoell|HIT450P|德国;Instron|MPX 750|美国", "金属材料夏比冲击韧性测试及低温冲击试验。",
					"冲击能量 450 J；打击速度 5.2 m/s；低温槽 -196–室温。", 100, 100, 100, 150,
					"ENGINEERING_MACHINERY,RAIL_TRANSIT,MINING_EQUIPMENT,NEW_MATERIALS", "冲击韧性,力学性能"),
			instrumentType("直读光谱仪", "optical emission spectrometer", "OES", Category.ANALYTICAL,
					"SPECTRO|MAXx LMX10|德国;Bruker|Q4 TASMAN|德国;Thermo Fisher|ARL iSpark 8860|美国",
					"铁基、铝基、铜基等金属材料牌号鉴定与元素成分快速分析。", "波长范围 120–800 nm；可分析 C、P、S、N 等元素；单次分析 < 30 s。", 150, 150, 100, 200,
					"ENGINEERING_MACHINERY,MINING_EQUIPMENT,RAIL_TRANSIT,NEW_MATERIALS", "成分分析,光谱,金属材料,OES"),
			instrumentType("电机测试系统", "electric motor test system", "Motor bench", Category.ELECTRONIC_MEASUREMENT,
					"HBK|eDrive GEN7tA|德国;国产定制|*|中国", "永磁同步电机、异步电机的效率 Map、转矩转速特性、温升和 NVH 测试。",
					"功率 0–500 kW；转速 0–20,000 r/min；转矩精度 ±0.05% FS；功率分析仪 8 通道。", 1000, 8000, 300, 1500,
					"ELECTRIC_DRIVE_AND_WIND_POWER,AUTOMOTIVE,RAIL_TRANSIT", "电机测试,效率Map,电驱动"),
			instrumentType("风电齿轮箱试验台", "wind turbine gearbox test rig", "Gearbox rig", Category.OTHER, "国产定制|*|中国",
					"风电齿轮箱及传动链的背靠背加载试验、效率测试与疲劳寿命验证。", "额定功率 6 MW；最大扭矩 4500 kN·m；支持非扭矩载荷加载。", 6000, 50000, 1500, 3000,
					"ELECTRIC_DRIVE_AND_WIND_POWER,ENGINEERING_MACHINERY", "风电,齿轮箱,传动链试验"),
			instrumentType("液压支架试验台", "hydraulic roof support test bench", "Support bench", Category.OTHER, "国产定制|*|中国",
					"煤矿液压支架及立柱、千斤顶的强度试验与耐久性试验。", "最大加载力 20,000 kN；试验高度 0.5–7.5 m；内外加载方式。", 2000, 30000, 800, 2000,
					"MINING_EQUIPMENT,ENGINEERING_MACHINERY", "矿山装备,液压支架,强度试验"),
			instrumentType("矢量网络分析仪", "vector network analyser", "VNA", Category.ELECTRONIC_MEASUREMENT,
					"Keysight|N5227B|美国;Rohde & Schwarz|ZNA43|德国", "射频微波器件 S 参数、天线及材料电磁参数测试。",
					"频率范围 10 MHz–67 GHz；动态范围 > 130 dB；4 端口。", 300, 300, 150, 500,
					"ELECTRONIC_INFORMATION,AEROSPACE,RAIL_TRANSIT", "射频,微波,网络分析"),
			instrumentType("原子吸收光谱仪", "atomic absorption spectrometer", "AAS", Category.ANALYTICAL,
					"PerkinElmer|PinAAcle 900T|美国;Analytik Jena|contrAA 800|德国", "食品、农产品及环境样品中铅、镉、砷等重金属测定。",
					"火焰/石墨炉一体；波长范围 185–900 nm；石墨炉检出限 Cd ≤ 0.5 pg。", 100, 120, 100, 150,
					"FOOD_AND_AGRICULTURE,ENVIRONMENTAL_PROTECTION", "重金属,元素分析,食品安全,AAS"),
			instrumentType("氨基酸分析仪", "amino acid analyser", "AAA", Category.ANALYTICAL, "Hitachi|LA8080|日本",
					"蛋白质水解氨基酸及游离氨基酸的定量分析。", "分析时间 30–115 min；检测限 3 pmol；重复性 RSD ≤ 1.0%。", 100, 300, 100, 120,
					"FOOD_AND_AGRICULTURE,BIOMEDICINE", "氨基酸,营养成分,食品分析"),
			instrumentType("高温蠕变持久试验机", "high-temperature creep rupture testing machine", "Creep",
					Category.MATERIALS_TESTING, "长春机械科学研究院|RDL-50|中国;Instron|M3|英国", "高温合金、硬质合金等材料在高温长时载荷下的蠕变和持久强度测试。",
					"试验力 50 kN；温度 300–1200 ℃；控温精度 ±2 ℃；连续运行 ≥ 10,000 h。", 80, 3000, 100, 200, "AEROSPACE,NEW_MATERIALS",
					"蠕变,高温合金,持久强度"),
			instrumentType("超声C扫描检测系统", "ultrasonic C-scan inspection system", "UT C-scan", Category.IMAGING,
					"Olympus|FOCUS PX|日本;国产定制|*|中国", "复合材料、焊缝及锻件内部缺陷的超声自动扫描成像检测。",
					"频率 0.5–25 MHz；扫描范围 2000×1000×500 mm；相控阵 128 阵元。", 400, 800, 150, 500,
					"AEROSPACE,RAIL_TRANSIT,NEW_MATERIALS", "无损检测,超声,复合材料"));

	private static final Map<String, List<InstrumentType>> FITTING_INSTRUMENTS = ORGANISATIONS.stream()
		.collect(Collectors.toUnmodifiableMap(DemoOrganisation::key, (organisation) -> INSTRUMENT_TYPES.stream()
			.filter((type) -> type.chains().stream().anyMatch(FOCUS_BY_ORGANISATION.get(organisation.key())::contains))
			.toList()));

	private static ServiceTopic serviceTopic(ServiceType type, String zh, String en, String scope, long minYuan,
			long maxYuan, PriceUnit unit, int minDays, int maxDays, String chains, String tags) {
		return new ServiceTopic(type, zh, en, scope, minYuan, maxYuan, unit, minDays, maxDays, parseChains(chains),
				parseTags(tags));
	}

	private static final List<ServiceTopic> SERVICE_TOPICS = List.of(
			serviceTopic(ServiceType.TESTING, "金属材料力学性能检测", "Mechanical testing of metallic materials",
					"依据 GB/T 228.1、GB/T 229、GB/T 231 等标准开展拉伸、冲击、硬度及弯曲试验。", 200, 2000, PriceUnit.PER_SAMPLE, 3, 7,
					"ENGINEERING_MACHINERY,NEW_MATERIALS,RAIL_TRANSIT,MINING_EQUIPMENT", "力学性能,金属材料,检测"),
			serviceTopic(ServiceType.TESTING, "轨道交通车辆零部件疲劳与可靠性试验",
					"Fatigue and reliability testing of rail vehicle parts",
					"转向架构架、车体焊接结构及牵引部件的疲劳强度试验与振动冲击试验，依据 EN 13749、IEC 61373。", 20000, 300000, PriceUnit.PER_PROJECT, 20,
					60, "RAIL_TRANSIT", "轨道交通,疲劳试验,可靠性"),
			serviceTopic(ServiceType.TESTING, "电磁兼容（EMC）检测", "Electromagnetic compatibility (EMC) testing",
					"整车及电子电气零部件辐射、传导发射与抗扰度检测，依据 CISPR 25、GB/T 18655、GB/T 17626。", 3000, 80000, PriceUnit.PER_PROJECT, 5,
					20, "AUTOMOTIVE,RAIL_TRANSIT,ELECTRIC_DRIVE_AND_WIND_POWER", "电磁兼容,EMC,检测"),
			serviceTopic(ServiceType.TESTING, "动力电池安全性能检测", "Safety testing of traction batteries",
					"依据 GB 38031 开展电芯及电池包的过充、短路、挤压、针刺、热扩散等安全试验。", 5000, 200000, PriceUnit.PER_PROJECT, 10, 45,
					"ENERGY_STORAGE_MATERIALS,AUTOMOTIVE", "动力电池,安全检测,热失控"),
			serviceTopic(ServiceType.TESTING, "食品中农药残留与重金属检测", "Pesticide residue and heavy metal testing of food",
					"依据 GB 2763、GB 2762 对果蔬、粮油、湘莲、槟榔等食品及农产品进行农残和重金属检测。", 300, 3000, PriceUnit.PER_SAMPLE, 3, 7,
					"FOOD_AND_AGRICULTURE", "食品安全,农残,重金属"),
			serviceTopic(ServiceType.TESTING, "工程机械液压元件性能与寿命试验",
					"Performance and endurance testing of hydraulic components",
					"液压泵、阀、油缸及多路阀的性能、冲击和耐久试验，依据 JB/T 系列标准。", 10000, 150000, PriceUnit.PER_PROJECT, 15, 60,
					"ENGINEERING_MACHINERY,MINING_EQUIPMENT", "液压,工程机械,寿命试验"),
			serviceTopic(ServiceType.TESTING, "风电叶片与齿轮箱检测", "Testing of wind turbine blades and gearboxes",
					"风电叶片静力、疲劳试验及齿轮箱台架试验，依据 IEC 61400-23、GB/T 19073。", 50000, 800000, PriceUnit.PER_PROJECT, 30, 120,
					"ELECTRIC_DRIVE_AND_WIND_POWER", "风电,叶片,齿轮箱"),
			serviceTopic(ServiceType.TESTING, "矿用产品安全性能检验", "Safety testing of mining products",
					"矿用电气设备防爆性能、液压支架及矿用车辆制动性能检验。", 5000, 100000, PriceUnit.PER_PROJECT, 15, 45, "MINING_EQUIPMENT",
					"矿山装备,防爆,安全检验"),
			serviceTopic(ServiceType.TESTING, "航空零部件无损检测", "Non-destructive testing of aerospace parts",
					"采用超声、射线、渗透、磁粉及工业 CT 对航空发动机与机体零部件进行无损检测，人员持 NAS 410 证书。", 500, 20000, PriceUnit.PER_SAMPLE, 3, 15,
					"AEROSPACE,NEW_MATERIALS", "无损检测,航空,工业CT"),
			serviceTopic(ServiceType.CERTIFICATION, "铁路产品认证（CRCC）申请辅导", "CRCC railway product certification coaching",
					"协助企业准备铁路产品认证申请材料、型式试验与工厂检查。", 30000, 200000, PriceUnit.PER_PROJECT, 60, 180, "RAIL_TRANSIT",
					"CRCC,认证,轨道交通"),
			serviceTopic(ServiceType.CERTIFICATION, "IATF 16949 汽车质量管理体系认证",
					"IATF 16949 automotive quality system certification", "汽车零部件企业质量管理体系认证审核与年度监督审核。", 30000, 120000,
					PriceUnit.PER_PROJECT, 30, 90, "AUTOMOTIVE", "IATF 16949,体系认证,汽车"),
			serviceTopic(ServiceType.CERTIFICATION, "食品生产许可（SC）与 HACCP 认证辅导",
					"Food production licence (SC) and HACCP coaching", "食品企业生产许可现场核查准备、HACCP 体系建立与认证。", 10000, 80000,
					PriceUnit.PER_PROJECT, 30, 90, "FOOD_AND_AGRICULTURE", "SC认证,HACCP,食品"),
			serviceTopic(ServiceType.DESIGN, "电机电磁设计与多物理场仿真",
					"Electromagnetic design and multiphysics simulation of motors", "永磁同步电机、牵引电机的电磁方案设计、温升与应力耦合仿真。",
					20000, 300000, PriceUnit.PER_PROJECT, 20, 90,
					"ELECTRIC_DRIVE_AND_WIND_POWER,RAIL_TRANSIT,AUTOMOTIVE", "电机设计,仿真,电驱动"),
			serviceTopic(ServiceType.DESIGN, "工程机械结构轻量化设计", "Lightweight structural design for construction machinery",
					"臂架、车架等结构件拓扑优化、有限元分析与高强钢替代方案设计。", 30000, 500000, PriceUnit.PER_PROJECT, 30, 120,
					"ENGINEERING_MACHINERY,AUTOMOTIVE", "轻量化,结构设计,有限元"),
			serviceTopic(ServiceType.DESIGN, "工业设计与产品外观设计", "Industrial and product appearance design",
					"装备及消费产品的外观造型、人机工程与 CMF 设计。", 10000, 200000, PriceUnit.PER_PROJECT, 15, 60,
					"ENGINEERING_MACHINERY,CULTURAL_CREATIVE,AUTOMOTIVE", "工业设计,外观设计"),
			serviceTopic(ServiceType.PROTOTYPING, "金属3D打印快速试制", "Rapid prototyping by metal 3D printing",
					"钛合金、高温合金、模具钢零件激光选区熔化打印及后处理。", 500, 50000, PriceUnit.PER_SAMPLE, 3, 15,
					"AEROSPACE,ENGINEERING_MACHINERY,NEW_MATERIALS", "3D打印,快速成型,试制"),
			serviceTopic(ServiceType.PROTOTYPING, "精密零件与样机试制", "Precision parts and prototype manufacturing",
					"五轴加工、精密铸造与装配调试，提供小批量样件和样机试制。", 2000, 200000, PriceUnit.PER_PROJECT, 7, 45,
					"ENGINEERING_MACHINERY,AEROSPACE,AUTOMOTIVE,RAIL_TRANSIT", "样机试制,精密加工"),
			serviceTopic(ServiceType.PROTOTYPING, "生物医药中试放大", "Pilot-scale process scale-up for biomedicine",
					"原料药及制剂工艺放大、GMP 条件下的中试生产和稳定性研究。", 100000, 2000000, PriceUnit.PER_PROJECT, 60, 240, "BIOMEDICINE",
					"中试,工艺放大,GMP"),
			serviceTopic(ServiceType.ANALYSIS, "材料失效分析", "Failure analysis of materials and components",
					"断口分析、金相分析、成分与残余应力检测，查明零部件断裂、腐蚀、磨损原因并给出改进建议。", 3000, 50000, PriceUnit.PER_PROJECT, 7, 30,
					"ENGINEERING_MACHINERY,RAIL_TRANSIT,AEROSPACE,MINING_EQUIPMENT,NEW_MATERIALS", "失效分析,断口分析,金相"),
			serviceTopic(ServiceType.ANALYSIS, "电池材料表征与分析", "Characterisation of battery materials",
					"正负极材料的物相、形貌、比表面积、粒度、元素含量与电化学性能综合分析。", 500, 10000, PriceUnit.PER_SAMPLE, 5, 15,
					"ENERGY_STORAGE_MATERIALS,NEW_MATERIALS", "电池材料,表征,储能"),
			serviceTopic(ServiceType.ANALYSIS, "药物分析方法开发与验证", "Development and validation of drug analysis methods",
					"依据《中国药典》与 ICH Q2 开展含量、有关物质、溶出度等分析方法开发与验证。", 20000, 300000, PriceUnit.PER_PROJECT, 20, 90,
					"BIOMEDICINE", "药物分析,方法验证,ICH"),
			serviceTopic(ServiceType.ANALYSIS, "食品营养成分与风味分析", "Nutrition and flavour analysis of food",
					"蛋白质、氨基酸、脂肪酸、挥发性风味物质及功能成分分析。", 300, 5000, PriceUnit.PER_SAMPLE, 3, 10, "FOOD_AND_AGRICULTURE",
					"营养成分,风味分析,食品"));

	private static final Map<String, List<ServiceTopic>> FITTING_SERVICES = ORGANISATIONS.stream()
		.collect(Collectors.toUnmodifiableMap(DemoOrganisation::key, DemoCatalogGenerator::fittingServices));

	private static final List<ServiceTopic> NON_CERTIFICATION_TOPICS = SERVICE_TOPICS.stream()
		.filter((topic) -> topic.type() != ServiceType.CERTIFICATION)
		.toList();

	private static List<ServiceTopic> fittingServices(DemoOrganisation organisation) {
		List<IndustryChain> focus = FOCUS_BY_ORGANISATION.get(organisation.key());
		return SERVICE_TOPICS.stream()
			.filter((topic) -> topic.chains().stream().anyMatch(focus::contains))
			// Certification is the business of accredited bodies, not of universities.
			.filter((topic) -> !UNIVERSITY.equals(organisation.typeName()) || topic.type() != ServiceType.CERTIFICATION)
			.toList();
	}

	private static final Map<IndustryChain, Term> CHAIN_NAMES = Map.ofEntries(
			Map.entry(IndustryChain.ENGINEERING_MACHINERY, new Term("工程机械", "construction machinery")),
			Map.entry(IndustryChain.ENERGY_STORAGE_MATERIALS, new Term("先进储能材料", "energy storage materials")),
			Map.entry(IndustryChain.BIOMEDICINE, new Term("生物医药", "biomedicine")),
			Map.entry(IndustryChain.AUTOMOTIVE, new Term("汽车及零部件", "automotive")),
			Map.entry(IndustryChain.RAIL_TRANSIT, new Term("轨道交通", "rail transit")),
			Map.entry(IndustryChain.AEROSPACE, new Term("航空航天", "aerospace")),
			Map.entry(IndustryChain.NEW_MATERIALS, new Term("新材料", "new materials")),
			Map.entry(IndustryChain.ELECTRIC_DRIVE_AND_WIND_POWER,
					new Term("电驱与风电装备", "electric drive and wind power")),
			Map.entry(IndustryChain.MINING_EQUIPMENT, new Term("矿山装备", "mining equipment")),
			Map.entry(IndustryChain.FOOD_AND_AGRICULTURE, new Term("食品与农产品加工", "food and agriculture")),
			Map.entry(IndustryChain.ELECTRONIC_INFORMATION, new Term("电子信息", "electronic information")),
			Map.entry(IndustryChain.NEW_ENERGY, new Term("新能源", "new energy")),
			Map.entry(IndustryChain.ENVIRONMENTAL_PROTECTION, new Term("节能环保", "environmental protection")),
			Map.entry(IndustryChain.CULTURAL_CREATIVE, new Term("文化创意", "cultural and creative")));

	private static List<Term> terms(String... pairs) {
		List<Term> terms = new ArrayList<>();
		for (int i = 0; i < pairs.length; i += 2) {
			terms.add(new Term(pairs[i], pairs[i + 1]));
		}
		return List.copyOf(terms);
	}

	private static ChainVocabulary vocabulary(IndustryChain chain, boolean material, List<Term> objects,
			List<Term> tasks, List<String> zhJournals, List<String> enJournals) {
		return new ChainVocabulary(chain, CHAIN_NAMES.get(chain).zh(), CHAIN_NAMES.get(chain).en(), material, objects,
				tasks, zhJournals, enJournals);
	}

	private static final List<Term> METHODS = terms("振动信号", "vibration signals", "深度学习", "deep learning", "有限元分析",
			"finite element analysis", "数字孪生", "digital twins", "多目标优化", "multi-objective optimisation", "机器视觉",
			"machine vision", "迁移学习", "transfer learning", "多物理场耦合仿真", "multiphysics coupled simulation");

	private static final List<Term> MATERIALS_METHODS = terms("第一性原理计算", "first-principles calculations", "分子动力学模拟",
			"molecular dynamics simulation", "响应面法", "response surface methodology", "高通量筛选",
			"high-throughput screening", "机器学习", "machine learning", "原位表征", "in situ characterisation");

	private static final List<Term> LIFE_METHODS = terms("响应面法", "response surface methodology", "网络药理学",
			"network pharmacology", "代谢组学", "metabolomics", "高通量筛选", "high-throughput screening", "机器视觉",
			"machine vision", "深度学习", "deep learning");

	private static final Set<String> RECENT_METHODS = Set.of("deep learning", "digital twins", "transfer learning",
			"machine learning", "network pharmacology");

	// Vibration signals suit gearboxes, not antibodies: each kind of industry has its
	// methods.
	private static List<Term> methodsFor(IndustryChain chain) {
		return switch (chain) {
			case BIOMEDICINE, FOOD_AND_AGRICULTURE -> LIFE_METHODS;
			case ENERGY_STORAGE_MATERIALS, NEW_MATERIALS -> MATERIALS_METHODS;
			default -> METHODS;
		};
	}

	private static final Map<IndustryChain, ChainVocabulary> VOCABULARIES = Map.ofEntries(
			Map.entry(IndustryChain.RAIL_TRANSIT, vocabulary(IndustryChain.RAIL_TRANSIT, false,
					terms("高速列车牵引电机", "traction motors of high-speed trains", "轨道车辆转向架", "rail vehicle bogies", "受电弓",
							"pantographs", "IGBT 牵引变流器", "IGBT traction converters", "城轨车辆车体", "metro car bodies"),
					terms("温升特性", "temperature rise characteristics", "故障诊断", "fault diagnosis", "疲劳寿命预测",
							"fatigue life prediction", "振动特性", "vibration characteristics", "轻量化设计",
							"lightweight design"),
					List.of("机车电传动", "铁道学报", "中国铁道科学"),
					List.of("Vehicle System Dynamics", "IEEE Transactions on Transportation Electrification"))),
			Map.entry(IndustryChain.ELECTRIC_DRIVE_AND_WIND_POWER, vocabulary(
					IndustryChain.ELECTRIC_DRIVE_AND_WIND_POWER, false,
					terms("风电机组齿轮箱", "wind turbine gearboxes", "永磁同步电机", "permanent magnet synchronous motors", "风电叶片",
							"wind turbine blades", "变桨轴承", "pitch bearings", "海上风电机组", "offshore wind turbines"),
					terms("故障诊断", "fault diagnosis", "效率优化", "efficiency optimisation", "状态监测", "condition monitoring",
							"疲劳载荷分析", "fatigue load analysis", "无位置传感器控制", "sensorless control"),
					List.of("中国电机工程学报", "电工技术学报", "太阳能学报"),
					List.of("Renewable Energy", "Mechanical Systems and Signal Processing",
							"IEEE Transactions on Industrial Electronics"))),
			Map.entry(IndustryChain.ENGINEERING_MACHINERY, vocabulary(IndustryChain.ENGINEERING_MACHINERY, false,
					terms("混凝土泵车臂架", "concrete pump truck booms", "挖掘机液压系统", "excavator hydraulic systems", "履带起重机",
							"crawler cranes", "盾构机刀盘", "tunnel boring machine cutterheads"),
					terms("振动主动控制", "active vibration control", "能耗优化", "energy consumption optimisation", "疲劳寿命预测",
							"fatigue life prediction", "智能控制", "intelligent control", "故障诊断", "fault diagnosis"),
					List.of("机械工程学报", "中国机械工程", "液压与气动"),
					List.of("Automation in Construction", "Mechanism and Machine Theory"))),
			Map.entry(IndustryChain.ENERGY_STORAGE_MATERIALS,
					vocabulary(IndustryChain.ENERGY_STORAGE_MATERIALS, true,
							terms("锂离子电池高镍三元正极材料", "high-nickel cathodes for lithium-ion batteries", "磷酸铁锂正极材料",
									"lithium iron phosphate cathodes", "硫化物固态电解质", "sulfide solid-state electrolytes",
									"钠离子电池硬碳负极", "hard carbon anodes for sodium-ion batteries"),
							terms("电化学性能", "electrochemical performance", "表面包覆改性", "surface coating modification",
									"热稳定性", "thermal stability", "循环衰减机理", "capacity fading mechanisms"),
							List.of("储能科学与技术", "电源技术", "中国有色金属学报"),
							List.of("Journal of Power Sources", "Energy Storage Materials", "Electrochimica Acta"))),
			Map.entry(IndustryChain.BIOMEDICINE,
					vocabulary(IndustryChain.BIOMEDICINE, true,
							terms("中药复方制剂", "traditional Chinese medicine compound preparations", "单克隆抗体",
									"monoclonal antibodies", "肝癌靶向药物", "targeted drugs for hepatocellular carcinoma",
									"纳米药物递送系统", "nanoscale drug delivery systems"),
							terms("药效学评价", "pharmacodynamic evaluation", "质量控制", "quality control", "制备工艺优化",
									"preparation process optimisation", "体内代谢", "in vivo metabolism"),
							List.of("中国药学杂志", "中草药", "中南药学"),
							List.of("Journal of Ethnopharmacology", "Drug Delivery", "Frontiers in Pharmacology"))),
			Map.entry(IndustryChain.AUTOMOTIVE, vocabulary(IndustryChain.AUTOMOTIVE, false,
					terms("新能源汽车电池包", "electric vehicle battery packs", "白车身", "body-in-white structures", "汽车电驱动总成",
							"automotive electric drive assemblies", "智能网联汽车", "connected and automated vehicles"),
					terms("碰撞安全性", "crashworthiness", "热管理", "thermal management", "轻量化设计", "lightweight design",
							"NVH 性能", "NVH performance"),
					List.of("汽车工程", "中国公路学报"),
					List.of("SAE International Journal of Vehicle Dynamics",
							"IEEE Transactions on Vehicular Technology"))),
			Map.entry(IndustryChain.AEROSPACE, vocabulary(IndustryChain.AEROSPACE, false,
					terms("航空发动机涡轮叶片", "aero-engine turbine blades", "中小型航空发动机", "small and medium aero-engines",
							"通用飞机复合材料结构", "composite structures of general aviation aircraft", "直升机传动系统",
							"helicopter transmission systems"),
					terms("气膜冷却特性", "film cooling characteristics", "强度与寿命评估", "strength and life assessment", "气动设计",
							"aerodynamic design", "损伤容限分析", "damage tolerance analysis"),
					List.of("航空动力学报", "航空学报", "推进技术"),
					List.of("Aerospace Science and Technology", "Chinese Journal of Aeronautics"))),
			Map.entry(IndustryChain.NEW_MATERIALS, vocabulary(IndustryChain.NEW_MATERIALS, true,
					terms("超细晶硬质合金", "ultrafine-grained cemented carbides", "碳/碳复合材料", "carbon/carbon composites",
							"镍基高温合金", "nickel-based superalloys", "高熵合金涂层", "high-entropy alloy coatings"),
					terms("微观组织与力学性能", "microstructure and mechanical properties", "烧结工艺优化",
							"sintering process optimisation", "高温氧化行为", "high-temperature oxidation behaviour",
							"摩擦磨损性能", "friction and wear performance"),
					List.of("粉末冶金材料科学与工程", "材料导报", "中国有色金属学报"),
					List.of("Materials Science and Engineering: A",
							"International Journal of Refractory Metals and Hard Materials",
							"Journal of Alloys and Compounds"))),
			Map.entry(IndustryChain.MINING_EQUIPMENT,
					vocabulary(IndustryChain.MINING_EQUIPMENT, false,
							terms("矿用自卸车", "mining dump trucks", "煤矿掘进机", "roadheaders", "矿用电机车",
									"mine electric locomotives", "液压支架", "hydraulic roof supports"),
							terms("智能化控制", "intelligent control", "可靠性分析", "reliability analysis", "截割载荷识别",
									"cutting load identification", "节能驱动", "energy-saving drives"),
							List.of("煤炭学报", "矿山机械", "工矿自动化"),
							List.of("International Journal of Mining Science and Technology",
									"Tunnelling and Underground Space Technology"))),
			Map.entry(IndustryChain.FOOD_AND_AGRICULTURE,
					vocabulary(IndustryChain.FOOD_AND_AGRICULTURE, true,
							terms("湘莲", "Xiang lotus seeds", "槟榔", "areca nuts", "湘潭辣椒", "Xiangtan chili peppers",
									"优质稻米", "high-quality rice"),
							terms("品质检测", "quality inspection", "加工工艺优化", "processing optimisation", "风味物质分析",
									"flavour compound analysis", "贮藏保鲜", "storage and preservation"),
							List.of("食品科学", "食品与机械", "中国粮油学报"),
							List.of("Food Chemistry", "LWT - Food Science and Technology"))));

	private static final List<IndustryChain> VOCABULARY_CHAINS = VOCABULARIES.keySet().stream().sorted().toList();

	private static final List<String> ZH_CONFERENCES = List.of("中国机械工程学会年会", "中国电工技术学会学术年会", "全国粉末冶金学术会议", "中国轨道交通学术会议",
			"长株潭一体化创新发展论坛");

	private static final List<String> EN_CONFERENCES = List.of("IEEE Energy Conversion Congress and Exposition",
			"International Conference on Electrical Machines and Systems", "ASME Turbo Expo",
			"International Conference on Railway Engineering");

	private static final List<Term> SURNAMES = terms("王", "Wang", "李", "Li", "张", "Zhang", "刘", "Liu", "陈", "Chen", "杨",
			"Yang", "黄", "Huang", "赵", "Zhao", "周", "Zhou", "吴", "Wu", "彭", "Peng", "谭", "Tan", "罗", "Luo", "唐", "Tang",
			"曾", "Zeng", "邓", "Deng", "龙", "Long", "胡", "Hu", "贺", "He", "蒋", "Jiang", "欧阳", "Ouyang", "易", "Yi", "谢",
			"Xie", "肖", "Xiao");

	private static final List<Term> GIVEN = terms("伟", "Wei", "芳", "Fang", "敏", "Min", "静", "Jing", "磊", "Lei", "洋",
			"Yang", "勇", "Yong", "军", "Jun", "杰", "Jie", "娟", "Juan", "涛", "Tao", "明", "Ming", "超", "Chao", "华", "Hua",
			"强", "Qiang", "平", "Ping", "辉", "Hui", "婷", "Ting", "志", "Zhi", "湘", "Xiang", "宇", "Yu", "晨", "Chen", "浩",
			"Hao", "雪", "Xue", "建", "Jian", "林", "Lin", "海", "Hai", "鹏", "Peng", "丽", "Li", "斌", "Bin");

	private static FinancingProduct product(FinancingKind kind, String zh, String en, String tag, Set<Stage> stages,
			long minWan, long maxWan, String terms, String requirements, String... publishers) {
		return new FinancingProduct(kind, zh, en, tag, stages, minWan, maxWan, terms, requirements,
				List.of(publishers));
	}

	private static final List<FinancingProduct> FINANCING_PRODUCTS = List.of(
			product(FinancingKind.VC_PE_FUND, "{chain}产业投资基金", "{chain} Industry Investment Fund", "产业基金",
					EnumSet.of(Stage.GROWTH, Stage.MATURE, Stage.PRE_IPO), 1000, 20000,
					"单笔投资 {min}–{max} 万元；基金存续期 7 年（5+2）；可领投或跟投，一般不谋求控股",
					"主营业务属于目标产业链，近一年营业收入不低于 3000 万元，核心技术具有自主知识产权，团队稳定。", "xiangjiang-vc", "zz-rail-fund",
					"czt-guidance-fund"),
			product(FinancingKind.VC_PE_FUND, "{chain}早期创投基金", "{chain} Early-stage Venture Fund", "创业投资",
					EnumSet.of(Stage.START_UP, Stage.GROWTH), 300, 3000, "单笔投资 {min}–{max} 万元；投资期 4 年；可投后提供产业资源对接",
					"成立 5 年以内的科技型企业，拥有核心专利或关键技术，产品已有样机或早期客户。", "xiangjiang-vc", "zz-rail-fund", "czt-guidance-fund"),
			product(FinancingKind.ANGEL, "科技人才天使投资计划（{chain}）", "Angel Investment Programme for Tech Talent ({chain})",
					"天使投资", EnumSet.of(Stage.SEED, Stage.START_UP), 50, 500, "单笔投资 {min}–{max} 万元；以股权或可转债方式投资；提供创业导师辅导",
					"创始团队中有高校、院所科研人员或高层次人才，项目源自职务科技成果或自主研发。", "czt-angels", "xiangjiang-vc"),
			product(FinancingKind.BANK_LOAN, "科技贷（{chain}专项）", "Sci-Tech Loan ({chain})", "科技贷",
					EnumSet.of(Stage.START_UP, Stage.GROWTH, Stage.MATURE), 100, 3000,
					"额度 {min}–{max} 万元；年利率 {rate}% 起（参考一年期 LPR）；期限 1–3 年；可信用或知识产权质押",
					"经认定的高新技术企业或科技型中小企业，纳税及征信记录良好，研发投入占营业收入 3% 以上。", "czt-tech-bank", "liancheng-sci-finance"),
			product(FinancingKind.BANK_LOAN, "知识产权质押贷款", "IP-Pledged Loan", "知识产权质押",
					EnumSet.of(Stage.START_UP, Stage.GROWTH), 100, 2000,
					"额度 {min}–{max} 万元；年利率 {rate}% 起；以发明专利、商标等质押，享受贴息政策", "拥有有效发明专利或注册商标且权属清晰，经评估机构出具价值评估报告。",
					"czt-tech-bank", "liancheng-sci-finance"),
			product(FinancingKind.GUARANTEE, "科技型中小企业融资担保", "Financing Guarantee for Tech SMEs", "融资担保",
					EnumSet.of(Stage.START_UP, Stage.GROWTH, Stage.MATURE), 100, 2000,
					"担保额度 {min}–{max} 万元；担保费率年化 1.0%–1.5%；弱化反担保要求", "科技型中小企业，主营业务突出，无重大不良信用记录。", "hunan-sci-guarantee",
					"liancheng-sci-finance"),
			product(FinancingKind.GOVERNMENT_PROGRAMME, "长株潭科技创新券（{chain}）", "CZT Innovation Voucher ({chain})",
					"科技创新券", EnumSet.of(Stage.SEED, Stage.START_UP, Stage.GROWTH), 1, 50,
					"每家企业每年最高 {max} 万元；可用于购买平台上的仪器机时、检测与技术服务，跨市使用同样有效", "在长沙、株洲、湘潭注册的科技型中小企业或创业团队，通过平台下单并完成服务评价。",
					"yuelu-science-park", "tianyuan-hitech-park", "shaofeng-hitech-park", "chang-tan-enclave-park"),
			product(FinancingKind.GOVERNMENT_PROGRAMME, "企业研发费用后补助", "Post-R&D Expense Subsidy", "研发奖补",
					EnumSet.of(Stage.START_UP, Stage.GROWTH, Stage.MATURE), 10, 500,
					"按上年度研发投入增量给予补助，单家企业 {min}–{max} 万元", "按规定归集研发费用并享受加计扣除政策的园区企业。", "yuelu-science-park",
					"xingsha-mfg-park", "tianyuan-hitech-park", "shaofeng-hitech-park", "chang-tan-enclave-park"),
			product(FinancingKind.GOVERNMENT_PROGRAMME, "首台（套）重大技术装备保险补偿",
					"First-of-its-kind Equipment Insurance Compensation", "首台套", EnumSet.of(Stage.GROWTH, Stage.MATURE),
					50, 1000, "按保费的 80% 给予补偿，单个项目 {min}–{max} 万元", "产品列入首台（套）重大技术装备推广应用指导目录，并已投保综合险。",
					"xingsha-mfg-park", "tianyuan-hitech-park", "shaofeng-hitech-park", "czt-guidance-fund"),
			product(FinancingKind.LISTING_SERVICE, "上市培育与辅导服务", "IPO Incubation and Coaching", "上市服务",
					EnumSet.of(Stage.GROWTH, Stage.MATURE, Stage.PRE_IPO), 0, 0, "提供股改规范、财务梳理、券商与律所对接及上市路演辅导，培育期内服务免费",
					"拟在科创板、创业板或北交所上市的科技型企业，近两年营业收入持续增长。", "czt-capital-market"),
			product(FinancingKind.LISTING_SERVICE, "区域性股权市场挂牌服务", "Regional Equity Market Listing Service", "股权挂牌",
					EnumSet.of(Stage.START_UP, Stage.GROWTH), 0, 0, "协助企业在区域性股权市场科技创新专板挂牌展示，对接投资机构与路演活动",
					"在长株潭地区注册、具有持续经营能力的科技型企业。", "czt-capital-market"));

	private static final Map<Qualification, String> QUALIFICATION_NAMES = Map.of(Qualification.HIGH_TECH_ENTERPRISE,
			"高新技术企业", Qualification.TECH_SME, "科技型中小企业", Qualification.SPECIALISED_SME, "专精特新中小企业",
			Qualification.LITTLE_GIANT, "专精特新“小巨人”企业", Qualification.MANUFACTURING_CHAMPION, "制造业单项冠军企业");

	private static final List<NeedShape> NEED_SHAPES = List.of(
			new NeedShape(TechNeedDetails.NeedType.PROBLEM_SOLVING, "{subject}技术攻关", "breakthrough wanted: {subject}",
					"现面向高校、科研院所征集技术攻关方案，", "invites universities and institutes to solve",
					List.of(DealMode.JOINT_DEVELOPMENT, DealMode.SERVICE), 4, 20, 300),
			new NeedShape(TechNeedDetails.NeedType.JOINT_DEVELOPMENT, "{subject}合作研发",
					"joint R&D partner wanted: {subject}", "希望与高校、科研院所共建联合研发团队，",
					"seeks a partner for joint research and development on",
					List.of(DealMode.JOINT_DEVELOPMENT, DealMode.EQUITY_CONTRIBUTION), 3, 50, 800),
			new NeedShape(TechNeedDetails.NeedType.LICENCE_IN, "引进{subject}技术", "technology to license in: {subject}",
					"拟引进成熟技术，获得专利实施许可或转让，", "wants to license or buy proven technology for",
					List.of(DealMode.LICENCE, DealMode.TRANSFER), 6, 100, 1500),
			new NeedShape(TechNeedDetails.NeedType.COMMISSIONED_DEVELOPMENT, "委托开发：{subject}",
					"commissioned development: {subject}", "拟委托具备条件的团队完成开发并交付可验收的成果，",
					"commissions a team to develop a solution for", List.of(DealMode.SERVICE, DealMode.TRANSFER), 4, 30,
					500),
			new NeedShape(TechNeedDetails.NeedType.CONSULTING, "{subject}技术咨询", "technical advice wanted: {subject}",
					"希望邀请领域专家提供技术咨询与方案论证，", "asks experts for technical advice on", List.of(DealMode.SERVICE), 0, 5,
					50));

	private static final List<String> NEED_PROBLEMS = List.of("现有方案难以满足新一代产品的要求", "受制于进口技术，成本居高不下", "批量生产中一致性不足、良品率偏低",
			"客户对关键指标提出了更高要求", "缺少成熟的工程化方案", "试验验证手段不足，研发周期偏长");

}
