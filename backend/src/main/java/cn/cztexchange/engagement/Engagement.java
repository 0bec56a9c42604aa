package cn.cztexchange.engagement;

import java.time.Instant;
import java.util.UUID;

import cn.cztexchange.catalog.ResourceKind;

/**
 * An engagement as stored: one row of {@code engagements}.
 *
 * @param id the engagement
 * @param kind what it is about
 * @param service what an advisory request asks for; null for the other kinds
 * @param firmId the firm organisation
 * @param counterpartOrganisationId the other side's organisation, or null for an expert
 * @param expertId the expert, or null
 * @param subjectId the catalogue entry, or the expert
 * @param subjectKind the catalogue entry's kind, or null when the subject is the expert
 * @param subjectTitleZh the subject's Chinese title when the engagement began
 * @param subjectTitleEn its English title
 * @param initiator the side that expressed interest
 * @param initiatedBy the user who did
 * @param status where it stands
 * @param reason why it was declined, withdrawn or dropped
 * @param meeting the meeting last proposed, or null
 * @param deal the deal it closed with, or null
 * @param acceptedAt when the other side accepted: contact details are shown from then on
 * @param endedAt when it reached an end
 * @param createdAt when interest was expressed
 * @param updatedAt when its state last changed
 * @param lastActivityAt its latest step or message
 * @param version bumped by every step
 */
record Engagement(UUID id, EngagementKind kind, AdvisoryType service, UUID firmId, UUID counterpartOrganisationId,
		UUID expertId, UUID subjectId, ResourceKind subjectKind, String subjectTitleZh, String subjectTitleEn,
		Side initiator, UUID initiatedBy, EngagementStatus status, String reason, Meeting meeting, Deal deal,
		Instant acceptedAt, Instant endedAt, Instant createdAt, Instant updatedAt, Instant lastActivityAt,
		int version) {

	/** Whether both sides may see each other's contact details. */
	boolean introduced() {
		return this.acceptedAt != null;
	}

	/**
	 * A meeting one side proposed.
	 *
	 * @param startsAt when
	 * @param mode in person or online
	 * @param place the address, or the link of an online meeting
	 * @param note anything the other side should know
	 * @param proposedBy the side that proposed it
	 */
	public record Meeting(Instant startsAt, MeetingMode mode, String place, String note, Side proposedBy) {
	}

	/** How the parties meet. */
	public enum MeetingMode {

		IN_PERSON, ONLINE

	}

	/**
	 * The deal an engagement closed with.
	 *
	 * @param type what kind of deal
	 * @param amountFen its amount in fen (1/100 yuan)
	 * @param note anything else to record
	 */
	public record Deal(DealType type, long amountFen, String note) {
	}

}
