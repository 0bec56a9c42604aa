package cn.cztexchange.matching;

/** The five ways of matching, named after what they list; stored with suggestions. */
enum Direction {

	/** A firm's financing entries. */
	FINANCING,
	/** A firm's tech-transfer offerings. */
	OFFERINGS,
	/** A financing entry's discoverable firms. */
	FIRMS,
	/**
	 * An offering's technology needs: TECH_NEED entries and discoverable firms' needs.
	 */
	NEEDS,
	/** A technology need's (TECH_NEED entry's) offerings. */
	NEED_OFFERINGS

}
