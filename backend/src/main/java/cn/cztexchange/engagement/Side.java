package cn.cztexchange.engagement;

/** The two sides of an engagement. */
public enum Side {

	/** The members of the firm organisation. */
	FIRM,
	/**
	 * The members of the other organisation (investor, technology owner, service
	 * organisation), or the expert's linked user.
	 */
	COUNTERPART;

	Side other() {
		return (this == FIRM) ? COUNTERPART : FIRM;
	}

}
