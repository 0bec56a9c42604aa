package cn.cztexchange.matching;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the matching engine ranks and when it tells firms about new matches.
 *
 * @param weights how much each soft criterion counts; the score is their points scaled to
 * 0–100, so only the ratios between the weights matter
 * @param candidates how many candidates the engine fetches from Elasticsearch, with the
 * hard criteria as filters and a relevance query, before scoring them; the lists rank
 * these, so a page beyond them is empty
 * @param recencyHalfLife the age at which an entry (or a firm's profile) gets half the
 * recency points; it gets all of them when new
 * @param distanceScale the distance at which the distance criterion gives half its points
 * (all of them at 0 km); Changsha and Zhuzhou are about 45 km apart, Zhuzhou and Xiangtan
 * about 20 km
 * @param notifyScore the least score of a new match that the firm's members are told
 * about in the app
 * @param newFor how long after it was first found a match is marked {@code new} (a match
 * nobody has looked at yet is new whatever its age)
 * @param suggestions how many of a subject's best matches are stored (and compared with
 * the previous ones to find new matches) when the outbox says a side changed
 * @param indexShards primary shards of a new firms index
 * @param indexReplicas replica shards of a new firms index (0 on a single node, at least
 * 1 on a cluster)
 */
@ConfigurationProperties("app.matching")
public record MatchingProperties(@DefaultValue Weights weights, @DefaultValue("200") int candidates,
		@DefaultValue("180d") Duration recencyHalfLife, @DefaultValue("30") double distanceScale,
		@DefaultValue("60") double notifyScore, @DefaultValue("7d") Duration newFor,
		@DefaultValue("20") int suggestions, @DefaultValue("1") int indexShards, @DefaultValue("0") int indexReplicas) {

	public MatchingProperties {
		if (candidates < 1 || candidates > 10_000) {
			throw new IllegalArgumentException("app.matching.candidates must be from 1 to 10000, not " + candidates);
		}
		if (distanceScale <= 0) {
			throw new IllegalArgumentException("app.matching.distance-scale must be more than 0 km");
		}
		if (recencyHalfLife.isNegative() || recencyHalfLife.isZero()) {
			throw new IllegalArgumentException("app.matching.recency-half-life must be longer than 0");
		}
	}

	/**
	 * The soft criteria's weights; each must be 0 or more and at least one more than 0.
	 *
	 * @param industryChain shared industry chains
	 * @param text similarity of the two sides' texts, in Chinese and English
	 * (Elasticsearch's relevance on the analysed words, normalised against the best
	 * candidate)
	 * @param recency how recently the candidate was published (an entry) or updated (a
	 * firm's profile)
	 * @param distance how close the candidate is to the subject
	 */
	public record Weights(@DefaultValue("40") double industryChain, @DefaultValue("35") double text,
			@DefaultValue("10") double recency, @DefaultValue("15") double distance) {

		public Weights {
			if (industryChain < 0 || text < 0 || recency < 0 || distance < 0
					|| industryChain + text + recency + distance <= 0) {
				throw new IllegalArgumentException(
						"app.matching.weights.* must be 0 or more, and at least one of them more than 0");
			}
		}

		double total() {
			return this.industryChain + this.text + this.recency + this.distance;
		}

	}

}
