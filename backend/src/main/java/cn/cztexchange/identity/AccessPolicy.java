package cn.cztexchange.identity;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Who may do what with an organisation, in one place. URL-level rules (anonymous, signed
 * in, admin) are in {@code SecurityConfiguration}; everything that depends on membership
 * is here. {@code membership} is the caller's role in the organisation, empty when not a
 * member.
 */
@Component
class AccessPolicy {

	/**
	 * Verified organisations are public; the others only exist for their members and
	 * admins.
	 */
	boolean canSee(CurrentUser user, Organisation organisation, Optional<MembershipRole> membership) {
		return organisation.verificationStatus() == VerificationStatus.VERIFIED || isAdmin(user)
				|| membership.isPresent();
	}

	/** Contact details and the member list are for members and admins. */
	boolean canSeeInternals(CurrentUser user, Optional<MembershipRole> membership) {
		return isAdmin(user) || membership.isPresent();
	}

	/** Editing the organisation and its members: its managers and admins. */
	boolean canManage(CurrentUser user, Optional<MembershipRole> membership) {
		return isAdmin(user) || membership.filter((role) -> role == MembershipRole.MANAGER).isPresent();
	}

	/** Any member may leave; managers and admins may remove anyone. */
	boolean canRemoveMember(CurrentUser user, Optional<MembershipRole> membership, UUID memberId) {
		return canManage(user, membership) || (user != null && user.id().equals(memberId) && membership.isPresent());
	}

	private static boolean isAdmin(CurrentUser user) {
		return user != null && user.isAdmin();
	}

}
