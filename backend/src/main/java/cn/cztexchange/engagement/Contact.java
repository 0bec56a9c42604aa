package cn.cztexchange.engagement;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * How to reach someone: shown to the parties of an engagement from its acceptance on,
 * never before.
 *
 * @param name contact person
 * @param phone phone number
 * @param email email address
 * @param address postal address, where known
 */
public record Contact(@Size(max = 100, message = "must be at most 100 characters") String name,
		@Size(max = 40, message = "must be at most 40 characters") @Pattern(regexp = "^$|^[0-9+()\\- ]{5,40}$",
				message = "must be a phone number") String phone,
		@Size(max = 254,
				message = "must be at most 254 characters") @Email(message = "must be an email address") String email,
		@Size(max = 300, message = "must be at most 300 characters") String address) {

	boolean isEmpty() {
		return isBlank(this.name) && isBlank(this.phone) && isBlank(this.email) && isBlank(this.address);
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
