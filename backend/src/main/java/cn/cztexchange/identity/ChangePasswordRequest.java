package cn.cztexchange.identity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A password change.
 *
 * @param currentPassword the password now
 * @param newPassword the password from now on
 */
record ChangePasswordRequest(
		@NotNull(message = "must not be empty") @Size(max = 1024, message = "is too long") String currentPassword,
		@NotNull(message = "must not be empty") @Size(max = 1024, message = "is too long") String newPassword) {
}
