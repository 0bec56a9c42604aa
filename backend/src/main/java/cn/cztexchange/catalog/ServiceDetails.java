package cn.cztexchange.catalog;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A professional technical service (专业技术服务).
 *
 * @param serviceType what is done
 * @param scope what it covers
 * @param accreditations accreditations such as CMA or CNAS, with their numbers
 * @param turnaroundDays usual days from order to result
 * @param price what it costs
 */
public record ServiceDetails(@NotNull(message = "must be given") ServiceType serviceType,
		@NotBlank(message = "must not be blank") @Size(max = 4000,
				message = "must be at most 4000 characters") String scope,
		@Size(max = 10,
				message = "must list at most 10 accreditations") List<@Valid @NotNull(
						message = "must be given") Accreditation> accreditations,
		@Positive(message = "must be at least 1") @Max(value = 365,
				message = "must be at most 365") Integer turnaroundDays,
		@Valid EntryContent.Price price) {

	/** What a technical service does. */
	public enum ServiceType {

		TESTING, CERTIFICATION, DESIGN, PROTOTYPING, ANALYSIS

	}

	/**
	 * @param scheme the accreditation scheme
	 * @param number the certificate number
	 */
	public record Accreditation(@NotNull(message = "must be CMA, CNAS or OTHER") Scheme scheme,
			@NotBlank(message = "must not be blank") @Size(max = 60,
					message = "must be at most 60 characters") String number) {

		/** Accreditation schemes. */
		public enum Scheme {

			CMA, CNAS, OTHER

		}

	}

}
