package cn.cztexchange.engagement;

import java.util.EnumSet;
import java.util.Set;

/** What kind of deal closed an engagement. */
public enum DealType {

	EQUITY, LOAN, GUARANTEE, GRANT, LICENCE, TRANSFER, JOINT_DEVELOPMENT, SERVICE_CONTRACT;

	/**
	 * The deals that fit an engagement of this kind: financing ends in money for the
	 * firm, technology in a transfer, licence, joint development, a technical service
	 * contract (委托开发) or technology contributed as equity (作价入股), advice in a service
	 * contract.
	 */
	static Set<DealType> fitting(EngagementKind kind) {
		return switch (kind) {
			case FINANCING -> EnumSet.of(EQUITY, LOAN, GUARANTEE, GRANT);
			case TECHNOLOGY -> EnumSet.of(LICENCE, TRANSFER, JOINT_DEVELOPMENT, SERVICE_CONTRACT, EQUITY);
			case ADVISORY -> EnumSet.of(SERVICE_CONTRACT);
		};
	}

}
