package cn.cztexchange.matching;

import java.time.Instant;

import cn.cztexchange.identity.OrganisationDirectory.OrganisationSummary;
import cn.cztexchange.matching.FirmProfileView.OrganisationRef;

/**
 * One of the caller's firms and the state of its profile.
 *
 * @param organisation the firm
 * @param hasProfile whether it has a profile yet
 * @param discoverable whether investors and technology owners may find it (null without a
 * profile)
 * @param version the profile's version (null without a profile)
 * @param updatedAt when the profile was last saved (null without a profile)
 */
record MyFirmProfile(OrganisationRef organisation, boolean hasProfile, Boolean discoverable, Integer version,
		Instant updatedAt) {

	static MyFirmProfile of(OrganisationSummary organisation, StoredProfile stored) {
		return (stored != null)
				? new MyFirmProfile(OrganisationRef.of(organisation), true, stored.profile().discoverable(),
						stored.version(), stored.updatedAt())
				: new MyFirmProfile(OrganisationRef.of(organisation), false, null, null, null);
	}

}
