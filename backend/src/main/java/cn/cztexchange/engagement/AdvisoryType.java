package cn.cztexchange.engagement;

/** What a firm asks an expert or a service organisation for. */
public enum AdvisoryType {

	/** 成果评估: evaluating a research result or technology. */
	RESULT_EVALUATION,
	/** 投资咨询: advice on investment and financing. */
	INVESTMENT_ADVICE,
	/** 市场调研: market research. */
	MARKET_RESEARCH

}
