package cn.cztexchange.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

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
public final class TextAnalysis {

	private static final Analyzer CHINESE = new SmartChineseAnalyzer();

	private static final Analyzer ENGLISH = new EnglishAnalyzer();

	private static final HanyuPinyinOutputFormat PINYIN = pinyinFormat();

	/**
	 * Short texts that recur across many entries (organisation names, places, tags,
	 * makers): analysed once. Cleared when it grows large, which only costs the analysis
	 * again.
	 */
	private static final Map<String, String> RECURRING = new ConcurrentHashMap<>();

	private static final int RECURRING_MAX = 50_000;

	/** Pinyin of each character of the Basic Multilingual Plane, looked up once. */
	private static final String[] SYLLABLES = new String[Character.MAX_VALUE + 1];

	private TextAnalysis() {
	}

	/**
	 * Chinese text as words separated by spaces (质谱仪的检出限 → 质谱仪 的 检出 限); English words in
	 * it are lower-cased and stemmed. Punctuation is dropped.
	 */
	public static String chineseWords(String text) {
		return String.join(" ", chineseTokens(text));
	}

	/** The same as a list. */
	public static List<String> chineseTokens(String text) {
		return tokens(CHINESE, text);
	}

	/**
	 * {@link #chineseWords} for a short text that recurs (a name, a place, a tag),
	 * remembered.
	 */
	public static String recurringChineseWords(String text) {
		return recurring("zh:", text, TextAnalysis::chineseWords);
	}

	/** {@link #englishWords} for a short text that recurs, remembered. */
	public static String recurringEnglishWords(String text) {
		return recurring("en:", text, TextAnalysis::englishWords);
	}

	/** {@link #pinyin} for a short text that recurs, as one string, remembered. */
	public static String recurringPinyin(String text) {
		return recurring("py:", text, (t) -> String.join(" ", pinyin(t)));
	}

	private static String recurring(String prefix, String text, Function<String, String> analysis) {
		if (text == null) {
			return "";
		}
		if (RECURRING.size() > RECURRING_MAX) {
			RECURRING.clear();
		}
		return RECURRING.computeIfAbsent(prefix + text, (key) -> analysis.apply(text));
	}

	/** English text as stemmed, lower-cased words without stop words. */
	public static String englishWords(String text) {
		return String.join(" ", tokens(ENGLISH, text));
	}

	/**
	 * For every Chinese word of the text, its pinyin and its initials (质谱仪 → zhipuyi,
	 * zpy), and the same for the whole text, so that type-ahead can find a title by what
	 * is typed on a keyboard without Chinese input.
	 */
	public static List<String> pinyin(String text) {
		return (text != null) ? pinyin(tokens(CHINESE, text)) : List.of();
	}

	/** {@link #pinyin(String)} of text already split into words. */
	public static List<String> pinyin(List<String> words) {
		Set<String> spellings = new LinkedHashSet<>();
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
	public static boolean hasChinese(String text) {
		return text.codePoints().anyMatch((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
	}

	private static String syllable(char c) {
		if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
			return null;
		}
		String known = SYLLABLES[c];
		if (known == null) {
			// Racing threads may both look it up; they find the same.
			known = lookUpSyllable(c);
			SYLLABLES[c] = known;
		}
		return known.isEmpty() ? null : known;
	}

	private static String lookUpSyllable(char c) {
		try {
			// A character with several readings gives its most common one first.
			String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, PINYIN);
			return (readings != null && readings.length > 0) ? readings[0] : "";
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
