package cn.cztexchange.matching;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.cztexchange.catalog.EntryContent.Location;
import cn.cztexchange.catalog.IndustryChain;

/**
 * The soft criteria and the score. Each criterion gives its weight (scaled so that the
 * weights add up to 100) times a fraction from 0 to 1:
 * <ul>
 * <li>industry chains: the shared chains over the fewer chains of the two sides (a
 * one-chain fund for a firm's main chain counts fully);</li>
 * <li>text: Elasticsearch's relevance of the candidate's analysed words for the
 * subject's, over the best candidate's (the best text match gets all the points);</li>
 * <li>recency: one half for every {@code recency-half-life} of age;</li>
 * <li>distance: one half for every {@code distance-scale} km between the two.</li>
 * </ul>
 * The score is the sum, from 0 to 100.
 */
@Component
class Scoring {

	/** At most this many shared words explain a text match. */
	private static final int SHARED_WORDS = 5;

	/**
	 * A candidate sharing fewer of the subject's words gets a part of its text relevance.
	 */
	static final int FULL_TEXT_WORDS = 3;

	private final MatchingProperties properties;

	private final Clock clock;

	Scoring(MatchingProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The soft criteria of a candidate for a subject.
	 * @param subject the side asking
	 * @param chains the candidate's industry chains
	 * @param textFraction the candidate's text relevance over the best candidate's
	 * @param zhWords the candidate's analysed Chinese words
	 * @param enWords the candidate's analysed English words
	 * @param time when the candidate was published (or its profile saved)
	 * @param profile whether the candidate is a firm's profile rather than an entry
	 * @param place where the candidate is, or null
	 */
	List<Criterion> soft(Side subject, List<IndustryChain> chains, double textFraction, List<String> zhWords,
			List<String> enWords, Instant time, boolean profile, Location place) {
		MatchingProperties.Weights weights = this.properties.weights();
		double scale = 100 / weights.total();
		List<Criterion> criteria = new ArrayList<>(4);
		List<IndustryChain> shared = subject.chains().stream().filter(chains::contains).distinct().toList();
		int fewer = Math.min(subject.chains().size(), chains.size());
		criteria.add(Criterion.soft("INDUSTRY_CHAIN", weights.industryChain() * scale,
				(fewer == 0) ? 0 : Math.min(1, (double) shared.size() / fewer), Explanations.chains(shared)));
		List<String> sharedZh = shared(subject.zhWords(), zhWords);
		List<String> sharedEn = shared(subject.enWords(), enWords);
		int sharedWords = Math.max(sharedZh.size(), sharedEn.size());
		double text = textFraction * Math.min(1, sharedWords / (double) FULL_TEXT_WORDS);
		criteria.add(Criterion.soft("TEXT", weights.text() * scale, text, Explanations.text(text, sharedZh, sharedEn)));
		Duration age = Duration.between(time, this.clock.instant());
		long days = Math.max(0, age.toDays());
		double halfLives = Math.max(0, age.toSeconds()) / (double) this.properties.recencyHalfLife().toSeconds();
		criteria.add(Criterion.soft("RECENCY", weights.recency() * scale, Math.pow(0.5, halfLives),
				Explanations.recency(days, profile)));
		Double km = (subject.place() != null && place != null) ? Places.distanceKm(subject.place(), place) : null;
		criteria.add(Criterion.soft("DISTANCE", weights.distance() * scale,
				(km != null) ? Math.pow(0.5, km / this.properties.distanceScale()) : 0, Explanations.distance(km)));
		return criteria;
	}

	/** The score of a match: the points of its soft criteria, 0 to 100. */
	static double score(List<Criterion> criteria) {
		double points = criteria.stream().filter((c) -> c.points() != null).mapToDouble(Criterion::points).sum();
		return Criterion.round(Math.min(100, points));
	}

	/** The subject's words that the candidate has too, in the subject's order. */
	private static List<String> shared(List<String> subject, List<String> candidate) {
		Set<String> theirs = new HashSet<>(candidate);
		return subject.stream().filter(theirs::contains).limit(SHARED_WORDS).toList();
	}

	/**
	 * The side that asks for matches, as the soft criteria compare it.
	 *
	 * @param chains its industry chains
	 * @param zhWords its analysed Chinese words
	 * @param enWords its analysed English words
	 * @param place where it is, or null
	 */
	record Side(List<IndustryChain> chains, List<String> zhWords, List<String> enWords, Location place) {
	}

}
