package cn.cztexchange.catalog;

/** The kinds of catalogue entry. */
public enum ResourceKind {

	/** Large scientific instrument (大型科学仪器). */
	INSTRUMENT,
	/** Professional technical service (专业技术服务). */
	SERVICE,
	/** Sci-tech literature (科技文献). */
	LITERATURE,
	/** Technology-transfer offering (技术转移/成果转化). */
	TECH_OFFERING,
	/** Financing entry (投融资). */
	FINANCING,
	/**
	 * Technology need (技术需求) a firm posts for technology owners to answer; the reverse
	 * side of a TECH_OFFERING.
	 */
	TECH_NEED

}
