package cn.cztexchange.catalog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.cztexchange.catalog.CatalogReader.PublishedEntry;
import cn.cztexchange.identity.OrganisationDirectory.OrganisationSummary;
import cn.cztexchange.identity.OrganisationType;

/**
 * The demo catalogue as published entries, without a database: for tests of other
 * features (the relevance suite) that need realistic entries in bulk. Ids are derived
 * from the position, so they are the same in every run.
 */
public final class DemoCatalogEntries {

	private DemoCatalogEntries() {
	}

	/** The catalogue the local run loads (1,450 entries). */
	public static Stream<PublishedEntry> defaultCatalogue() {
		Map<String, OrganisationSummary> owners = DemoCatalogGenerator.organisations()
			.stream()
			.collect(Collectors.toMap(DemoCatalogGenerator.DemoOrganisation::key,
					(o) -> new OrganisationSummary(id("organisation-" + o.key()), o.nameZh(), o.nameEn(), true,
							OrganisationType.valueOf(o.typeName())),
					(a, b) -> a));
		Instant publishedAt = Instant.parse("2026-11-01T00:00:00Z");
		long[] position = { 0 };
		Function<DemoCatalogGenerator.DemoEntry, PublishedEntry> published = (entry) -> {
			long at = position[0]++;
			return new PublishedEntry(id("entry-" + at), entry.kind(), owners.get(entry.organisationKey()),
					entry.content(), null, publishedAt.plusSeconds(at), 1);
		};
		return DemoCatalogGenerator.entries(DemoCatalog.SEED).map(published);
	}

	private static UUID id(String name) {
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
	}

}
