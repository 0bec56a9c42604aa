package cn.cztexchange.catalog;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.cztexchange.identity.City;

import cn.cztexchange.text.AnalysedText;

/**
 * What a publisher writes about an entry: the fields every kind shares, and exactly one
 * of the kind-specific parts, the one named like the entry's kind.
 *
 * @param titleZh title in Chinese
 * @param titleEn title in English
 * @param summaryZh summary in Chinese, written for the people who would use it
 * @param summaryEn summary in English
 * @param city the city it is in
 * @param district the district (区/县)
 * @param industryChains the industry chains it serves
 * @param tags free keywords
 * @param location where it is, for maps and distance
 * @param contact who answers questions about it
 * @param instrument the instrument's details, for an INSTRUMENT entry
 * @param service the service's details, for a SERVICE entry
 * @param literature the publication's details, for a LITERATURE entry
 * @param techOffering the offering's details, for a TECH_OFFERING entry
 * @param financing the financing product's details, for a FINANCING entry
 * @param techNeed the need's details, for a TECH_NEED entry (absent in content saved
 * before the kind existed)
 * @param imageIds the entry's images to show, in order, the first as its cover; each must
 * have been uploaded to this entry (absent in content saved before images existed)
 */
public record EntryContent(
		@NotBlank(message = "must not be blank") @Size(max = 200,
				message = "must be at most 200 characters") String titleZh,
		@Size(max = 200, message = "must be at most 200 characters") String titleEn,
		@NotBlank(message = "must not be blank") @Size(max = 4000,
				message = "must be at most 4000 characters") String summaryZh,
		@Size(max = 4000, message = "must be at most 4000 characters") String summaryEn,
		@NotNull(message = "must be CHANGSHA, ZHUZHOU or XIANGTAN") City city,
		@Size(max = 100, message = "must be at most 100 characters") String district,
		@Size(max = 8,
				message = "must name at most 8 industry chains") List<@NotNull(
						message = "must be a known industry chain") IndustryChain> industryChains,
		@Size(max = 20,
				message = "must have at most 20 tags") List<@NotBlank(message = "must not be blank") @Size(max = 30,
						message = "must be at most 30 characters") String> tags,
		@Valid Location location, @Valid Contact contact, @Valid InstrumentDetails instrument,
		@Valid ServiceDetails service, @Valid LiteratureDetails literature, @Valid TechOfferingDetails techOffering,
		@Valid FinancingDetails financing, @Valid TechNeedDetails techNeed, @Size(max = 8,
				message = "must list at most 8 images") List<@NotNull(message = "must be given") UUID> imageIds) {

	/** The images to show, in order; none when absent. */
	public List<UUID> images() {
		return (this.imageIds != null) ? this.imageIds : List.of();
	}

	/** The same content showing these images. */
	EntryContent withImageIds(List<UUID> imageIds) {
		return new EntryContent(this.titleZh, this.titleEn, this.summaryZh, this.summaryEn, this.city, this.district,
				this.industryChains, this.tags, this.location, this.contact, this.instrument, this.service,
				this.literature, this.techOffering, this.financing, this.techNeed, imageIds);
	}

	/** Its titles and summaries as search reads them (a costly step: see the type). */
	public AnalysedText analyseText() {
		return AnalysedText.of(this.titleZh, this.summaryZh, this.titleEn, this.summaryEn);
	}

	/** The kind-specific part present, by kind, or null. */
	public Object detailsOf(ResourceKind kind) {
		return switch (kind) {
			case INSTRUMENT -> this.instrument;
			case SERVICE -> this.service;
			case LITERATURE -> this.literature;
			case TECH_OFFERING -> this.techOffering;
			case FINANCING -> this.financing;
			case TECH_NEED -> this.techNeed;
		};
	}

	/**
	 * A point in the Changsha–Zhuzhou–Xiangtan area.
	 *
	 * @param lat latitude, degrees north
	 * @param lon longitude, degrees east
	 */
	public record Location(
			@NotNull(message = "must be given") @DecimalMin(value = "26.0",
					message = "must lie in the CZT area (26°N–29.5°N)") @DecimalMax(value = "29.5",
							message = "must lie in the CZT area (26°N–29.5°N)") Double lat,
			@NotNull(message = "must be given") @DecimalMin(value = "111.5",
					message = "must lie in the CZT area (111.5°E–114.5°E)") @DecimalMax(value = "114.5",
							message = "must lie in the CZT area (111.5°E–114.5°E)") Double lon) {
	}

	/**
	 * @param name contact person
	 * @param phone phone number
	 * @param email email address
	 */
	public record Contact(@Size(max = 100, message = "must be at most 100 characters") String name,
			@Size(max = 40, message = "must be at most 40 characters") @Pattern(regexp = "^$|^[0-9+()\\- ]{5,40}$",
					message = "must be a phone number") String phone,
			@Size(max = 254, message = "must be at most 254 characters") @Email(
					message = "must be an email address") String email) {
	}

	/**
	 * A price in CNY.
	 *
	 * @param amountFen the amount in fen (1/100 yuan), never floating point
	 * @param unit what it is charged per
	 */
	public record Price(
			@NotNull(message = "must be given") @jakarta.validation.constraints.PositiveOrZero(
					message = "must not be negative") Long amountFen,
			@NotNull(message = "must be PER_HOUR, PER_SAMPLE or PER_PROJECT") PriceUnit unit) {
	}

	/** What a price is charged per. */
	public enum PriceUnit {

		PER_HOUR, PER_SAMPLE, PER_PROJECT

	}

}
