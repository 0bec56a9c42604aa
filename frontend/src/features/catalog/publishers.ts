import type { Me, Membership } from '../identity/types';

/**
 * The organisations the user may publish for, as the backend decides: those they manage, and
 * all of theirs when they hold the PUBLISHER (or ADMIN) role.
 */
export function publishingMemberships(user: Me | null | undefined): Membership[] {
  if (!user) {
    return [];
  }
  const publisher = user.roles.includes('PUBLISHER') || user.roles.includes('ADMIN');
  return user.memberships.filter((membership) => membership.role === 'MANAGER' || publisher);
}

/** The chosen organisation (`?organisationId=`) if the user may publish for it, else their first. */
export function chosenMembership(memberships: readonly Membership[], organisationId: string | null): Membership | undefined {
  return memberships.find((membership) => membership.organisationId === organisationId) ?? memberships[0];
}
