package cn.cztexchange.engagement;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.cztexchange.catalog.IndustryChain;
import cn.cztexchange.identity.City;

/**
 * An expert of the directory, as stored: one row of {@code experts}.
 *
 * @param id the expert
 * @param nameZh name in Chinese
 * @param nameEn name in English
 * @param titleZh professional title in Chinese (职称)
 * @param titleEn professional title in English
 * @param organisationId the platform organisation the expert works for, or null
 * @param organisationNameZh the organisation's Chinese name
 * @param organisationNameEn the organisation's English name
 * @param city where the expert works
 * @param fields fields of expertise, as tags
 * @param industryChains the industry chains the expert knows
 * @param services the advisory services the expert offers
 * @param bioZh biography in Chinese
 * @param bioEn biography in English
 * @param contact how to reach the expert: private until an engagement is accepted
 * @param userId the user who answers the expert's requests, or null (then nobody can
 * request)
 * @param active whether the directory shows the expert and requests may be sent
 * @param demo whether it is demo data
 * @param createdAt when it was added
 * @param updatedAt when it last changed
 * @param version bumped by every change
 */
record Expert(UUID id, String nameZh, String nameEn, String titleZh, String titleEn, UUID organisationId,
		String organisationNameZh, String organisationNameEn, City city, List<String> fields,
		List<IndustryChain> industryChains, Set<AdvisoryType> services, String bioZh, String bioEn, Contact contact,
		UUID userId, boolean active, boolean demo, Instant createdAt, Instant updatedAt, int version) {

	/** Whether a firm can send the expert a request: active, with someone to answer. */
	boolean takesRequests() {
		return this.active && this.userId != null;
	}

}
