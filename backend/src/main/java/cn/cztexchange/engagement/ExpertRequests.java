package cn.cztexchange.engagement;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.cztexchange.catalog.IndustryChain;
import cn.cztexchange.identity.City;

/** The request bodies of the expert directory's admin API. */
final class ExpertRequests {

	private ExpertRequests() {
	}

	/**
	 * An expert as an admin writes it.
	 *
	 * @param nameZh name in Chinese
	 * @param nameEn name in English
	 * @param titleZh professional title in Chinese (职称)
	 * @param titleEn professional title in English
	 * @param organisationId the platform organisation the expert works for; its names are
	 * used where none are given
	 * @param organisationNameZh the organisation's Chinese name, when it is not on the
	 * platform
	 * @param organisationNameEn its English name
	 * @param city where the expert works
	 * @param fields fields of expertise, as tags
	 * @param industryChains the industry chains the expert knows
	 * @param services the advisory services offered, at least one
	 * @param bioZh biography in Chinese
	 * @param bioEn biography in English
	 * @param contact how to reach the expert (private until an engagement is accepted)
	 * @param userEmail the email address of the user who answers the expert's requests;
	 * without one, nobody can send the expert a request
	 * @param active whether the directory lists the expert (default true)
	 * @param version when saving changes: the version read, to detect concurrent edits
	 */
	record Save(
			@NotBlank(message = "must not be blank") @Size(max = 100,
					message = "must be at most 100 characters") String nameZh,
			@Size(max = 100, message = "must be at most 100 characters") String nameEn,
			@Size(max = 100, message = "must be at most 100 characters") String titleZh,
			@Size(max = 100, message = "must be at most 100 characters") String titleEn, UUID organisationId,
			@Size(max = 200, message = "must be at most 200 characters") String organisationNameZh,
			@Size(max = 200, message = "must be at most 200 characters") String organisationNameEn,
			@NotNull(message = "must be CHANGSHA, ZHUZHOU or XIANGTAN") City city,
			@Size(max = 20,
					message = "must have at most 20 fields") List<@NotBlank(message = "must not be blank") @Size(
							max = 30, message = "must be at most 30 characters") String> fields,
			@Size(max = 8,
					message = "must name at most 8 industry chains") List<@NotNull(
							message = "must be a known industry chain") IndustryChain> industryChains,
			@NotEmpty(message = "must name at least one service") Set<@NotNull(
					message = "must be RESULT_EVALUATION, INVESTMENT_ADVICE or MARKET_RESEARCH") AdvisoryType> services,
			@Size(max = 4000, message = "must be at most 4000 characters") String bioZh,
			@Size(max = 4000, message = "must be at most 4000 characters") String bioEn, @Valid Contact contact,
			@Size(max = 254, message = "must be at most 254 characters") @Email(
					message = "must be an email address") String userEmail,
			Boolean active, Integer version) {
	}

}
