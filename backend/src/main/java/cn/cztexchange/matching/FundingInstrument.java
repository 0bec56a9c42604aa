package cn.cztexchange.matching;

import java.util.EnumSet;
import java.util.Set;

import cn.cztexchange.catalog.FinancingDetails.FinancingKind;
import cn.cztexchange.catalog.FinancingDetails.Stage;

/**
 * How a firm prefers to raise money, and the kinds of financing entry that provide it.
 */
enum FundingInstrument {

	/** 股权融资: funds and angels; listing services for mature and pre-IPO firms. */
	EQUITY,
	/** 债权融资 (loans): bank loans. */
	LOAN,
	/** 融资担保: guarantees. */
	GUARANTEE,
	/** 政府资助: government programmes. */
	GRANT;

	/** The stages at which a listing service counts as a way to equity. */
	static final Set<Stage> LISTING_STAGES = EnumSet.of(Stage.MATURE, Stage.PRE_IPO);

	/** The kinds of financing that provide this instrument to a firm at this stage. */
	Set<FinancingKind> kinds(Stage stage) {
		return switch (this) {
			case EQUITY -> LISTING_STAGES.contains(stage)
					? EnumSet.of(FinancingKind.VC_PE_FUND, FinancingKind.ANGEL, FinancingKind.LISTING_SERVICE)
					: EnumSet.of(FinancingKind.VC_PE_FUND, FinancingKind.ANGEL);
			case LOAN -> EnumSet.of(FinancingKind.BANK_LOAN);
			case GUARANTEE -> EnumSet.of(FinancingKind.GUARANTEE);
			case GRANT -> EnumSet.of(FinancingKind.GOVERNMENT_PROGRAMME);
		};
	}

	/** The instrument a kind of financing provides to a firm at this stage, or null. */
	static FundingInstrument of(FinancingKind kind, Stage stage) {
		for (FundingInstrument instrument : values()) {
			if (instrument.kinds(stage).contains(kind)) {
				return instrument;
			}
		}
		return null;
	}

	/** The kinds a firm that prefers these instruments takes: all, when it named none. */
	static Set<FinancingKind> kinds(Set<FundingInstrument> instruments, Stage stage) {
		if (instruments == null || instruments.isEmpty()) {
			return EnumSet.allOf(FinancingKind.class);
		}
		Set<FinancingKind> kinds = EnumSet.noneOf(FinancingKind.class);
		instruments.forEach((instrument) -> kinds.addAll(instrument.kinds(stage)));
		return kinds;
	}

}
