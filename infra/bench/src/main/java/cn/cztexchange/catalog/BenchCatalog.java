package cn.cztexchange.catalog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import cn.cztexchange.catalog.CatalogReader.PublishedEntry;
import cn.cztexchange.catalog.DemoCatalogGenerator.DemoEntry;
import cn.cztexchange.catalog.DemoCatalogGenerator.DemoOrganisation;
import cn.cztexchange.identity.OrganisationDirectory.OrganisationSummary;
import cn.cztexchange.identity.OrganisationType;
import cn.cztexchange.text.AnalysedText;

/**
 * The benchmark's catalogue: the demo generator scaled to any size, with the kinds in the
 * demo's proportions (600:200:300:200:150), owned by the demo organisations that the
 * application creates when {@code app.demo.enabled} is on. Lives in the catalogue's
 * package only to reach the package-private generator.
 */
public final class BenchCatalog {

	private static final long SEED = 20261128L;

	private static final int[] DEMO_SHARES = { 600, 200, 300, 200, 150, 100 };

	private static final Map<String, OrganisationSummary> OWNERS = owners();

	private BenchCatalog() {
	}

	/**
	 * A generated, published entry.
	 *
	 * @param id its id, derived from its position
	 * @param kind its kind
	 * @param owner the demo organisation that offers it
	 * @param content its published content
	 * @param publishedAt when it was approved, spread over a year before the given time
	 */
	public record Entry(UUID id, ResourceKind kind, OrganisationSummary owner, EntryContent content,
			Instant publishedAt) {

		/**
		 * As the search indexer reads it.
		 * @param text its analysed text, as publishing it stores it
		 * @return the published entry
		 */
		public PublishedEntry published(AnalysedText text) {
			return new PublishedEntry(this.id, this.kind, this.owner, this.content, text, this.publishedAt, 1);
		}

	}

	/**
	 * {@code count} entries, lazily and deterministically.
	 * @param count how many
	 * @param newest the latest publication time
	 * @return the entries, the instruments first
	 */
	public static Stream<Entry> entries(int count, Instant newest) {
		int total = 0;
		for (int share : DEMO_SHARES) {
			total += share;
		}
		int[] counts = new int[DEMO_SHARES.length];
		int assigned = 0;
		for (int i = 0; i < counts.length; i++) {
			counts[i] = (int) ((long) count * DEMO_SHARES[i] / total);
			assigned += counts[i];
		}
		counts[0] += count - assigned;
		int[] position = { 0 };
		return DemoCatalogGenerator.entries(SEED, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5])
			.map((demo) -> entry(demo, position[0]++, newest));
	}

	/**
	 * Content for a new entry written through the API during the benchmark: one of a
	 * stream of instruments that the bulk catalogue does not contain.
	 * @param index which one
	 * @return its content
	 */
	public static EntryContent freshInstrument(int index) {
		return DemoCatalogGenerator.entries(SEED + 1 + index, 1, 0, 0, 0, 0, 0).findFirst().orElseThrow().content();
	}

	private static Entry entry(DemoEntry demo, int position, Instant newest) {
		UUID id = UUID.nameUUIDFromBytes(("bench-entry:" + position).getBytes(StandardCharsets.UTF_8));
		// Spread over a year, so that "newest first" has something to sort.
		Instant publishedAt = newest.minusSeconds((position * 7919L) % 31_536_000L);
		return new Entry(id, demo.kind(), OWNERS.get(demo.organisationKey()), demo.content(), publishedAt);
	}

	private static Map<String, OrganisationSummary> owners() {
		Map<String, OrganisationSummary> owners = new HashMap<>();
		for (DemoOrganisation organisation : DemoCatalogGenerator.organisations()) {
			// The id that OrganisationDirectory.ensureDemoOrganisation gives it.
			UUID id = UUID
				.nameUUIDFromBytes(("demo-organisation:" + organisation.key()).getBytes(StandardCharsets.UTF_8));
			owners.put(organisation.key(), new OrganisationSummary(id, organisation.nameZh(), organisation.nameEn(),
					true, OrganisationType.valueOf(organisation.typeName())));
		}
		return owners;
	}

}
