package cn.cztexchange.engagement;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.cztexchange.catalog.ResourceKind;
import cn.cztexchange.engagement.Engagement.Deal;
import cn.cztexchange.engagement.Engagement.Meeting;
import cn.cztexchange.engagement.EngagementContacts.Contacts;

/**
 * An engagement as its parties (and admins) see it.
 *
 * @param id the engagement
 * @param kind FINANCING, TECHNOLOGY or ADVISORY
 * @param service what an advisory request asks for; null for the other kinds
 * @param status where it stands
 * @param firm the firm
 * @param counterpart the other side: an organisation or an expert
 * @param subject what it is about: a catalogue entry or the expert
 * @param initiator the side that expressed interest
 * @param initiatedBy the user who did
 * @param side the caller's side; null for an admin who is not a party
 * @param reason why it was declined, withdrawn or dropped
 * @param meeting the meeting last proposed
 * @param deal the deal it closed with
 * @param contactsRevealed whether the parties have been introduced (accepted): contact
 * details are shown from then on, never before
 * @param contacts both sides' contact details once introduced; only in the answers about
 * one engagement (not in lists), and null before the acceptance
 * @param acceptedAt when it was accepted
 * @param endedAt when it reached an end (declined, withdrawn, closed, dropped)
 * @param createdAt when interest was expressed
 * @param updatedAt when its state last changed
 * @param lastActivityAt its latest step or message
 * @param version give it back with a step to make sure nobody moved it meanwhile
 * @param actions what the caller may do now
 */
record EngagementView(UUID id, EngagementKind kind, AdvisoryType service, EngagementStatus status, Party firm,
		Party counterpart, SubjectRef subject, Side initiator, Person initiatedBy, Side side, String reason,
		Meeting meeting, Deal deal, boolean contactsRevealed, Contacts contacts, Instant acceptedAt, Instant endedAt,
		Instant createdAt, Instant updatedAt, Instant lastActivityAt, int version, Set<EngagementAction> actions) {

	/**
	 * A side of an engagement.
	 *
	 * @param type an organisation or an expert
	 * @param id the organisation or the expert
	 * @param nameZh its name in Chinese
	 * @param nameEn its name in English
	 */
	record Party(PartyType type, UUID id, String nameZh, String nameEn) {
	}

	enum PartyType {

		ORGANISATION, EXPERT

	}

	/**
	 * What an engagement is about.
	 *
	 * @param type a catalogue entry or an expert
	 * @param id the entry or the expert
	 * @param kind the entry's kind; null for an expert
	 * @param titleZh the entry's title (or the expert's name) when the engagement began
	 * @param titleEn the same in English
	 */
	record SubjectRef(SubjectType type, UUID id, ResourceKind kind, String titleZh, String titleEn) {
	}

	enum SubjectType {

		ENTRY, EXPERT

	}

	/**
	 * @param id the user
	 * @param displayName the name they chose to be shown
	 */
	record Person(UUID id, String displayName) {
	}

	/**
	 * A step of the engagement, as its history shows it (全程留痕).
	 *
	 * @param id the event
	 * @param at when
	 * @param actor who took the step
	 * @param side for which side
	 * @param from the state before; null for the expression of interest
	 * @param to the state after
	 * @param note the message, reason or note given with the step
	 * @param details what the step set: the meeting proposed ({@code meeting}), the deal
	 * closed ({@code deal})
	 */
	record Event(UUID id, Instant at, Person actor, Side side, EngagementStatus from, EngagementStatus to, String note,
			Map<String, Object> details) {
	}

	/**
	 * A message of the thread.
	 *
	 * @param id the message
	 * @param author who wrote it
	 * @param side for which side
	 * @param text what they wrote
	 * @param createdAt when
	 */
	record Message(UUID id, Person author, Side side, String text, Instant createdAt) {
	}

}
