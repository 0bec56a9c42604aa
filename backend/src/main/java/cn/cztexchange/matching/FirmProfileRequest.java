package cn.cztexchange.matching;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import cn.cztexchange.catalog.EntryContent.Contact;
import cn.cztexchange.catalog.EntryContent.Location;
import cn.cztexchange.catalog.FinancingDetails.Stage;
import cn.cztexchange.catalog.IndustryChain;
import cn.cztexchange.identity.City;
import cn.cztexchange.matching.FirmProfile.FundingNeed;
import cn.cztexchange.matching.FirmProfile.HeldQualification;
import cn.cztexchange.matching.FirmProfile.Patents;

/**
 * A firm's profile as its members send it (see {@link FirmProfile} for the fields), with
 * the version they edited: absent to create the profile, the version they read to change
 * it.
 */
record FirmProfileRequest(
		@NotEmpty(message = "must name at least one industry chain") @Size(max = 5,
				message = "must name at most 5 industry chains") List<@NotNull(
						message = "must be a known industry chain") IndustryChain> industryChains,
		@NotBlank(message = "must not be blank") @Size(max = 2000,
				message = "must be at most 2000 characters") String products,
		@NotNull(message = "must be SEED, START_UP, GROWTH, MATURE or PRE_IPO") Stage stage,
		@NotNull(message = "must be CHANGSHA, ZHUZHOU or XIANGTAN") City city,
		@Size(max = 100, message = "must be at most 100 characters") String district, @Valid Location location,
		@Min(value = 1900, message = "must be 1900 or later") @Max(value = 2100,
				message = "must not be in the future") Integer foundedYear,
		EmployeesBand employees, RevenueBand revenue,
		@Size(max = 10,
				message = "must list at most 10 qualifications") List<@NotNull(
						message = "must be given") @Valid HeldQualification> qualifications,
		@Valid Patents patents, @Valid FundingNeed fundingNeed,
		@Size(max = 4000, message = "must be at most 4000 characters") String technologyNeeds, @Valid Contact contact,
		@NotNull(message = "must be true or false") Boolean discoverable,
		@PositiveOrZero(message = "must not be negative") Integer version) {

	FirmProfile profile() {
		return new FirmProfile(this.industryChains.stream().distinct().toList(), this.products.strip(), this.stage,
				this.city, blankToNull(this.district), this.location, this.foundedYear, this.employees, this.revenue,
				(this.qualifications != null) ? this.qualifications : List.of(), this.patents, this.fundingNeed,
				blankToNull(this.technologyNeeds), this.contact, this.discoverable);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
