package cn.cztexchange.matching;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import cn.cztexchange.text.TextAnalysis;

/**
 * Text as matching compares it, with the catalogue's own analysis ({@link TextAnalysis}):
 * Chinese segmented into words, English stemmed, each word once, without the words that
 * every firm and every offering uses (一种, 方法, 技术, company, …), which say nothing about
 * whether two texts are about the same thing.
 */
final class MatchText {

	/** Words too common in profiles and entries to tell anything apart. */
	private static final Set<String> COMMON = Set.of("的", "和", "与", "及", "及其", "等", "或", "为", "在", "对", "了", "是", "可",
			"将", "把", "从", "以", "于", "并", "其", "该", "本", "我们", "公司", "企业", "有限公司", "一种", "方法", "技术", "研究", "提升", "提高",
			"开发", "研发", "产品", "相关", "进行", "用于", "基于", "以及", "通过", "需要", "需求", "实现", "包括", "系统", "装置", "服务", "领域", "方面",
			"问题", "解决", "能力", "推出", "平台", "演示", "提供", "合作", "采用", "已", "万元", "元", "年", "家", "个", "项", "中", "成果",
			"company", "compani", "firm", "product", "technolog", "technology", "method", "base", "based", "use",
			"develop", "need", "provid", "system", "demo");

	private MatchText() {
	}

	/** The Chinese analysis of the texts' words (English in them is stemmed too). */
	static List<String> zhWords(String... texts) {
		Set<String> words = new LinkedHashSet<>();
		for (String text : texts) {
			if (text != null && !text.isBlank()) {
				TextAnalysis.chineseTokens(text).stream().filter(MatchText::telling).forEach(words::add);
			}
		}
		return new ArrayList<>(words);
	}

	/** The English analysis of the texts' words; Chinese characters are left out. */
	static List<String> enWords(String... texts) {
		Set<String> words = new LinkedHashSet<>();
		for (String text : texts) {
			if (text != null && !text.isBlank()) {
				Stream.of(TextAnalysis.englishWords(text).split(" "))
					.filter((word) -> !word.isEmpty() && !TextAnalysis.hasChinese(word))
					.filter(MatchText::telling)
					.forEach(words::add);
			}
		}
		return new ArrayList<>(words);
	}

	static String join(List<String> words) {
		return String.join(" ", words);
	}

	/**
	 * Whether a word can tell two texts apart: not a common word, not a lone letter, not
	 * a number alone.
	 */
	static boolean telling(String word) {
		if (word.isEmpty() || COMMON.contains(word)) {
			return false;
		}
		// A lone Chinese character is often part of a word the dictionary does not know
		// (盾构机
		// comes out as 盾 构 机), so it stays; a lone letter or digit says nothing.
		if (word.codePointCount(0, word.length()) == 1 && !TextAnalysis.hasChinese(word)) {
			return false;
		}
		return !word.chars().allMatch(Character::isDigit);
	}

}
