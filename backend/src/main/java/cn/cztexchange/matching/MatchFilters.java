package cn.cztexchange.matching;

import java.util.Set;

import cn.cztexchange.catalog.FinancingDetails.FinancingKind;
import cn.cztexchange.catalog.FinancingDetails.Stage;
import cn.cztexchange.catalog.IndustryChain;
import cn.cztexchange.catalog.TechOfferingDetails.DealMode;
import cn.cztexchange.identity.City;

/**
 * What the caller narrowed a list to, beyond the hard criteria; each null or empty when
 * not given. Which apply depends on the direction (see the controller).
 *
 * @param city the candidate's city
 * @param financingKinds the financing entries' kinds
 * @param dealModes offerings (or needs) with one of these deal modes
 * @param minTrl offerings at least this ready
 * @param stages firms at one of these stages
 * @param industryChains candidates in one of these chains
 * @param source technology needs from catalogue entries ({@code ENTRY}) or from firms'
 * profiles ({@code FIRM}) only
 */
record MatchFilters(City city, Set<FinancingKind> financingKinds, Set<DealMode> dealModes, Integer minTrl,
		Set<Stage> stages, Set<IndustryChain> industryChains, CandidateType source) {

	static final MatchFilters NONE = new MatchFilters(null, null, null, null, null, null, null);

}
