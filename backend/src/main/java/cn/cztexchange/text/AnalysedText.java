package cn.cztexchange.text;

import java.util.List;

/**
 * An entry's titles and summaries as {@link TextAnalysis} reads them: the costly part of
 * its search document. Worked out once, when the content is published, and stored beside
 * it, so that indexing and rebuilding the index only copy it.
 *
 * @param titleZhWords the Chinese title as words separated by spaces
 * @param summaryZhWords the Chinese summary as words
 * @param titleEnWords the English title, stemmed
 * @param summaryEnWords the English summary, stemmed
 * @param titlePinyin the Chinese title's words in pinyin
 * @param version the analysis that produced it (see {@link #VERSION})
 */
public record AnalysedText(String titleZhWords, String summaryZhWords, String titleEnWords, String summaryEnWords,
		String titlePinyin, int version) {

	/**
	 * Raised whenever {@link TextAnalysis} would read a text differently (a new
	 * dictionary, stemmer or pinyin rule): what was stored under an older version is
	 * analysed again.
	 */
	public static final int VERSION = 1;

	public static AnalysedText of(String titleZh, String summaryZh, String titleEn, String summaryEn) {
		List<String> titleWords = TextAnalysis.chineseTokens(titleZh);
		return new AnalysedText(String.join(" ", titleWords), TextAnalysis.chineseWords(summaryZh),
				TextAnalysis.englishWords(titleEn), TextAnalysis.englishWords(summaryEn),
				String.join(" ", TextAnalysis.pinyin(titleWords)), VERSION);
	}

	/**
	 * Whether the current analysis produced it (not named isCurrent: JSON would take that
	 * for a property).
	 */
	public boolean fromCurrentAnalysis() {
		return this.version == VERSION;
	}

}
