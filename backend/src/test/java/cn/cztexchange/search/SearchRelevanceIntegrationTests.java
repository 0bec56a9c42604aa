package cn.cztexchange.search;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.cztexchange.IntegrationTest;
import cn.cztexchange.catalog.CatalogReader.PublishedEntry;
import cn.cztexchange.catalog.DemoCatalogEntries;
import cn.cztexchange.catalog.EntryContent;
import cn.cztexchange.catalog.IndustryChain;
import cn.cztexchange.catalog.ResourceKind;
import cn.cztexchange.identity.City;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relevance suite: the judged queries of {@code search/relevance-judgments.json} run
 * over the demo catalogue (1,550 entries, in an index of their own with the catalogue's
 * mapping), each scored with nDCG@10, and the mean printed. It guards the ranking against
 * regressions; raise {@link #FLOOR} when the ranking gets better.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchRelevanceIntegrationTests {

	/** The mean nDCG@10 below which the suite fails (measured: see the printed score). */
	static final double FLOOR = 0.95;

	static final int K = 10;

	final String index = "relevance-" + UUID.randomUUID();

	@Autowired
	ElasticsearchClient client;

	@Autowired
	CatalogIndex catalogIndex;

	@Autowired
	CatalogSearch search;

	@Autowired
	JsonMapper json;

	List<PublishedEntry> corpus;

	@BeforeAll
	void indexDemoCatalogue() throws IOException {
		this.corpus = DemoCatalogEntries.defaultCatalogue().toList();
		this.catalogIndex.create(this.index).block();
		BulkRequest.Builder bulk = new BulkRequest.Builder().index(this.index).refresh(Refresh.True);
		this.corpus.forEach((entry) -> bulk
			.operations((op) -> op.index((i) -> i.id(entry.id().toString()).document(CatalogIndex.document(entry)))));
		assertThat(this.client.bulk(bulk.build()).errors()).isFalse();
	}

	@AfterAll
	void deleteIndex() throws IOException {
		this.client.indices().delete((d) -> d.index(this.index));
	}

	@Test
	void judgedQueriesRankWhatTheirUsersWantFirst() throws IOException {
		JsonNode judgments;
		try (InputStream in = new ClassPathResource("search/relevance-judgments.json").getInputStream()) {
			judgments = this.json.readTree(in);
		}
		List<Score> scores = new ArrayList<>();
		for (JsonNode query : judgments.get("queries")) {
			scores.add(score(query));
		}
		double mean = scores.stream().mapToDouble(Score::ndcg).average().orElse(0);
		StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
				"%nRelevance suite: mean nDCG@%d = %.3f over %d judged queries (floor %.2f)%n", K, mean, scores.size(),
				FLOOR));
		scores.stream()
			.sorted(Comparator.comparingDouble(Score::ndcg))
			.forEach((score) -> report.append(String.format(Locale.ROOT, "  %.3f  %s%n", score.ndcg(), score.query())));
		System.out.println(report);
		assertThat(scores).hasSizeGreaterThanOrEqualTo(40);
		assertThat(mean).as(report.toString()).isGreaterThanOrEqualTo(FLOOR);
	}

	@SuppressWarnings("rawtypes")
	private Score score(JsonNode judged) throws IOException {
		String q = judged.get("q").asString();
		SearchRequest request = new SearchRequest(q, enums(judged, "kind", ResourceKind.class),
				enums(judged, "city", City.class), null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, K, null);
		List<String> ranked = this.client.search(this.search.elasticsearchRequest(request, this.index), Map.class)
			.hits()
			.hits()
			.stream()
			.map(Hit::id)
			.toList();
		Map<String, Integer> grades = new HashMap<>();
		for (PublishedEntry entry : this.corpus) {
			int grade = grade(entry, judged.get("grades"));
			if (grade > 0) {
				grades.put(entry.id().toString(), grade);
			}
		}
		double dcg = dcg(ranked.stream().map((id) -> grades.getOrDefault(id, 0)).toList());
		double ideal = dcg(grades.values().stream().sorted(Comparator.reverseOrder()).limit(K).toList());
		String label = q + (judged.has("kind") ? " kind=" + judged.get("kind") : "")
				+ (judged.has("city") ? " city=" + judged.get("city") : "");
		double ndcg = (ideal == 0) ? 0 : dcg / ideal;
		if (ndcg < 0.9) {
			// What went wrong, for whoever tunes the ranking: the top K with their
			// grades.
			Map<String, String> titles = new HashMap<>();
			this.corpus.forEach((entry) -> titles.put(entry.id().toString(), entry.content().titleZh()));
			StringBuilder top = new StringBuilder();
			ranked.forEach((id) -> top
				.append(String.format(Locale.ROOT, "%n         %d %s", grades.getOrDefault(id, 0), titles.get(id))));
			top.append(String.format(Locale.ROOT, "%n       wanted:"));
			grades.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
				.limit(K)
				.forEach((wanted) -> top.append(String.format(Locale.ROOT, "%n         %d %s", wanted.getValue(),
						titles.get(wanted.getKey()))));
			label += top;
		}
		return new Score(label, ndcg);
	}

	/** Discounted cumulative gain with exponential gain (2^grade - 1). */
	private static double dcg(List<Integer> grades) {
		double dcg = 0;
		for (int i = 0; i < Math.min(K, grades.size()); i++) {
			dcg += (Math.pow(2, grades.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
		}
		return dcg;
	}

	private static int grade(PublishedEntry entry, JsonNode rules) {
		int best = 0;
		for (JsonNode rule : rules) {
			boolean all = true;
			for (Map.Entry<String, JsonNode> condition : rule.properties()) {
				if (!condition.getKey().equals("grade") && !holds(entry, condition.getKey(), condition.getValue())) {
					all = false;
					break;
				}
			}
			if (all) {
				best = Math.max(best, rule.get("grade").asInt());
			}
		}
		return best;
	}

	private static boolean holds(PublishedEntry entry, String key, JsonNode value) {
		List<String> wanted = value.isArray() ? value.valueStream().map(JsonNode::asString).toList()
				: List.of(value.asString());
		EntryContent c = entry.content();
		return wanted.stream().anyMatch((w) -> switch (key) {
			case "title" -> contains(w, c.titleZh(), c.titleEn());
			case "titleZh" -> contains(w, c.titleZh());
			case "titleEn" -> contains(w, c.titleEn());
			case "summary" -> contains(w, c.summaryZh(), c.summaryEn());
			case "text" -> contains(w, c.titleZh(), c.titleEn(), c.summaryZh(), c.summaryEn());
			case "tag" -> c.tags() != null && c.tags().stream().anyMatch((t) -> t.equalsIgnoreCase(w));
			case "model" -> c.instrument() != null && w.equalsIgnoreCase(c.instrument().model());
			case "manufacturer" -> c.instrument() != null && w.equalsIgnoreCase(c.instrument().manufacturer());
			case "kind" -> entry.kind().name().equals(w);
			case "city" -> c.city().name().equals(w);
			case "chain" -> names(c.industryChains()).contains(w);
			case "category" -> c.instrument() != null && c.instrument().category().name().equals(w);
			case "financingKind" -> c.financing() != null && c.financing().financingKind().name().equals(w);
			case "owner" -> entry.owner().nameZh().contains(w);
			default -> throw new IllegalArgumentException("Unknown condition " + key);
		});
	}

	private static boolean contains(String wanted, String... texts) {
		String needle = wanted.toLowerCase(Locale.ROOT);
		return Stream.of(texts).filter(Objects::nonNull).anyMatch((t) -> t.toLowerCase(Locale.ROOT).contains(needle));
	}

	private static List<String> names(Collection<IndustryChain> chains) {
		return (chains != null) ? chains.stream().map(Enum::name).toList() : List.of();
	}

	private static <E extends Enum<E>> List<E> enums(JsonNode judged, String field, Class<E> type) {
		if (!judged.has(field)) {
			return null;
		}
		return judged.get(field).valueStream().map((v) -> Enum.valueOf(type, v.asString())).toList();
	}

	record Score(String query, double ndcg) {
	}

}
