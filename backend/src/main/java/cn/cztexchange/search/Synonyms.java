package cn.cztexchange.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;

import cn.cztexchange.text.TextAnalysis;

/**
 * The domain synonym list ({@code search/synonyms.txt}): groups of Chinese and English
 * terms that mean the same (质谱仪, mass spectrometer; 扫描电镜, SEM). Terms are compared as
 * sequences of analysed words, so that 电机 is found in 直流电机 but not inside 发电机组, and "mass
 * spectrometers" matches "mass spectrometer".
 */
final class Synonyms {

	/** At most this many rewritten queries, so that a long query stays cheap. */
	static final int MAX_VARIANTS = 8;

	private static final List<Group> GROUPS = load("search/synonyms.txt");

	private Synonyms() {
	}

	/**
	 * The query rewritten with synonyms: for each group with a term in the query, the
	 * query with that term replaced by each other term of the group. Not the query
	 * itself.
	 */
	static List<String> variants(String query) {
		List<String> words = Arrays.asList(TextAnalysis.chineseWords(query).split(" "));
		Set<String> variants = new LinkedHashSet<>();
		for (Group group : GROUPS) {
			for (Term term : group.terms()) {
				int at = Collections.indexOfSubList(words, term.words());
				if (at < 0) {
					continue;
				}
				for (Term other : group.terms()) {
					if (other != term) {
						List<String> rewritten = new ArrayList<>(words.subList(0, at));
						rewritten.add(other.text());
						rewritten.addAll(words.subList(at + term.words().size(), words.size()));
						variants.add(String.join(" ", rewritten));
					}
				}
				// The longest term of a group found first is enough.
				break;
			}
			if (variants.size() >= MAX_VARIANTS) {
				break;
			}
		}
		return variants.stream().limit(MAX_VARIANTS).toList();
	}

	private static List<Group> load(String resource) {
		List<Group> groups = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				line = line.strip();
				if (line.isEmpty() || line.startsWith("#")) {
					continue;
				}
				List<Term> terms = Arrays.stream(line.split(","))
					.map(String::strip)
					.filter((text) -> !text.isEmpty())
					.map((text) -> new Term(text, List.of(TextAnalysis.chineseWords(text).split(" "))))
					// Longest first: 扫描电子显微镜 before 电镜 when both are in the query.
					.sorted((a, b) -> Integer.compare(b.text().length(), a.text().length()))
					.toList();
				groups.add(new Group(terms));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return List.copyOf(groups);
	}

	private record Group(List<Term> terms) {
	}

	/**
	 * @param text the term as written in the list
	 * @param words the term as analysed words
	 */
	private record Term(String text, List<String> words) {
	}

}
