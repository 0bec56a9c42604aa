package cn.cztexchange.catalog;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.cztexchange.catalog.DemoCatalogGenerator.DemoEntry;
import cn.cztexchange.catalog.DemoCatalogGenerator.DemoOrganisation;
import cn.cztexchange.catalog.FinancingDetails.FinancingKind;
import cn.cztexchange.catalog.InstrumentDetails.OperatingStatus;
import cn.cztexchange.identity.City;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo catalogue must be accepted by the same validation a publisher's form meets, or
 * loading it would fail half-way; plain JUnit, since none of it needs Spring.
 */
class DemoCatalogGeneratorTests {

	private static ValidatorFactory validatorFactory;

	private static Validator validator;

	private static List<DemoEntry> defaults;

	@BeforeAll
	static void generateDefaults() {
		validatorFactory = Validation.buildDefaultValidatorFactory();
		validator = validatorFactory.getValidator();
		defaults = DemoCatalogGenerator.entries(42).toList();
	}

	@AfterAll
	static void closeValidator() {
		validatorFactory.close();
	}

	@Test
	void organisationsAreLabelledDemoDataWithUniqueKeys() {
		List<DemoOrganisation> organisations = DemoCatalogGenerator.organisations();
		assertThat(organisations).hasSizeBetween(25, 40);
		assertThat(organisations).extracting(DemoOrganisation::key).doesNotHaveDuplicates();
		assertThat(organisations).allSatisfy((organisation) -> {
			assertThat(organisation.nameZh()).endsWith("（演示）");
			assertThat(organisation.nameEn()).endsWith(" (demo)");
			assertThat(organisation.cities()).isNotEmpty();
			assertThat(organisation.district()).isNotBlank();
			assertThat(organisation.typeName()).isIn("UNIVERSITY", "RESEARCH_INSTITUTE", "FIRM", "PARK", "INVESTOR");
		});
		assertThat(organisations).extracting(DemoOrganisation::typeName)
			.contains("UNIVERSITY", "RESEARCH_INSTITUTE", "FIRM", "PARK", "INVESTOR");
		assertThat(organisations).filteredOn((organisation) -> organisation.typeName().equals("PARK"))
			.anySatisfy((park) -> assertThat(park.cities()).hasSizeGreaterThan(1));
		assertThat(organisations).flatExtracting(DemoOrganisation::cities)
			.contains(City.CHANGSHA, City.ZHUZHOU, City.XIANGTAN);
	}

	@Test
	void defaultCountsGenerateThatManyOfEachKind() {
		Map<ResourceKind, Long> counts = defaults.stream()
			.collect(Collectors.groupingBy(DemoEntry::kind, () -> new EnumMap<>(ResourceKind.class),
					Collectors.counting()));
		assertThat(counts).containsExactlyInAnyOrderEntriesOf(
				Map.of(ResourceKind.INSTRUMENT, 600L, ResourceKind.SERVICE, 200L, ResourceKind.LITERATURE, 300L,
						ResourceKind.TECH_OFFERING, 200L, ResourceKind.FINANCING, 150L, ResourceKind.TECH_NEED, 100L));
		assertThat(defaults.subList(1450, 1550)).extracting(DemoEntry::kind).containsOnly(ResourceKind.TECH_NEED);
	}

	@Test
	void everyEntryPassesBeanValidation() {
		assertThat(defaults).allSatisfy((entry) -> {
			Set<ConstraintViolation<EntryContent>> violations = validator.validate(entry.content());
			assertThat(violations).as("violations of %s", entry.content().titleZh()).isEmpty();
		});
	}

	@Test
	void everyEntryHasTheDetailsOfItsOwnKindOnly() {
		assertThat(defaults).allSatisfy((entry) -> {
			for (ResourceKind kind : ResourceKind.values()) {
				if (kind == entry.kind()) {
					assertThat(entry.content().detailsOf(kind)).isNotNull();
				}
				else {
					assertThat(entry.content().detailsOf(kind)).isNull();
				}
			}
		});
	}

