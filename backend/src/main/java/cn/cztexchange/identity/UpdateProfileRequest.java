package cn.cztexchange.identity;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Changes to one's own profile; absent fields stay as they are.
 *
 * @param displayName the name shown to others
 * @param locale the preferred language, zh-CN or en
 */
record UpdateProfileRequest(
		@Size(max = 100, message = "must be at most 100 characters") @Pattern(regexp = "(?s).*\\S.*",
				message = "must not be blank") String displayName,
		@Pattern(regexp = "zh-CN|en", message = "must be zh-CN or en") String locale) {
}
