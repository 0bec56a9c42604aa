package cn.cztexchange.matching;

/**
 * One thing the engine checked about a match, explained in both languages; the answer
 * shows it in the caller's (see {@link CriterionView}).
 *
 * @param criterion what was checked, e.g. {@code STAGE} or {@code INDUSTRY_CHAIN}
 * @param hard whether it filters (a returned match always meets it) rather than scores
 * @param met whether the match meets it (for a soft criterion: it earned points)
 * @param weight the most points it can give, out of 100 (null for a hard criterion)
 * @param points the points it gave (null for a hard criterion)
 * @param zh the explanation in Chinese
 * @param en the explanation in English
 */
record Criterion(String criterion, boolean hard, boolean met, Double weight, Double points, String zh, String en) {

	static Criterion hard(String criterion, Explanations.Text text) {
		return new Criterion(criterion, true, true, null, null, text.zh(), text.en());
	}

	static Criterion soft(String criterion, double weight, double fraction, Explanations.Text text) {
		double bounded = Math.max(0, Math.min(1, fraction));
		return new Criterion(criterion, false, bounded > 0, round(weight), round(weight * bounded), text.zh(),
				text.en());
	}

	CriterionView in(Language language) {
		return new CriterionView(this.criterion, this.hard, this.met, this.weight, this.points,
				language.pick(this.zh, this.en));
	}

	static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	/**
	 * A criterion as the caller reads it.
	 *
	 * @param criterion what was checked: STAGE, AMOUNT, REGION, QUALIFICATIONS,
	 * INSTRUMENT, TRL, DEAL_MODE, BUDGET (hard); INDUSTRY_CHAIN, TEXT, RECENCY, DISTANCE
	 * (soft)
	 * @param hard whether it filters rather than scores
	 * @param met whether the match meets it
	 * @param weight the most points it can give (soft only)
	 * @param points the points it gave (soft only)
	 * @param explanation why, in the caller's language
	 */
	record CriterionView(String criterion, boolean hard, boolean met, Double weight, Double points,
			String explanation) {
	}

}
