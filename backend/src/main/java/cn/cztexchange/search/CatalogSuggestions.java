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

/**
 * Type-ahead: titles whose words start with what was typed (the last word may be
 * unfinished), and matching tags. Cheap enough for every keystroke: a few hits with only
 * their titles, and a tag aggregation filtered by prefix.
 */
@RestController
@Tag(name = "Search")
class CatalogSuggestions {

	private final ElasticsearchAsyncClient client;

	CatalogSuggestions(ElasticsearchAsyncClient client) {
		this.client = client;
	}

	@GetMapping("/api/v1/suggest")
	@Operation(summary = "Suggestions for what is being typed: titles and tags")
	@SuppressWarnings("rawtypes")
	Mono<Suggestions> suggest(@RequestParam @NotBlank @Size(max = 50) String q,
			@RequestParam(defaultValue = "8") @Min(1) @Max(20) int size) {
		String text = q.strip();
		return Mono
			.fromFuture(
					() -> this.client.search(
							(s) -> s.index(CatalogIndex.ALIAS)
								.size(size)
								.source((src) -> src.filter((f) -> f.includes("id", "kind", "titleZh", "titleEn")))
								.query((query) -> query.bool((b) -> b
									.should((x) -> x.matchPhrasePrefix((m) -> m.field("titleZh").query(text).boost(2f)))
									.should((x) -> x.matchPhrasePrefix((m) -> m.field("titleEn").query(text)))
									.should((x) -> x
										.matchPhrasePrefix((m) -> m.field("organisation.nameZh").query(text)))
									.should((x) -> x
										.matchPhrasePrefix((m) -> m.field("organisation.nameEn").query(text)))
									// Aggregations see only matching entries: a tag's
									// prefix must match too.
									.should((x) -> x
										.prefix((p) -> p.field("tags").value(text.toLowerCase(Locale.ROOT))))))
								.aggregations("tags", (a) -> a.terms(
										(t) -> t.field("tags").size(5).include((i) -> i.regexp(escape(text) + ".*")))),
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
					.get("tags")
					.sterms()
					.buckets()
					.array()
					.forEach(
							(bucket) -> suggestions.add(new Suggestion(bucket.key().stringValue(), "TAG", null, null)));
				return new Suggestions(suggestions);
			});
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
	 * @param suggestions titles first, then tags
	 */
	record Suggestions(List<Suggestion> suggestions) {
	}

	/**
	 * @param text what to show and, for a tag, what to search
	 * @param type TITLE or TAG
	 * @param id the entry, for a title
	 * @param kind its kind, for a title
	 */
	record Suggestion(String text, String type, String id, String kind) {
	}

}
