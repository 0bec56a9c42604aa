package cn.cztexchange.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A registration.
 *
 * @param email the email address, which is also the login name
 * @param password 12 to 128 characters, not a common password, not containing the email
 * name
 * @param displayName the name shown to others
 * @param role RESEARCHER, FIRM or INVESTOR; publishers and admins are appointed by admins
 * @param locale the preferred language, zh-CN or en
 */
record RegisterRequest(
		@NotBlank(message = "must not be blank") @Size(max = 254,
				message = "must be at most 254 characters") String email,
		@NotNull(message = "must not be empty") @Size(max = 1024, message = "is too long") String password,
		@NotBlank(message = "must not be blank") @Size(max = 100,
				message = "must be at most 100 characters") String displayName,
		@NotNull(message = "must be RESEARCHER, FIRM or INVESTOR") Role role,
		@NotNull(message = "must be zh-CN or en") @Pattern(regexp = "zh-CN|en",
				message = "must be zh-CN or en") String locale) {
}
