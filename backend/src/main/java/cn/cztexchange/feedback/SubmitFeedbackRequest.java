package cn.cztexchange.feedback;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a visitor sends.
 *
 * @param message the feedback itself
 * @param contactEmail where the operators may answer, if the visitor wants an answer
 * @param page the web app path the visitor was on
 * @param language the web app language, {@code zh-CN} or {@code en}
 */
record SubmitFeedbackRequest(
		@NotBlank(message = "must not be blank") @Size(max = 2000,
				message = "must be at most 2000 characters") String message,
		@Email(message = "must be an email address") @Size(max = 254,
				message = "must be at most 254 characters") String contactEmail,
		@Size(max = 500, message = "must be at most 500 characters") String page,
		@Pattern(regexp = "zh-CN|en", message = "must be zh-CN or en") String language) {
}
