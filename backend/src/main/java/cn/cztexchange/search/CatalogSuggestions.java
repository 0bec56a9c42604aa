package cn.cztexchange.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;

/**
 * Type-ahead: titles whose words start with what was typed (the last word may be
 * unfinished; pinyin and pinyin initials count), the organisations that offer them, and
 * matching tags. Cheap enough for every keystroke: a few hits with only their titles and
 * two small aggregations.
 */
@RestController
@Tag(name = "Search")
class CatalogSuggestions {

	private final ElasticsearchAsyncClient client;

	CatalogSuggestions(ElasticsearchAsyncClient client) {
		this.client = client;
	}

	@GetMapping("/api/v1/suggest")
	@Operation(summary = "Suggestions for what is being typed: titles, organisations and tags",
			description = "Pinyin works too: zhipu or zpy suggests 质谱仪.")
	@SuppressWarnings("rawtypes")
	Mono<Suggestions> suggest(@RequestParam @NotBlank @Size(max = 50) String q,
			@RequestParam(defaultValue = "8") @Min(1) @Max(20) int size) {
		String text = q.strip();
		Query organisationMatches = organisationMatches(text);
		return Mono.fromFuture(() -> this.client.search(
				(s) -> s.index(CatalogIndex.ALIAS)
					.size(size)
					.source((src) -> src.filter((f) -> f.includes("id", "kind", "titleZh", "titleEn")))
					.query((query) -> query.bool((b) -> titleMatches(b, text).should(organisationMatches)
						// Aggregations see only matching entries: a tag's prefix must
						// match too.
						.should((x) -> x.prefix((p) -> p.field("tags").value(text.toLowerCase(Locale.ROOT))))))
					.aggregations("tags",
							(a) -> a
								.terms((t) -> t.field("tags").size(5).include((i) -> i.regexp(escape(text) + ".*"))))
					.aggregations("organisations",
							(a) -> a.filter(organisationMatches)
								.aggregations("ids",
										(ids) -> ids.terms((t) -> t.field("organisation.id").size(3))
											.aggregations("name", (name) -> name.topHits((top) -> top.size(1)
												.source((src) -> src.filter((f) -> f.includes("organisation"))))))),
				Map.class))
			.map((response) -> {
				List<Suggestion> suggestions = new ArrayList<>();
				Set<String> seen = new LinkedHashSet<>();
				response.hits().hits().forEach((hit) -> {
					Map source = hit.source();
					Object title = (source.get("titleZh") != null) ? source.get("titleZh") : source.get("titleEn");
					if (title != null && seen.add(title.toString())) {
						suggestions.add(new Suggestion(title.toString(), "TITLE", (String) source.get("id"),
								(String) source.get("kind")));
					}
				});
				response.aggregations()
					.get("organisations")
					.filter()
					.aggregations()
					.get("ids")
					.sterms()
					.buckets()
					.array()
					.forEach((bucket) -> {
						Map organisation = (Map) bucket.aggregations()
							.get("name")
							.topHits()
							.hits()
							.hits()
							.get(0)
							.source()
							.to(Map.class)
							.get("organisation");
						suggestions.add(new Suggestion((String) organisation.get("nameZh"), "ORGANISATION",
								bucket.key().stringValue(), null));
					});
				response.aggregations()
					.get("tags")
					.sterms()
					.buckets()
					.array()
					.forEach(
							(bucket) -> suggestions.add(new Suggestion(bucket.key().stringValue(), "TAG", null, null)));
				return new Suggestions(suggestions);
			});
	}

	/** Titles whose words start with what was typed, in Chinese, English or pinyin. */
	private static BoolQuery.Builder titleMatches(BoolQuery.Builder bool, String text) {
		bool.should((x) -> x.matchPhrasePrefix((m) -> m.field("titleZh").query(text).boost(2f)))
			.should((x) -> x.matchPhrasePrefix((m) -> m.field("titleEn").query(text)));
		if (isPinyin(text)) {
			bool.should((x) -> x.prefix((p) -> p.field("titlePinyin").value(pinyin(text)).boost(1.5f)));
		}
		return bool;
	}

	private static Query organisationMatches(String text) {
		return Query.of((q) -> q.bool((b) -> {
			b.should((x) -> x.matchPhrasePrefix((m) -> m.field("organisation.nameZh").query(text)))
				.should((x) -> x.matchPhrasePrefix((m) -> m.field("organisation.nameEn").query(text)));
			if (isPinyin(text)) {
				b.should((x) -> x.prefix((p) -> p.field("organisationPinyin").value(pinyin(text))));
			}
			return b;
		}));
	}

	/** Latin letters only, possibly with spaces between syllables (zhi pu). */
	private static boolean isPinyin(String text) {
		return text.matches("[A-Za-z][A-Za-z ']*");
	}

	private static String pinyin(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[ ']", "");
	}

	/**
	 * Escapes the regular-expression syntax of Elasticsearch (Lucene) in what was typed.
	 */
	private static String escape(String text) {
		StringBuilder escaped = new StringBuilder();
		for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
			if (".?+*|{}[]()\"\\#@&<>~".indexOf(c) >= 0) {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

	/**
	 * @param suggestions titles first, then organisations, then tags
	 */
	record Suggestions(List<Suggestion> suggestions) {
	}

	/**
	 * @param text what to show and, for a tag, what to search
	 * @param type TITLE, ORGANISATION or TAG
	 * @param id the entry, for a title; the organisation, for an organisation
	 * @param kind its kind, for a title
	 */
	record Suggestion(String text, String type, String id, String kind) {
	}

}
