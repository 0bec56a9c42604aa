package cn.cztexchange.catalog;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.cztexchange.identity.City;

/**
 * The columns of a bulk import, kind by kind — the fields of {@link EntryContent}
 * flattened, money in yuan — and how one row becomes content. Lists are separated by
 * {@code ;} (or the full-width {@code ；}); enums take their names in any case (cities
 * also their Chinese names); yes/no cells take true/false, yes/no, 是/否, 1/0.
 */
final class ImportTemplate {

	static final List<String> COMMON = List.of("titleZh", "titleEn", "summaryZh", "summaryEn", "city", "district",
			"industryChains", "tags", "lat", "lon", "contactName", "contactPhone", "contactEmail");

	private static final Map<ResourceKind, List<String>> OWN = Map.of(ResourceKind.INSTRUMENT,
			List.of("model", "manufacturer", "countryOfManufacture", "category", "mainFunctions", "specifications",
					"lab", "address", "purchaseValueYuan", "serviceModes", "internalPriceYuan", "internalPriceUnit",
					"externalPriceYuan", "externalPriceUnit", "trainingRequired", "approvalRequired",
					"operatingStatus"),
			ResourceKind.SERVICE,
			List.of("serviceType", "scope", "accreditations", "turnaroundDays", "priceYuan", "priceUnit"),
			ResourceKind.LITERATURE,
			List.of("authors", "keywords", "year", "source", "doi", "language", "access", "link"),
			ResourceKind.TECH_OFFERING, List.of("ipType", "ipNumbers", "trl", "dealModes", "askingPriceYuan"),
			ResourceKind.FINANCING,
			List.of("financingKind", "institution", "stages", "ticketMinYuan", "ticketMaxYuan", "region", "terms",
					"requirements", "cities", "requiredQualifications"),
			ResourceKind.TECH_NEED,
			List.of("needType", "budgetMinYuan", "budgetMaxYuan", "deadline", "dealModes", "minTrl"));

	private static final Map<ResourceKind, List<String>> REQUIRED = Map.of(ResourceKind.INSTRUMENT,
			List.of("category", "mainFunctions", "serviceModes", "operatingStatus"), ResourceKind.SERVICE,
			List.of("serviceType", "scope"), ResourceKind.LITERATURE, List.of("authors", "year", "source", "access"),
			ResourceKind.TECH_OFFERING, List.of("ipType", "trl", "dealModes"), ResourceKind.FINANCING,
			List.of("financingKind", "institution", "stages"), ResourceKind.TECH_NEED,
			List.of("needType", "dealModes"));

	private static final Map<String, City> CITY_NAMES = Map.of("长沙", City.CHANGSHA, "长沙市", City.CHANGSHA, "株洲",
			City.ZHUZHOU, "株洲市", City.ZHUZHOU, "湘潭", City.XIANGTAN, "湘潭市", City.XIANGTAN);

	private static final Pattern DATE = Pattern
		.compile("^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?$");

