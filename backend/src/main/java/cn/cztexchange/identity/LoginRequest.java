package cn.cztexchange.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A login.
 *
 * @param email the account's email address
 * @param password its password
 */
record LoginRequest(
		@NotBlank(message = "must not be blank") @Size(max = 254,
				message = "must be at most 254 characters") String email,
		@NotNull(message = "must not be empty") @Size(max = 1024, message = "is too long") String password) {
}
