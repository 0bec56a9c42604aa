package cn.cztexchange.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.cztexchange.catalog.EntryContent.Contact;
import cn.cztexchange.catalog.EntryContent.Location;
import cn.cztexchange.catalog.FinancingDetails.Stage;
import cn.cztexchange.catalog.IndustryChain;
import cn.cztexchange.identity.City;
import cn.cztexchange.identity.OrganisationDirectory.OrganisationSummary;
import cn.cztexchange.matching.FirmProfile.FundingNeed;
import cn.cztexchange.matching.FirmProfile.Patents;

/**
 * A firm profile as a caller may see it: {@link Whole} for the firm's own members,
 * {@link Card} (the public card) for everyone else when the firm is discoverable. The
 * {@code view} member says which.
 */
@Schema(oneOf = { FirmProfileView.Whole.class, FirmProfileView.Card.class })
sealed interface FirmProfileView permits FirmProfileView.Whole, FirmProfileView.Card {

	/** {@code WHOLE} or {@code CARD}. */
	String view();

	/**
	 * The organisation a profile belongs to.
	 *
	 * @param id the organisation
	 * @param nameZh its Chinese name
	 * @param nameEn its English name
	 */
	record OrganisationRef(UUID id, String nameZh, String nameEn) {

		static OrganisationRef of(OrganisationSummary organisation) {
			return new OrganisationRef(organisation.id(), organisation.nameZh(), organisation.nameEn());
		}

	}

	/**
	 * The whole profile, private fields included, with the version to send back with a
	 * change.
	 *
	 * @param view always {@code WHOLE}
	 * @param organisation whose profile it is
	 * @param qualifications each with whether it is valid today
	 * @param version the version to send with a change
	 * @param updatedAt when it was last saved
	 */
	record Whole(String view, OrganisationRef organisation, List<IndustryChain> industryChains, String products,
			Stage stage, City city, String district, Location location, Integer foundedYear, EmployeesBand employees,
			RevenueBand revenue, List<QualificationView> qualifications, Patents patents, FundingNeed fundingNeed,
			String technologyNeeds, Contact contact, boolean discoverable, int version,
			Instant updatedAt) implements FirmProfileView {

		static Whole of(OrganisationSummary organisation, StoredProfile stored, LocalDate today) {
			FirmProfile p = stored.profile();
			List<QualificationView> qualifications = (p.qualifications() != null) ? p.qualifications()
				.stream()
				.map((held) -> new QualificationView(held.qualification(), held.certificateNumber(), held.expiresOn(),
						held.validOn(today)))
				.toList() : List.of();
			return new Whole("WHOLE", OrganisationRef.of(organisation), p.industryChains(), p.products(), p.stage(),
					p.city(), p.district(), p.location(), p.foundedYear(), p.employees(), p.revenue(), qualifications,
					p.patents(), p.fundingNeed(), p.technologyNeeds(), p.contact(), p.discoverable(), stored.version(),
					stored.updatedAt());
		}

	}

	/**
	 * The public card: what investors and technology owners see of a discoverable firm
	 * before it accepts a match. No contact, revenue, funding purpose, certificate or
	 * patent numbers.
	 *
	 * @param view always {@code CARD}
	 * @param organisation whose profile it is
	 * @param qualifications the qualifications it holds that are valid today
	 * @param patents counts only
	 * @param fundingNeed the amounts and instruments, without the purpose
	 * @param updatedAt when it was last saved
	 */
	record Card(String view, OrganisationRef organisation, List<IndustryChain> industryChains, String products,
			Stage stage, City city, String district, Integer foundedYear, EmployeesBand employees,
			List<Qualification> qualifications, Patents patents, FundingNeed fundingNeed, String technologyNeeds,
			Instant updatedAt) implements FirmProfileView {

		static Card of(OrganisationSummary organisation, StoredProfile stored, LocalDate today) {
			FirmProfile p = stored.profile();
			return new Card("CARD", OrganisationRef.of(organisation), p.industryChains(), p.products(), p.stage(),
					p.city(), p.district(), p.foundedYear(), p.employees(), List.copyOf(p.validQualifications(today)),
					(p.patents() != null) ? p.patents().counts() : null,
					(p.fundingNeed() != null) ? p.fundingNeed().withoutPurpose() : null, p.technologyNeeds(),
					stored.updatedAt());
		}

	}

	/**
	 * A qualification as its firm sees it.
	 *
	 * @param qualification which
	 * @param certificateNumber the certificate's number
	 * @param expiresOn its last valid day, if it expires
	 * @param valid whether it is valid today (an expired one counts for no match)
	 */
	record QualificationView(Qualification qualification, String certificateNumber, LocalDate expiresOn,
			boolean valid) {
	}

}
