package cn.cztexchange.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Requests about an organisation's members. */
final class MemberRequests {

	private MemberRequests() {
	}

	/**
	 * Adds an existing account to the organisation.
	 *
	 * @param email the account's email address
	 * @param role MEMBER or MANAGER
	 */
	record Add(
			@NotBlank(message = "must not be blank") @Size(max = 254,
					message = "must be at most 254 characters") String email,
			@NotNull(message = "must be MEMBER or MANAGER") MembershipRole role) {
	}

	/**
	 * Changes a member's role.
	 *
	 * @param role MEMBER or MANAGER
	 */
	record ChangeRole(@NotNull(message = "must be MEMBER or MANAGER") MembershipRole role) {
	}

}
