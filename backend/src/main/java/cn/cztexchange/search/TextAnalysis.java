package cn.cztexchange.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The text analysis Elasticsearch cannot do here: the distribution we run has no analysis
 * plugins (no smartcn, no stemmer), so the backend segments Chinese into words with
 * Lucene's smartcn, stems English with Lucene's English analyzer and spells Chinese in
 * pinyin, both when indexing and when searching. Elasticsearch then only splits the
 * result on whitespace. The analyzers are thread-safe and load their dictionaries once.
 */
final class TextAnalysis {

	private static final Analyzer CHINESE = new SmartChineseAnalyzer();

	private static final Analyzer ENGLISH = new EnglishAnalyzer();

	private static final HanyuPinyinOutputFormat PINYIN = pinyinFormat();

	private TextAnalysis() {
	}

	/**
	 * Chinese text as words separated by spaces (质谱仪的检出限 → 质谱仪 的 检出 限); English words in
	 * it are lower-cased and stemmed. Punctuation is dropped.
	 */
	static String chineseWords(String text) {
		return String.join(" ", tokens(CHINESE, text));
	}

	/** English text as stemmed, lower-cased words without stop words. */
	static String englishWords(String text) {
		return String.join(" ", tokens(ENGLISH, text));
	}

	/**
	 * For every Chinese word of the text, its pinyin and its initials (质谱仪 → zhipuyi,
	 * zpy), and the same for the whole text, so that type-ahead can find a title by what
	 * is typed on a keyboard without Chinese input.
	 */
	static List<String> pinyin(String text) {
		Set<String> spellings = new LinkedHashSet<>();
		if (text == null) {
			return List.of();
		}
		List<String> words = tokens(CHINESE, text);
		StringBuilder allInitials = new StringBuilder();
		for (String word : words) {
			StringBuilder full = new StringBuilder();
			StringBuilder initials = new StringBuilder();
			for (char c : word.toCharArray()) {
				String syllable = syllable(c);
				if (syllable != null) {
					full.append(syllable);
					initials.append(syllable.charAt(0));
				}
			}
			if (!full.isEmpty()) {
				spellings.add(full.toString());
				spellings.add(initials.toString());
				allInitials.append(initials);
			}
		}
		if (allInitials.length() > 1) {
			spellings.add(allInitials.toString());
		}
		return new ArrayList<>(spellings);
	}

	/** Whether the text contains a Chinese character. */
	static boolean hasChinese(String text) {
		return text.codePoints().anyMatch((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
	}

	private static String syllable(char c) {
		if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
			return null;
		}
		try {
			// A character with several readings gives its most common one first.
			String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, PINYIN);
			return (readings != null && readings.length > 0) ? readings[0] : null;
		}
		catch (BadHanyuPinyinOutputFormatCombination ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> tokens(Analyzer analyzer, String text) {
		List<String> tokens = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return tokens;
		}
		try (TokenStream stream = analyzer.tokenStream("text", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				tokens.add(term.toString().toLowerCase(Locale.ROOT));
			}
			stream.end();
		}
		catch (IOException ex) {
			// Reading from a string does not fail.
			throw new UncheckedIOException(ex);
		}
		return tokens;
	}

	private static HanyuPinyinOutputFormat pinyinFormat() {
		HanyuPinyinOutputFormat format = new HanyuPinyinOutputFormat();
		format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
		format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
		format.setVCharType(HanyuPinyinVCharType.WITH_V);
		return format;
	}

}
