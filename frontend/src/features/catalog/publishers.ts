import type { Me, Membership } from '../identity/types';
import { resourceKinds, type ResourceKind } from './types';

/**
 * The kinds of entry the user may write for one of their organisations, as the backend
 * decides: every kind for its managers, and for everyone with the PUBLISHER (or ADMIN) role;
 * a firm's technology needs for members with the FIRM role, an investor's financing entries
 * for members with the INVESTOR role; none otherwise.
 */
export function publishableKinds(user: Me | null | undefined, membership: Membership): readonly ResourceKind[] {
  if (!user) {
    return [];
  }
  if (membership.role === 'MANAGER' || user.roles.includes('PUBLISHER') || user.roles.includes('ADMIN')) {
    return resourceKinds;
  }
  if (membership.type === 'FIRM' && user.roles.includes('FIRM')) {
    return ['TECH_NEED'];
  }
  if (membership.type === 'INVESTOR' && user.roles.includes('INVESTOR')) {
    return ['FINANCING'];
  }
  return [];
}

/** The organisations the user may publish for: those for which they may write some kind. */
export function publishingMemberships(user: Me | null | undefined): Membership[] {
  return (user?.memberships ?? []).filter((membership) => publishableKinds(user, membership).length > 0);
}

/** The chosen organisation (`?organisationId=`) if the user may publish for it, else their first. */
export function chosenMembership(memberships: readonly Membership[], organisationId: string | null): Membership | undefined {
  return memberships.find((membership) => membership.organisationId === organisationId) ?? memberships[0];
}