	@Test
	void everyEntryBelongsToAKnownOrganisationInItsCity() {
		Map<String, DemoOrganisation> organisations = DemoCatalogGenerator.organisations()
			.stream()
			.collect(Collectors.toMap(DemoOrganisation::key, Function.identity()));
		assertThat(defaults).allSatisfy((entry) -> {
			assertThat(organisations).containsKey(entry.organisationKey());
			assertThat(organisations.get(entry.organisationKey()).cities()).contains(entry.content().city());
		});
	}

	@Test
	void everyLocationLiesInTheCztArea() {
		assertThat(defaults).allSatisfy((entry) -> {
			EntryContent.Location location = entry.content().location();
			assertThat(location).isNotNull();
			assertThat(location.lat()).isBetween(26.0, 29.5);
			assertThat(location.lon()).isBetween(111.5, 114.5);
		});
	}

	@Test
	void kindSpecificValuesArePlausible() {
		assertThat(defaults).allSatisfy((entry) -> {
			EntryContent content = entry.content();
			assertThat(content.industryChains()).isNotEmpty();
			switch (entry.kind()) {
				case INSTRUMENT -> {
					assertThat(content.instrument().serviceModes()).isNotEmpty();
					assertThat(content.instrument().purchaseValueFen()).isBetween(100_000_000L, 3_000_000_000L);
					assertThat(content.instrument().externalPrice().amountFen()).isPositive();
				}
				case LITERATURE -> {
					assertThat(content.literature().year()).isBetween(1990, 2026);
					assertThat(content.literature().language()).isIn("zh", "en");
					if (content.literature().doi() != null) {
						assertThat(content.literature().doi()).matches("^10\\.\\d{4,9}/[a-z]+\\.\\d{4}\\.\\d{4}$");
					}
				}
				case TECH_OFFERING -> {
					assertThat(content.techOffering().trl()).isBetween(1, 9);
					assertThat(content.techOffering().ipNumbers())
						.allSatisfy((number) -> assertThat(number).matches("^(ZL\\d{12}\\.[0-9X]|\\d{4}SR\\d{7})$"));
				}
				case FINANCING -> {
					FinancingDetails financing = content.financing();
					if (financing.ticketMinFen() != null && financing.ticketMaxFen() != null) {
						assertThat(financing.ticketMinFen()).isLessThanOrEqualTo(financing.ticketMaxFen());
					}
				}
				case TECH_NEED -> {
					TechNeedDetails need = content.techNeed();
					assertThat(need.dealModes()).isNotEmpty();
					if (need.budgetMinFen() != null) {
						assertThat(need.budgetMaxFen()).isGreaterThanOrEqualTo(need.budgetMinFen());
					}
					if (need.minTrl() != null) {
						assertThat(need.minTrl()).isBetween(1, 9);
					}
					if (need.deadline() != null) {
						assertThat(need.deadline()).isBetween(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 12, 31));
					}
				}
				case SERVICE -> assertThat(content.service().turnaroundDays()).isPositive();
			}
		});
		long inService = defaults.stream()
			.filter((entry) -> entry.kind() == ResourceKind.INSTRUMENT)
			.filter((entry) -> entry.content().instrument().operatingStatus() == OperatingStatus.IN_SERVICE)
			.count();
		assertThat(inService).isGreaterThan(500);
	}

	@Test
	void financingCriteriaSayWhatTheEntrySaysAndMostAreOpen() {
		List<FinancingDetails> financing = defaults.stream()
			.filter((entry) -> entry.kind() == ResourceKind.FINANCING)
			.map((entry) -> entry.content().financing())
			.toList();
		Map<City, String> cityNames = Map.of(City.CHANGSHA, "长沙", City.ZHUZHOU, "株洲", City.XIANGTAN, "湘潭");
		assertThat(financing).allSatisfy((details) -> {
			if (details.cities() != null) {
				assertThat(details.cities()).isNotEmpty()
					.allSatisfy((city) -> assertThat(details.region()).contains(cityNames.get(city)));
			}
			if (details.requiredQualifications() != null) {
				assertThat(details.requiredQualifications()).isNotEmpty();
				assertThat(details.requirements()).contains("须具备");
			}
		});
		assertThat(financing.stream().filter((details) -> details.cities() == null).count())
			.isGreaterThan(financing.size() / 2);
		assertThat(financing.stream().filter((details) -> details.requiredQualifications() == null).count())
			.isGreaterThan(financing.size() * 3L / 4);
		assertThat(financing).filteredOn((details) -> details.financingKind() == FinancingKind.BANK_LOAN)
			.flatExtracting(FinancingDetails::qualificationsRequired)
			.contains(Qualification.HIGH_TECH_ENTERPRISE, Qualification.TECH_SME);
		assertThat(financing).filteredOn((details) -> details.financingKind() == FinancingKind.GOVERNMENT_PROGRAMME)
			.flatExtracting(FinancingDetails::qualificationsRequired)
			.contains(Qualification.SPECIALISED_SME, Qualification.LITTLE_GIANT);
	}

	@Test
	void technologyNeedsAreTheFirmsOwnInTheirIndustriesAndOfEveryType() {
		Map<String, DemoOrganisation> organisations = DemoCatalogGenerator.organisations()
			.stream()
			.collect(Collectors.toMap(DemoOrganisation::key, Function.identity()));
		List<DemoEntry> needs = defaults.stream().filter((entry) -> entry.kind() == ResourceKind.TECH_NEED).toList();
		assertThat(needs).allSatisfy((need) -> {
			assertThat(organisations.get(need.organisationKey()).typeName()).isEqualTo("FIRM");
			assertThat(need.content().tags()).contains("技术需求");
		});
		assertThat(needs).extracting((need) -> need.content().techNeed().needType())
			.containsAll(EnumSet.allOf(TechNeedDetails.NeedType.class));
		assertThat(needs.stream().map(DemoEntry::organisationKey).distinct().count()).isGreaterThanOrEqualTo(8);
		assertThat(needs.stream().map((need) -> need.content().titleZh()).distinct().count()).isGreaterThan(80);
		assertThat(needs.stream().filter((need) -> need.content().techNeed().deadline() != null).count()).isBetween(30L,
				80L);
	}

	@Test
	void titlesVaryAndMostHaveEnglish() {
		List<EntryContent> instruments = defaults.stream()
			.filter((entry) -> entry.kind() == ResourceKind.INSTRUMENT)
			.map(DemoEntry::content)
			.toList();
		assertThat(instruments.stream().map(EntryContent::titleZh).distinct().count()).isGreaterThan(200);
		assertThat(defaults.stream().filter((entry) -> entry.content().titleEn() != null).count())
			.isGreaterThan(defaults.size() * 7L / 10);
	}

	@Test
	void theSameSeedGivesTheSameEntries() {
		List<DemoEntry> first = DemoCatalogGenerator.entries(7, 50, 50, 50, 50, 50, 50).toList();
		List<DemoEntry> again = DemoCatalogGenerator.entries(7, 50, 50, 50, 50, 50, 50).toList();
		List<DemoEntry> other = DemoCatalogGenerator.entries(8, 50, 50, 50, 50, 50, 50).toList();
		assertThat(again).isEqualTo(first);
		assertThat(other).isNotEqualTo(first);
		assertThat(DemoCatalogGenerator.entries(42).limit(20).toList()).isEqualTo(defaults.subList(0, 20));
	}

	@Test
	void aHundredThousandEntriesStreamWithoutBeingHeld() {
		long count = DemoCatalogGenerator.entries(1, 40_000, 15_000, 20_000, 10_000, 10_000, 5_000)
			.filter((entry) -> entry.content().location() != null)
			.count();
		assertThat(count).isEqualTo(100_000);
	}

}
