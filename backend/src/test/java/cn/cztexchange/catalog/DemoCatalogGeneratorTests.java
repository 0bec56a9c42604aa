package cn.cztexchange.catalog;

import java.util.EnumMap;
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
		assertThat(counts)
			.containsExactlyInAnyOrderEntriesOf(Map.of(ResourceKind.INSTRUMENT, 600L, ResourceKind.SERVICE, 200L,
					ResourceKind.LITERATURE, 300L, ResourceKind.TECH_OFFERING, 200L, ResourceKind.FINANCING, 150L));
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
		List<DemoEntry> first = DemoCatalogGenerator.entries(7, 50, 50, 50, 50, 50).toList();
		List<DemoEntry> again = DemoCatalogGenerator.entries(7, 50, 50, 50, 50, 50).toList();
		List<DemoEntry> other = DemoCatalogGenerator.entries(8, 50, 50, 50, 50, 50).toList();
		assertThat(again).isEqualTo(first);
		assertThat(other).isNotEqualTo(first);
		assertThat(DemoCatalogGenerator.entries(42).limit(20).toList()).isEqualTo(defaults.subList(0, 20));
	}

	@Test
	void aHundredThousandEntriesStreamWithoutBeingHeld() {
		long count = DemoCatalogGenerator.entries(1, 40_000, 15_000, 20_000, 15_000, 10_000)
			.filter((entry) -> entry.content().location() != null)
			.count();
		assertThat(count).isEqualTo(100_000);
	}

}
