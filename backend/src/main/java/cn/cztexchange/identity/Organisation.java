package cn.cztexchange.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An organisation as stored. */
record Organisation(UUID id, OrganisationType type, String nameZh, String nameEn, List<City> cities, String district,
		String creditCode, String website, Contact contact, VerificationStatus verificationStatus,
		String rejectionReason, Instant verifiedAt, Instant createdAt, Instant updatedAt) {

	/**
	 * How to reach the organisation: visible to its members and to admins only.
	 *
	 * @param name contact person
	 * @param phone phone number
	 * @param email email address
	 * @param address postal address
	 */
	record Contact(String name, String phone, String email, String address) {
	}

}
