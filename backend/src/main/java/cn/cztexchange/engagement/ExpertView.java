package cn.cztexchange.engagement;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.cztexchange.catalog.IndustryChain;
import cn.cztexchange.identity.City;

/**
 * An expert as the directory shows it. The contact, the linked user and the bookkeeping
 * fields are for admins only (null for everyone else): others see the contact in an
 * accepted engagement with the expert.
 *
 * @param id the expert
 * @param nameZh name in Chinese
 * @param nameEn name in English
 * @param titleZh professional title in Chinese
 * @param titleEn professional title in English
 * @param organisation where the expert works, or null
 * @param city where the expert works
 * @param fields fields of expertise (tags)
 * @param industryChains industry chains the expert knows
 * @param services the advisory services offered
 * @param bioZh biography in Chinese
 * @param bioEn biography in English
 * @param takesRequests whether a firm can send a request now (active, and someone
 * answers)
 * @param demo whether it is demo data
 * @param active admins: whether the directory lists the expert
 * @param contact admins: how to reach the expert
 * @param linkedUser admins: who answers the expert's requests
 * @param version admins: give it back when saving
 * @param createdAt admins: when it was added
 * @param updatedAt admins: when it last changed
 */
record ExpertView(UUID id, String nameZh, String nameEn, String titleZh, String titleEn, OrganisationRef organisation,
		City city, List<String> fields, List<IndustryChain> industryChains, Set<AdvisoryType> services, String bioZh,
		String bioEn, boolean takesRequests, boolean demo, Boolean active, Contact contact, LinkedUser linkedUser,
		Integer version, Instant createdAt, Instant updatedAt) {

	static ExpertView of(Expert e, boolean admin, LinkedUser linkedUser) {
		OrganisationRef organisation = (e.organisationId() != null || e.organisationNameZh() != null)
				? new OrganisationRef(e.organisationId(), e.organisationNameZh(), e.organisationNameEn()) : null;
		return new ExpertView(e.id(), e.nameZh(), e.nameEn(), e.titleZh(), e.titleEn(), organisation, e.city(),
				e.fields(), e.industryChains(), e.services(), e.bioZh(), e.bioEn(), e.takesRequests(), e.demo(),
				admin ? e.active() : null, admin ? e.contact() : null, admin ? linkedUser : null,
				admin ? e.version() : null, admin ? e.createdAt() : null, admin ? e.updatedAt() : null);
	}

	/**
	 * @param id the platform organisation, or null when only its name is known
	 * @param nameZh its Chinese name
	 * @param nameEn its English name
	 */
	record OrganisationRef(UUID id, String nameZh, String nameEn) {
	}

	/**
	 * @param id the user
	 * @param email their email address
	 * @param displayName their name
	 */
	record LinkedUser(UUID id, String email, String displayName) {
	}

}
