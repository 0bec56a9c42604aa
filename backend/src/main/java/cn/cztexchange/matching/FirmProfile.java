package cn.cztexchange.matching;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import cn.cztexchange.catalog.EntryContent.Contact;
import cn.cztexchange.catalog.EntryContent.Location;
import cn.cztexchange.catalog.FinancingDetails.Stage;
import cn.cztexchange.catalog.IndustryChain;
import cn.cztexchange.identity.City;

/**
 * What a firm tells about itself, as stored (a JSON document in {@code firm_profiles}).
 * Private, until the firm accepts a match: the contact, the revenue band, the funding
 * purpose, certificate numbers and patent numbers; the rest is the public card that
 * discoverers see when the firm is {@code discoverable}.
 *
 * @param industryChains the industry chains it works in, the main one first
 * @param products what it makes or offers, in its own words
 * @param stage its stage
 * @param city the city it is in
 * @param district its district (区/县)
 * @param location where it is, for distances; absent: the district's or city's centre
 * @param foundedYear the year it was founded
 * @param employees how many people it employs
 * @param revenue its yearly revenue (private)
 * @param qualifications the qualifications it holds
 * @param patents the patents and copyrights it holds
 * @param fundingNeed the money it seeks, if any
 * @param technologyNeeds the technology it seeks, in its own words
 * @param contact who answers for it (private)
 * @param discoverable whether investors and technology owners may find it
 */
record FirmProfile(List<IndustryChain> industryChains, String products, Stage stage, City city, String district,
		Location location, Integer foundedYear, EmployeesBand employees, RevenueBand revenue,
		List<HeldQualification> qualifications, Patents patents, FundingNeed fundingNeed, String technologyNeeds,
		Contact contact, boolean discoverable) {

	/** The qualifications whose certificates have not expired on the day. */
	Set<Qualification> validQualifications(LocalDate day) {
		Set<Qualification> valid = EnumSet.noneOf(Qualification.class);
		if (this.qualifications != null) {
			this.qualifications.stream()
				.filter((held) -> held.validOn(day))
				.forEach((held) -> valid.add(held.qualification()));
		}
		return valid;
	}

	/** Where it is: its own location, else its district's or its city's centre. */
	Location place() {
		return (this.location != null) ? this.location : Places.centre(this.city, this.district);
	}

	/** The funding need, or one that asks for nothing in particular. */
	FundingNeed need() {
		return (this.fundingNeed != null) ? this.fundingNeed : FundingNeed.NONE;
	}

	/**
	 * A qualification the firm holds.
	 *
	 * @param qualification which
	 * @param certificateNumber the certificate's number (private)
	 * @param expiresOn the last day the certificate is valid; absent: it does not expire
	 */
	record HeldQualification(
			@NotNull(message = "must be HIGH_TECH_ENTERPRISE, TECH_SME, SPECIALISED_SME, LITTLE_GIANT or "
					+ "MANUFACTURING_CHAMPION") Qualification qualification,
			@Size(max = 50, message = "must be at most 50 characters") String certificateNumber, LocalDate expiresOn) {

		boolean validOn(LocalDate day) {
			return this.expiresOn == null || !this.expiresOn.isBefore(day);
		}

	}

	/**
	 * Patents and copyrights held: counts by type (public) and up to 50 numbers
	 * (private).
	 *
	 * @param invention invention patents (发明专利)
	 * @param utilityModel utility model patents (实用新型)
	 * @param design design patents (外观设计)
	 * @param softwareCopyright software copyrights (软件著作权)
	 * @param numbers patent or registration numbers
	 */
	record Patents(@PositiveOrZero(message = "must not be negative") int invention,
			@PositiveOrZero(message = "must not be negative") int utilityModel,
			@PositiveOrZero(message = "must not be negative") int design,
			@PositiveOrZero(message = "must not be negative") int softwareCopyright,
			@Size(max = 50,
					message = "must list at most 50 numbers") List<@NotBlank(message = "must not be blank") @Size(
							max = 40, message = "must be at most 40 characters") String> numbers) {

		/** The same without the numbers, for the public card. */
		Patents counts() {
			return new Patents(this.invention, this.utilityModel, this.design, this.softwareCopyright, null);
		}

		int total() {
			return this.invention + this.utilityModel + this.design + this.softwareCopyright;
		}

	}

	/**
	 * The money a firm seeks.
	 *
	 * @param amountMinFen the least it seeks, in fen; absent: no lower bound
	 * @param amountMaxFen the most it seeks, in fen; absent: no upper bound
	 * @param purpose what the money is for (private)
	 * @param instruments the ways it prefers to raise it; none: any
	 */
	record FundingNeed(@PositiveOrZero(message = "must not be negative") Long amountMinFen,
			@PositiveOrZero(message = "must not be negative") Long amountMaxFen,
			@Size(max = 2000, message = "must be at most 2000 characters") String purpose,
			Set<@NotNull(message = "must be EQUITY, LOAN, GUARANTEE or GRANT") FundingInstrument> instruments) {

		static final FundingNeed NONE = new FundingNeed(null, null, null, null);

		/** Whether it names an amount at all. */
		boolean hasAmount() {
			return this.amountMinFen != null || this.amountMaxFen != null;
		}

		Set<FundingInstrument> preferred() {
			return (this.instruments != null) ? this.instruments : Set.of();
		}

		/** The same without the purpose, for the public card. */
		FundingNeed withoutPurpose() {
			return new FundingNeed(this.amountMinFen, this.amountMaxFen, null, this.instruments);
		}

	}

}
