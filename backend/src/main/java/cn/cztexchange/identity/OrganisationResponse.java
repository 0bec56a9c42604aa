package cn.cztexchange.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An organisation as the caller may see it: {@code contact} only for members and admins.
 *
 * @param id its id
 * @param type what kind of organisation
 * @param nameZh its Chinese name
 * @param nameEn its English name
 * @param cities its cities
 * @param district its district
 * @param creditCode its unified social credit code
 * @param website its website
 * @param verificationStatus whether an admin has verified it
 * @param rejectionReason why verification was refused, for members and admins
 * @param createdAt when it was registered
 * @param contact how to reach it, or null
 */
record OrganisationResponse(UUID id, OrganisationType type, String nameZh, String nameEn, List<City> cities,
		String district, String creditCode, String website, VerificationStatus verificationStatus,
		String rejectionReason, Instant createdAt, Organisation.Contact contact) {

	static OrganisationResponse of(Organisation o, boolean internals) {
		return new OrganisationResponse(o.id(), o.type(), o.nameZh(), o.nameEn(), o.cities(), o.district(),
				o.creditCode(), o.website(), o.verificationStatus(), internals ? o.rejectionReason() : null,
				o.createdAt(), internals ? o.contact() : null);
	}

}
