package cn.cztexchange.matching;

/** A firm's yearly revenue in CNY; private until the firm accepts a match. */
enum RevenueBand {

	/** Under 5 million. */
	UNDER_5M,
	/** 5–20 million. */
	FROM_5M_TO_20M,
	/** 20–50 million. */
	FROM_20M_TO_50M,
	/** 50–200 million. */
	FROM_50M_TO_200M,
	/** 200 million to 1 billion. */
	FROM_200M_TO_1B,
	/** More than 1 billion. */
	OVER_1B

}
