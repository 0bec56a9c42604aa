package cn.cztexchange.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SynonymsTests {

	@Test
	void synonymsRewriteWholeWordsOnly() {
		assertThat(Synonyms.variants("长沙 扫描电镜")).contains("长沙 扫描电子显微镜", "长沙 SEM");
		assertThat(Synonyms.variants("mass spectrometers")).contains("质谱仪");
		// 电机 (motor) is a word of 永磁同步电机 but only part of one in 发电机组.
		assertThat(Synonyms.variants("永磁同步电机")).contains("永 磁 同步 motor");
		assertThat(Synonyms.variants("发电机组")).isEmpty();
		assertThat(Synonyms.variants("ICP-MS 7900")).contains("电感耦合等离子体质谱仪 7900");
		assertThat(Synonyms.variants("质谱仪 电镜 风电 储能 轨道交通 航空 医药 电机 天使投资"))
			.hasSizeLessThanOrEqualTo(Synonyms.MAX_VARIANTS);
	}

}
