package cn.cztexchange.engagement;

/** What an engagement is about. */
public enum EngagementKind {

	/** A firm and a financing entry's owner (investor, bank, guarantor, programme). */
	FINANCING,
	/**
	 * A firm (or its technology need) and a technology owner (its tech-transfer
	 * offering).
	 */
	TECHNOLOGY,
	/** A firm's advisory request to an expert or a service organisation. */
	ADVISORY

}
