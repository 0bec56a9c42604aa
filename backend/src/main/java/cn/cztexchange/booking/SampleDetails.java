package cn.cztexchange.booking;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Samples sent in for staff to run.
 *
 * @param count how many
 * @param description what they are and what should be measured
 * @param hazards anything staff must know to handle them safely, or null
 * @param returnSamples whether the user wants them back
 */
public record SampleDetails(
		@NotNull(message = "must be given") @Min(value = 1, message = "must be at least 1") @Max(value = 1000,
				message = "must be at most 1000") Integer count,
		@NotBlank(message = "must not be blank") @Size(max = 2000,
				message = "must be at most 2000 characters") String description,
		@Size(max = 500, message = "must be at most 500 characters") String hazards,
		@NotNull(message = "must be given") Boolean returnSamples) {

	SampleDetails withCount(int newCount) {
		return new SampleDetails(newCount, this.description, this.hazards, this.returnSamples);
	}

}
