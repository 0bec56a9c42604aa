package cn.cztexchange.matching;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import cn.cztexchange.catalog.IndustryChain;
import cn.cztexchange.identity.City;
import cn.cztexchange.matching.Criterion.CriterionView;
import cn.cztexchange.matching.FirmProfileView.OrganisationRef;

/**
 * One match as a list shows it: the candidate (an entry, or a firm's public card), its
 * score, whether it is new to the subject's side, and every criterion checked, explained
 * in the caller's language.
 *
 * @param candidateType {@code ENTRY} or {@code FIRM}
 * @param entry the entry, for an entry
 * @param firm the firm's public card, for a firm
 * @param score 0 to 100, the points of the soft criteria
 * @param isNew first found in the last {@code app.matching.new-for}, or not yet seen by
 * the subject's side
 * @param firstSeenAt when it was first found for the subject
 * @param criteria the hard criteria (all met) and the soft ones with their points
 */
record MatchView(CandidateType candidateType, EntryView entry, FirmProfileView.Card firm, double score,
		@JsonProperty("new") boolean isNew, Instant firstSeenAt, List<CriterionView> criteria) {

	/**
	 * A catalogue entry as a match shows it.
	 *
	 * @param id the entry (its page: {@code /api/v1/resources/{id}})
	 * @param kind its kind
	 * @param titleZh its Chinese title
	 * @param titleEn its English title
	 * @param summaryZh its Chinese summary
	 * @param summaryEn its English summary
	 * @param city its city
	 * @param district its district
	 * @param industryChains its industry chains
	 * @param organisation who offers it
	 * @param publishedAt when it was published
	 * @param coverImageUrl its cover picture, if any
	 * @param details its kind's own fields (financing terms, readiness, deal modes, …)
	 */
	record EntryView(UUID id, String kind, String titleZh, String titleEn, String summaryZh, String summaryEn,
			City city, String district, List<IndustryChain> industryChains, OrganisationRef organisation,
			Instant publishedAt, String coverImageUrl, Map<String, Object> details) {

		static EntryView of(EntryHit hit) {
			return new EntryView(hit.id(), hit.kind(), hit.titleZh(), hit.titleEn(), hit.summaryZh(), hit.summaryEn(),
					hit.city(), hit.district(), hit.industryChains(), hit.organisation(), hit.publishedAt(),
					(hit.coverImageId() != null) ? "/api/v1/images/" + hit.coverImageId() : null, hit.details());
		}

	}

}
