package cn.cztexchange.engagement;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.cztexchange.catalog.CatalogReader;
import cn.cztexchange.catalog.EntryContent;
import cn.cztexchange.catalog.ResourceKind;

/**
 * What an engagement can be about: a published catalogue entry (read through the
 * catalogue's service) or an active expert, and which subjects fit which kind of
 * engagement.
 */
@Component
class Subjects {

	/**
	 * Technology subjects that a technology owner offers: the firm approaches the entry's
	 * owner, or the owner approaches a firm about it.
	 */
	static final Set<ResourceKind> TECHNOLOGY_OFFERINGS = EnumSet.of(ResourceKind.TECH_OFFERING);

	/**
	 * Technology subjects that a firm posts (its technology needs): the entry's owner is
	 * the firm, and technology owners answer it.
	 */
	static final Set<ResourceKind> TECHNOLOGY_NEEDS = EnumSet.of(ResourceKind.TECH_NEED);

	private final CatalogReader catalog;

	private final ExpertRepository experts;

	Subjects(CatalogReader catalog, ExpertRepository experts) {
		this.catalog = catalog;
		this.experts = experts;
	}

	/** The expert with this id, or else the published entry, or empty. */
	Mono<Subject> find(UUID id) {
		return this.experts.findById(id)
			.map(Subject::of)
			.switchIfEmpty(Mono.defer(() -> this.catalog.publishedContent(id)
				.map((entry) -> new Subject(entry.id(), entry.kind(), entry.ownerOrganisationId(), null,
						entry.content().titleZh(), entry.content().titleEn(), entry.content().contact()))));
	}

	/**
	 * Why the subject does not fit an engagement of this kind, or null when it does.
	 */
	static String misfit(EngagementKind kind, Subject subject) {
		return switch (kind) {
			case FINANCING -> (subject.kind() == ResourceKind.FINANCING) ? null
					: "must be a published financing entry for a FINANCING engagement";
			case TECHNOLOGY -> (subject.kind() != null
					&& (TECHNOLOGY_OFFERINGS.contains(subject.kind()) || TECHNOLOGY_NEEDS.contains(subject.kind())))
							? null : "must be a published tech-transfer offering or technology need for a TECHNOLOGY "
									+ "engagement";
			case ADVISORY -> (subject.expert() != null || subject.kind() == ResourceKind.SERVICE) ? null
					: "must be an expert or a service organisation's published SERVICE entry for an ADVISORY "
							+ "engagement";
		};
	}

	/**
	 * An engagement's subject.
	 *
	 * @param id the entry or the expert
	 * @param kind the entry's kind, or null for an expert
	 * @param ownerOrganisationId the organisation that published the entry, or null
	 * @param expert the expert, or null
	 * @param titleZh the entry's title or the expert's name, in Chinese
	 * @param titleEn the same in English
	 * @param contact the entry's contact person, or null
	 */
	record Subject(UUID id, ResourceKind kind, UUID ownerOrganisationId, Expert expert, String titleZh, String titleEn,
			EntryContent.Contact contact) {

		static Subject of(Expert expert) {
			return new Subject(expert.id(), null, null, expert, expert.nameZh(), expert.nameEn(), null);
		}

		/**
		 * Whether the firm owns the subject (a technology need): the other side answers.
		 */
		boolean ownedByFirm() {
			return this.kind != null && TECHNOLOGY_NEEDS.contains(this.kind);
		}

	}

}