	private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "是", "需要", "√");

	private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "否", "不需要", "×");

	private ImportTemplate() {
	}

	/** Every column of the kind, in template order. */
	static List<String> columns(ResourceKind kind) {
		return Stream.concat(COMMON.stream(), OWN.get(kind).stream()).toList();
	}

	/** The columns a file must have (its cells may still be blank where optional). */
	static List<String> requiredColumns(ResourceKind kind) {
		return Stream.concat(Stream.of("titleZh", "summaryZh", "city"), REQUIRED.get(kind).stream()).toList();
	}

	/**
	 * One realistic row, in the order of {@link #columns}; dates in it lie ahead of
	 * {@code today}, so that the example always passes.
	 */
	static List<String> example(ResourceKind kind, LocalDate today) {
		List<String> common = new ArrayList<>(List.of("示例：" + exampleTitle(kind), "Example: " + kind.name(),
				"请用一两句话说明它能做什么、适合谁。", "", "CHANGSHA", "岳麓区", "NEW_MATERIALS;BIOMEDICINE", "示例;共享", "28.17", "112.93",
				"张老师", "0731-88880000", "contact@example.com"));
		common.addAll(switch (kind) {
			case INSTRUMENT -> List.of("7900", "Agilent", "美国", "ANALYTICAL", "痕量元素分析", "检出限 ppt 级", "分析测试中心",
					"长沙市岳麓区麓山南路 1 号", "1200000.00", "SAMPLE_SUBMISSION;MACHINE_TIME", "300.00", "PER_HOUR", "800.00",
					"PER_SAMPLE", "是", "否", "IN_SERVICE");
			case SERVICE -> List.of("TESTING", "金属材料力学性能检测", "CMA:2019180001;CNAS:L1234", "5", "500.00", "PER_SAMPLE");
			case LITERATURE -> List.of("张三;李四", "储能;锂电池", "2024", "JOURNAL", "10.1000/xyz123", "zh", "OPEN",
					"https://example.com/paper");
			case TECH_OFFERING -> List.of("INVENTION_PATENT", "ZL202310000000.0", "6", "TRANSFER;LICENCE", "500000.00");
			case FINANCING -> List.of("VC_PE_FUND", "示例创投基金", "START_UP;GROWTH", "1000000.00", "20000000.00", "长株潭",
					"股权投资", "高新技术企业", "长沙;株洲;湘潭", "HIGH_TECH_ENTERPRISE");
			case TECH_NEED -> List.of("JOINT_DEVELOPMENT", "500000.00", "2000000.00",
					today.plusMonths(6).withDayOfMonth(1).minusDays(1).toString(), "JOINT_DEVELOPMENT;LICENCE", "6");
		});
		return common;
	}

	private static String exampleTitle(ResourceKind kind) {
		return switch (kind) {
			case INSTRUMENT -> "电感耦合等离子体质谱仪";
			case SERVICE -> "金属材料力学性能检测";
			case LITERATURE -> "锂电池储能材料研究进展";
			case TECH_OFFERING -> "一种高强度铝合金制备方法";
			case FINANCING -> "科技型中小企业创投基金";
			case TECH_NEED -> "高速列车牵引电机温升在线监测技术需求";
		};
	}

	/**
	 * The column a Bean Validation property path of {@link EntryContent} (or a
	 * {@code content.}-prefixed field of the service's own checks) came from.
	 */
	static String column(String path) {
		String plain = path.replaceAll("\\[[^]]*]", "").replaceAll("\\.<[^>]*>", "");
		List<String> segments = new ArrayList<>(Arrays.asList(plain.split("\\.")));
		segments.removeIf(String::isEmpty);
		if (!segments.isEmpty() && segments.get(0).equals("content")) {
			segments.remove(0);
		}
		if (!segments.isEmpty() && Arrays.stream(ResourceKind.values())
			.anyMatch((kind) -> CatalogService.fieldName(kind).equals(segments.get(0)))) {
			segments.remove(0);
		}
		if (segments.isEmpty()) {
			return "";
		}
		String first = segments.get(0);
		String second = (segments.size() > 1) ? segments.get(1) : null;
		if (first.equals("location")) {
			return (second != null) ? second : "lat";
		}
		if (first.equals("contact") && second != null) {
			return "contact" + Character.toUpperCase(second.charAt(0)) + second.substring(1);
		}
		if ("amountFen".equals(second)) {
			return first + "Yuan";
		}
		if ("unit".equals(second)) {
			return first + "Unit";
		}
		if (first.endsWith("Fen")) {
			return first.substring(0, first.length() - 3) + "Yuan";
		}
		return first;
	}

	/** The row as content of the kind; bad cells are added to {@code cells}' errors. */
	static EntryContent content(ResourceKind kind, Cells cells) {
		EntryContent.Location location = (cells.blank("lat") && cells.blank("lon")) ? null
				: new EntryContent.Location(cells.decimal("lat"), cells.decimal("lon"));
		EntryContent.Contact contact = (cells.blank("contactName") && cells.blank("contactPhone")
				&& cells.blank("contactEmail")) ? null
						: new EntryContent.Contact(cells.text("contactName"), cells.text("contactPhone"),
								cells.text("contactEmail"));
		return new EntryContent(cells.text("titleZh"), cells.text("titleEn"), cells.text("summaryZh"),
				cells.text("summaryEn"), cells.city("city"), cells.text("district"),
				cells.enumList("industryChains", IndustryChain.class), cells.list("tags"), location, contact,
				(kind == ResourceKind.INSTRUMENT) ? instrument(cells) : null,
				(kind == ResourceKind.SERVICE) ? service(cells) : null,
				(kind == ResourceKind.LITERATURE) ? literature(cells) : null,
				(kind == ResourceKind.TECH_OFFERING) ? techOffering(cells) : null,
				(kind == ResourceKind.FINANCING) ? financing(cells) : null,
				(kind == ResourceKind.TECH_NEED) ? techNeed(cells) : null, null);
	}

	private static InstrumentDetails instrument(Cells cells) {
		return new InstrumentDetails(cells.text("model"), cells.text("manufacturer"),
				cells.text("countryOfManufacture"), cells.enumValue("category", InstrumentDetails.Category.class),
				cells.text("mainFunctions"), cells.text("specifications"), cells.text("lab"), cells.text("address"),
				cells.fen("purchaseValueYuan"), cells.enumSet("serviceModes", InstrumentDetails.ServiceMode.class),
				cells.price("internalPrice"), cells.price("externalPrice"), cells.bool("trainingRequired"),
				cells.bool("approvalRequired"),
				cells.enumValue("operatingStatus", InstrumentDetails.OperatingStatus.class));
	}

	private static ServiceDetails service(Cells cells) {
		return new ServiceDetails(cells.enumValue("serviceType", ServiceDetails.ServiceType.class), cells.text("scope"),
				cells.accreditations("accreditations"), cells.integer("turnaroundDays"), cells.price("price"));
	}

	private static LiteratureDetails literature(Cells cells) {
		String language = cells.text("language");
		return new LiteratureDetails(cells.list("authors"), cells.list("keywords"), cells.integer("year"),
				cells.enumValue("source", LiteratureDetails.Source.class), cells.text("doi"),
				(language != null) ? language.toLowerCase(Locale.ROOT) : null,
				cells.enumValue("access", LiteratureDetails.Access.class), cells.text("link"));
	}

	private static TechOfferingDetails techOffering(Cells cells) {
		return new TechOfferingDetails(cells.enumValue("ipType", TechOfferingDetails.IpType.class),
				cells.list("ipNumbers"), cells.integer("trl"),
				cells.enumSet("dealModes", TechOfferingDetails.DealMode.class), cells.fen("askingPriceYuan"));
	}

	private static FinancingDetails financing(Cells cells) {
		return new FinancingDetails(cells.enumValue("financingKind", FinancingDetails.FinancingKind.class),
				cells.text("institution"), cells.enumSet("stages", FinancingDetails.Stage.class),
				cells.fen("ticketMinYuan"), cells.fen("ticketMaxYuan"), cells.text("region"), cells.text("terms"),
				cells.text("requirements"), cells.cities("cities"),
				cells.enumSet("requiredQualifications", Qualification.class));
	}

	private static TechNeedDetails techNeed(Cells cells) {
		return new TechNeedDetails(cells.enumValue("needType", TechNeedDetails.NeedType.class),
				cells.fen("budgetMinYuan"), cells.fen("budgetMaxYuan"), cells.date("deadline"),
				cells.enumSet("dealModes", TechOfferingDetails.DealMode.class), cells.integer("minTrl"));
	}

	/**
	 * One row's cells by column name, and the errors met while reading them: at most one
	 * per column.
	 */
	static final class Cells {

		private final Map<String, String> values;

		private final Map<String, String> errors;

		Cells(Map<String, String> values, Map<String, String> errors) {
			this.values = values;
			this.errors = errors;
		}

		boolean blank(String column) {
			return text(column) == null;
		}

		String text(String column) {
			String value = this.values.get(column);
			return (value == null || value.isBlank()) ? null : value.strip();
		}

		List<String> list(String column) {
			String value = text(column);
			if (value == null) {
				return null;
			}
			return Arrays.stream(value.split("[;；]")).map(String::strip).filter((item) -> !item.isEmpty()).toList();
		}

		Double decimal(String column) {
			String value = text(column);
			if (value == null) {
				return null;
			}
			try {
				return new BigDecimal(value).doubleValue();
			}
			catch (NumberFormatException ex) {
				return error(column, "must be a number, such as 28.17");
			}
		}

		Integer integer(String column) {
			String value = text(column);
			if (value == null) {
				return null;
			}
			try {
				return new BigDecimal(value).stripTrailingZeros().intValueExact();
			}
			catch (ArithmeticException | NumberFormatException ex) {
				return error(column, "must be a whole number");
			}
		}

		/** An amount in yuan, with at most two decimals, as fen. */
		Long fen(String column) {
			String value = text(column);
			if (value == null) {
				return null;
			}
			String plain = value.replaceAll("[,，\\s]", "").replaceFirst("^[¥￥]", "").replaceFirst("元$", "");
			try {
				BigDecimal yuan = new BigDecimal(plain);
				if (yuan.stripTrailingZeros().scale() > 2) {
					return error(column, "must be an amount in yuan with at most 2 decimals");
				}
				return yuan.movePointRight(2).longValueExact();
			}
			catch (ArithmeticException | NumberFormatException ex) {
				return error(column, "must be an amount in yuan, such as 1200.50");
			}
		}

		Boolean bool(String column) {
			String value = text(column);
			if (value == null) {
				return null;
			}
			String normalised = value.toLowerCase(Locale.ROOT);
			if (TRUE.contains(normalised)) {
				return true;
			}
			if (FALSE.contains(normalised)) {
				return false;
			}
			return error(column, "must be true or false (是 or 否)");
		}

		/**
		 * A date written year first: 2026-12-31, 2026/12/31, 2026.12.31 or 2026年12月31日 (a
		 * date cell formatted so in Excel reads the same).
		 */
		LocalDate date(String column) {
			String value = text(column);
			if (value == null) {
				return null;
			}
			Matcher date = DATE.matcher(value);
			if (date.matches()) {
				try {
					return LocalDate.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)),
							Integer.parseInt(date.group(3)));
				}
				catch (DateTimeException ex) {
					// answered below
				}
			}
			return error(column, "must be a date such as 2026-12-31");
		}

		City city(String column) {
			String value = text(column);
			if (value != null && CITY_NAMES.containsKey(value)) {
				return CITY_NAMES.get(value);
			}
			return enumValue(column, City.class);
		}

		/** Cities, by name or in Chinese, separated by ; as every list. */
		Set<City> cities(String column) {
			List<String> items = list(column);
			if (items == null) {
				return null;
			}
			Set<City> cities = EnumSet.noneOf(City.class);
			for (String item : items) {
				City city = CITY_NAMES.containsKey(item) ? CITY_NAMES.get(item) : parse(column, item, City.class);
				if (city == null) {
					return null;
				}
				cities.add(city);
			}
			return cities;
		}

		<E extends Enum<E>> E enumValue(String column, Class<E> type) {
			String value = text(column);
			return (value != null) ? parse(column, value, type) : null;
		}

		<E extends Enum<E>> List<E> enumList(String column, Class<E> type) {
			List<String> items = list(column);
			if (items == null) {
				return null;
			}
			List<E> values = new ArrayList<>();
			for (String item : items) {
				E value = parse(column, item, type);
				if (value == null) {
					return null;
				}
				values.add(value);
			}
			return values;
		}

		<E extends Enum<E>> Set<E> enumSet(String column, Class<E> type) {
			List<E> values = enumList(column, type);
			return (values != null) ? (values.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(values)) : null;
		}

		EntryContent.Price price(String prefix) {
			if (blank(prefix + "Yuan") && blank(prefix + "Unit")) {
				return null;
			}
			return new EntryContent.Price(fen(prefix + "Yuan"),
					enumValue(prefix + "Unit", EntryContent.PriceUnit.class));
		}

		List<ServiceDetails.Accreditation> accreditations(String column) {
			List<String> items = list(column);
			if (items == null) {
				return null;
			}
			List<ServiceDetails.Accreditation> accreditations = new ArrayList<>();
			for (String item : items) {
				String[] parts = item.split("[:：]", 2);
				if (parts.length != 2) {
					return error(column, "must list SCHEME:number items such as CMA:2019180001, separated by ;");
				}
				ServiceDetails.Accreditation.Scheme scheme = parse(column, parts[0].strip(),
						ServiceDetails.Accreditation.Scheme.class);
				if (scheme == null) {
					return null;
				}
				accreditations.add(new ServiceDetails.Accreditation(scheme, parts[1].strip()));
			}
			return accreditations;
		}

		private <E extends Enum<E>> E parse(String column, String value, Class<E> type) {
			String name = value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
			for (E constant : type.getEnumConstants()) {
				if (constant.name().equals(name)) {
					return constant;
				}
			}
			return error(column,
					"must be one of "
							+ Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))
							+ " ('" + value.strip() + "' is not)");
		}

		private <T> T error(String column, String message) {
			this.errors.putIfAbsent(column, message);
			return null;
		}

	}

	/** The header's columns that the kind does not know, in file order. */
	static Set<String> unknown(ResourceKind kind, List<String> header) {
		Set<String> known = Set.copyOf(columns(kind));
		Set<String> unknown = new LinkedHashSet<>();
		header.stream()
			.filter((name) -> !name.isEmpty() && !known.contains(canonical(kind, name)))
			.forEach(unknown::add);
		return unknown;
	}

	/** The column's name as the template spells it, whatever its case in the file. */
	static String canonical(ResourceKind kind, String name) {
		String stripped = name.strip();
		return columns(kind).stream()
			.filter((column) -> column.equalsIgnoreCase(stripped))
			.findFirst()
			.orElse(stripped);
	}

}
