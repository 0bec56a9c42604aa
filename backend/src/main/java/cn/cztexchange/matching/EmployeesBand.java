package cn.cztexchange.matching;

/** How many people a firm employs. */
enum EmployeesBand {

	/** 1–20. */
	UP_TO_20,
	/** 21–50. */
	FROM_21_TO_50,
	/** 51–100. */
	FROM_51_TO_100,
	/** 101–300. */
	FROM_101_TO_300,
	/** 301–1000. */
	FROM_301_TO_1000,
	/** More than 1000. */
	OVER_1000

}
