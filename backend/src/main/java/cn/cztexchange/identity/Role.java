package cn.cztexchange.identity;

/** What a user does on the platform; a user may have several. */
public enum Role {

	/** Researchers and engineers who find and book instruments and services. */
	RESEARCHER,
	/** Firms looking for financing and technology. */
	FIRM,
	/** Investors and financial institutions. */
	INVESTOR,
	/** Park and institution staff who publish offerings; granted by an admin. */
	PUBLISHER,
	/** Platform operators who moderate; granted by an admin. */
	ADMIN;

	/**
	 * The roles anyone may choose when registering; the others are granted by an admin.
	 */
	static boolean isSelfService(Role role) {
		return role == RESEARCHER || role == FIRM || role == INVESTOR;
	}

}
