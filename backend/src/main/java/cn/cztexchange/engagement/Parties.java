package cn.cztexchange.engagement;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.cztexchange.identity.CurrentUser;
import cn.cztexchange.identity.OrganisationDirectory;
import cn.cztexchange.platform.DomainException;

/**
 * Who the parties of an engagement are: the members of the firm organisation on one side,
 * the members of the counterpart organisation (or the expert's linked user) on the other.
 * Admins read every engagement for moderation but act in none they are not party to;
 * everyone else is told that it does not exist.
 */
@Component
class Parties {

	private final OrganisationDirectory organisations;

	private final ExpertRepository experts;

	Parties(OrganisationDirectory organisations, ExpertRepository experts) {
		this.organisations = organisations;
		this.experts = experts;
	}

	/** The caller, with the organisations and experts they act for. */
	Mono<Caller> caller(CurrentUser user) {
		return Mono.zip(this.organisations.organisationsOf(user.id()), this.experts.answeredBy(user.id()))
			.map((found) -> new Caller(user, found.getT1(), found.getT2()));
	}

	/** The users of one side, to be told what the other side did. */
	Mono<List<UUID>> members(Engagement e, Side side) {
		if (side == Side.FIRM) {
			return this.organisations.memberIds(e.firmId());
		}
		if (e.counterpartOrganisationId() != null) {
			return this.organisations.memberIds(e.counterpartOrganisationId());
		}
		return this.experts.findById(e.expertId())
			.map((expert) -> (expert.userId() != null) ? List.of(expert.userId()) : List.<UUID>of())
			.defaultIfEmpty(List.of());
	}

	/**
	 * A signed-in user as engagements see them.
	 *
	 * @param user the user
	 * @param organisations the organisations they belong to
	 * @param experts the experts whose requests they answer
	 */
	record Caller(CurrentUser user, Set<UUID> organisations, Set<UUID> experts) {

		/**
		 * The caller's side, or null when they are not a party. Someone on both sides
		 * (rare: a member of both organisations) acts for the firm.
		 */
		Side sideIn(Engagement e) {
			if (this.organisations.contains(e.firmId())) {
				return Side.FIRM;
			}
			boolean counterpart = (e.counterpartOrganisationId() != null)
					? this.organisations.contains(e.counterpartOrganisationId()) : this.experts.contains(e.expertId());
			return counterpart ? Side.COUNTERPART : null;
		}

		/** Whether the caller may read the engagement: a party, or an admin. */
		boolean mayRead(Engagement e) {
			return sideIn(e) != null || this.user.isAdmin();
		}

		/**
		 * The caller's side, for a step or a message; 403 for an admin, 404 for others.
		 */
		Side requireParty(Engagement e) {
			Side side = sideIn(e);
			if (side != null) {
				return side;
			}
			if (this.user.isAdmin()) {
				throw DomainException.forbidden(
						"Admins read engagements for moderation; only the parties act in them or write in the thread.");
			}
			throw notFound();
		}

		static DomainException notFound() {
			return DomainException.notFound("The engagement");
		}

	}

}
