package cn.cztexchange.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;

import cn.cztexchange.text.TextAnalysis;

/**
 * What the query box becomes: one query over Chinese and English text in which, from
 * strongest to weakest,
 * <ul>
 * <li>a model number, code or tag typed exactly wins (ICP-MS, 7900);</li>
 * <li>the words as a phrase in the title (质谱 in 电感耦合等离子体质谱仪, by character, so that part
 * of a word is found too);</li>
 * <li>every word somewhere in the entry: title, summary, place, owner, tags (长沙 扫描电镜),
 * with Chinese segmented into words and English stemmed (plurals);</li>
 * <li>English titles with typos forgiven;</li>
 * <li>the same again, a little lower, for each rewriting of the query with the synonym
 * list (mass spectrometer → 质谱仪).</li>
 * </ul>
 */
record TextQuery(String text, List<String> variants) {

	/** Synonym rewrites rank below the words as typed. */
	private static final float SYNONYM_WEIGHT = 0.6f;

	/**
	 * The query box's text with its synonym rewrites, worked out once for the query and
	 * the highlighting; null for a blank box (browsing).
	 */
	static TextQuery parse(String q) {
		if (q == null || q.isBlank()) {
			return null;
		}
		String text = q.strip();
		return new TextQuery(text, Synonyms.variants(text));
	}

	Query query() {
		List<Query> should = new ArrayList<>();
		String exact = this.text.toLowerCase(Locale.ROOT);
		should.add(Query.of((s) -> s.term((t) -> t.field("model").value(exact).boost(12f))));
		should.add(Query.of((s) -> s.matchPhrase((m) -> m.field("model.text").query(this.text).boost(6f))));
		should.add(Query.of((s) -> s.term((t) -> t.field("tags").value(exact).boost(4f))));
		words(this.text, 1f, should);
		// Typos in English titles. Fuzzy matching is the costliest clause, so it keeps
		// the
		// first two letters (typos there are rare) and tries few spellings.
		should.add(Query.of((s) -> s.match((m) -> m.field("titleEn")
			.query(this.text)
			.operator(Operator.And)
			.fuzziness("AUTO")
			.prefixLength(2)
			.maxExpansions(20)
			.boost(1f))));
		this.variants.forEach((variant) -> words(variant, SYNONYM_WEIGHT, should));
		return Query.of((query) -> query.bool((b) -> b.should(should).minimumShouldMatch("1")));
	}

	/**
	 * What to mark in titles and summaries: each word of the query and of its synonym
	 * rewrites, wherever it matched (the words fields cannot be highlighted, as their
	 * text is not what is shown).
	 */
	Query highlight() {
		List<Query> should = new ArrayList<>();
		for (String text : Stream.concat(Stream.of(this.text), this.variants.stream()).toList()) {
			for (String field : List.of("titleZh", "summaryZh", "titleEn", "summaryEn")) {
				should.add(Query.of((s) -> s.match((m) -> m.field(field).query(text))));
			}
		}
		return Query.of((query) -> query.bool((b) -> b.should(should)));
	}

	private static void words(String text, float weight, List<Query> should) {
		should.add(Query.of((s) -> s.matchPhrase((m) -> m.field("titleZh").query(text).boost(8f * weight))));
		should.add(Query.of((s) -> s.matchPhrase((m) -> m.field("titleEn").query(text).boost(6f * weight))));
		if (weight == 1f) {
			// Phrases in summaries only for the words as typed: over character positions
			// of long texts they cost the most, and the words clause below covers
			// synonyms.
			should.add(Query.of((s) -> s.matchPhrase((m) -> m.field("summaryZh").query(text).boost(1.5f))));
		}
		String chinese = TextAnalysis.chineseWords(text);
		if (!chinese.isEmpty()) {
			should.add(everyWord(chinese, List.of("titleZhWords^3", "summaryZhWords", "contextWords"), 2f * weight));
		}
		String english = TextAnalysis.englishWords(text);
		if (!english.isEmpty()) {
			should.add(everyWord(english, List.of("titleEnWords^3", "summaryEnWords", "contextWords"), 2f * weight));
		}
	}

	/**
	 * Every word in at least one of the fields, scored as if the fields were one (so that
	 * a word common in summaries does not outweigh a rare one in the title). Of a longer
	 * query, three words in four are enough: entries with all of them rank first, and the
	 * nearly matching ones still follow.
	 */
	private static Query everyWord(String words, List<String> fields, float boost) {
		return Query.of((s) -> s.multiMatch((m) -> m.query(words)
			.fields(fields)
			.type(TextQueryType.CrossFields)
			.minimumShouldMatch("3<75%")
			.boost(boost)));
	}

}
