package cn.cztexchange.identity;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An organisation's details, to create it or replace what it has.
 *
 * @param type what kind of organisation
 * @param nameZh its name in Chinese
 * @param nameEn its name in English
 * @param cities its city; a park may name up to three (an enclave park, 飞地园区)
 * @param district its district (区/县)
 * @param creditCode its unified social credit code (统一社会信用代码), checked by its check
 * character
 * @param website its website
 * @param contact how to reach it; seen only by members and admins
 */
record OrganisationRequest(@NotNull(message = "must be given") OrganisationType type,
		@NotBlank(message = "must not be blank") @Size(max = 200,
				message = "must be at most 200 characters") String nameZh,
		@NotBlank(message = "must not be blank") @Size(max = 200,
				message = "must be at most 200 characters") String nameEn,
		@NotEmpty(message = "must name at least one city") @Size(max = 3,
				message = "must name at most three cities") List<@NotNull(
						message = "must be CHANGSHA, ZHUZHOU or XIANGTAN") City> cities,
		@Size(max = 100, message = "must be at most 100 characters") String district,
		@Size(max = 18, message = "must have 18 characters") String creditCode,
		@Size(max = 300, message = "must be at most 300 characters") @Pattern(regexp = "^$|^https?://\\S+$",
				message = "must be an http(s) address") String website,
		@Valid Contact contact) {

	/**
	 * @param name contact person
	 * @param phone phone number
	 * @param email email address
	 * @param address postal address
	 */
	record Contact(@Size(max = 100, message = "must be at most 100 characters") String name,
			@Size(max = 40, message = "must be at most 40 characters") @Pattern(regexp = "^$|^[0-9+()\\- ]{5,40}$",
					message = "must be a phone number") String phone,
			@Size(max = 254, message = "must be at most 254 characters") @Email(
					message = "must be an email address") String email,
			@Size(max = 300, message = "must be at most 300 characters") String address) {
	}

}
