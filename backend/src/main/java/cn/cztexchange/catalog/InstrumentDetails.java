package cn.cztexchange.catalog;

import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A large scientific instrument (大型科学仪器).
 *
 * @param model model designation, matched exactly in search (e.g. 7900)
 * @param manufacturer maker
 * @param countryOfManufacture where it was made
 * @param category what kind of instrument
 * @param mainFunctions 主要功能
 * @param specifications 主要技术指标
 * @param lab the lab that hosts it
 * @param address where it stands
 * @param purchaseValueFen what it cost, in fen
 * @param serviceModes machine time (机时) and/or sample submission (送样)
 * @param internalPrice the price for the host's own users
 * @param externalPrice the price for everyone else
 * @param trainingRequired whether users must be trained before machine time (absent: no)
 * @param approvalRequired whether bookings need the staff's approval (absent: no)
 * @param operatingStatus whether it can be used now
 */
public record InstrumentDetails(@Size(max = 100, message = "must be at most 100 characters") String model,
		@Size(max = 200, message = "must be at most 200 characters") String manufacturer,
		@Size(max = 100, message = "must be at most 100 characters") String countryOfManufacture,
		@NotNull(message = "must be given") Category category,
		@NotBlank(message = "must not be blank") @Size(max = 4000,
				message = "must be at most 4000 characters") String mainFunctions,
		@Size(max = 4000, message = "must be at most 4000 characters") String specifications,
		@Size(max = 200, message = "must be at most 200 characters") String lab,
		@Size(max = 300, message = "must be at most 300 characters") String address,
		@PositiveOrZero(message = "must not be negative") Long purchaseValueFen,
		@NotEmpty(message = "must offer machine time, sample submission or both") Set<@NotNull(
				message = "must be MACHINE_TIME or SAMPLE_SUBMISSION") ServiceMode> serviceModes,
		@Valid EntryContent.Price internalPrice, @Valid EntryContent.Price externalPrice, Boolean trainingRequired,
		Boolean approvalRequired, @NotNull(message = "must be given") OperatingStatus operatingStatus) {

	/** What kind of instrument. */
	public enum Category {

		ANALYTICAL, MATERIALS_TESTING, IMAGING, ELECTRONIC_MEASUREMENT, MANUFACTURING_PROCESS, OTHER

	}

	/**
	 * How it is used: by the researcher in a slot, or by the staff on samples sent in.
	 */
	public enum ServiceMode {

		MACHINE_TIME, SAMPLE_SUBMISSION

	}

	/** Whether it can be used now. */
	public enum OperatingStatus {

		IN_SERVICE, UNDER_MAINTENANCE, RETIRED

	}

}
