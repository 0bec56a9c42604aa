package cn.cztexchange.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextAnalysisTests {

	@Test
	void chineseIsSegmentedIntoWordsAndEnglishInItStemmed() {
		assertThat(TextAnalysis.chineseWords("电感耦合等离子体质谱仪（7900）")).isEqualTo("电感 耦合 等离子体 质谱仪 7900");
		assertThat(TextAnalysis.chineseWords("Mass Spectrometers")).isEqualTo("mass spectromet");
		assertThat(TextAnalysis.chineseWords(null)).isEmpty();
	}

	@Test
	void englishIsStemmedWithoutStopWords() {
		assertThat(TextAnalysis.englishWords("The testing of batteries")).isEqualTo("test batteri");
	}

	@Test
	void pinyinGivesEachWordAndTheWholeTextInFullAndByInitials() {
		assertThat(TextAnalysis.pinyin("质谱仪")).containsExactly("zhipuyi", "zpy");
		assertThat(TextAnalysis.pinyin("扫描电子显微镜")).contains("saomiao", "xianweijing", "smdzxwj");
		assertThat(TextAnalysis.pinyin("SEM")).isEmpty();
	}

	@Test
	void analysedTextIsWhatTheAnalysisGivesUnderTheCurrentVersion() {
		AnalysedText text = AnalysedText.of("扫描电子显微镜", "用于材料表面形貌观察", "Scanning Electron Microscopes", null);
		assertThat(text.titleZhWords()).isEqualTo(String.join(" ", TextAnalysis.chineseTokens("扫描电子显微镜")));
		assertThat(text.summaryZhWords()).isEqualTo(TextAnalysis.chineseWords("用于材料表面形貌观察"));
		assertThat(text.titleEnWords()).isEqualTo("scan electron microscop");
		assertThat(text.summaryEnWords()).isEmpty();
		assertThat(text.titlePinyin()).contains("smdzxwj");
		assertThat(text.fromCurrentAnalysis()).isTrue();
		assertThat(new AnalysedText("", "", "", "", "", AnalysedText.VERSION - 1).fromCurrentAnalysis()).isFalse();
	}

}
