import { apiDelete, apiGet, apiPatch, apiPost, apiPut, queryString, type Page } from '../../api/client';
import type { MembershipRole } from '../identity/types';
import type { Member, Organisation, OrganisationInput } from './types';

const BASE = '/api/v1/organisations';

export function searchOrganisations(params: { query?: string; type?: string; city?: string; page?: number; size?: number }) {
  return apiGet<Page<Organisation>>(`${BASE}${queryString(params)}`);
}

export function fetchOrganisation(id: string, signal?: AbortSignal): Promise<Organisation> {
  return apiGet<Organisation>(`${BASE}/${encodeURIComponent(id)}`, { signal });
}

export function createOrganisation(input: OrganisationInput): Promise<Organisation> {
  return apiPost<Organisation>(BASE, input);
}

/** Replaces the organisation's details: the edit form always sends all of them. */
export function updateOrganisation(id: string, input: OrganisationInput): Promise<Organisation> {
  return apiPut<Organisation>(`${BASE}/${encodeURIComponent(id)}`, input);
}

export function fetchMembers(organisationId: string, signal?: AbortSignal): Promise<Member[]> {
  return apiGet<Member[]>(`${BASE}/${encodeURIComponent(organisationId)}/members`, { signal });
}

export function addMember(organisationId: string, email: string, role: MembershipRole): Promise<Member> {
  return apiPost<Member>(`${BASE}/${encodeURIComponent(organisationId)}/members`, { email, role });
}

export function changeMemberRole(organisationId: string, userId: string, role: MembershipRole): Promise<Member> {
  return apiPatch<Member>(`${BASE}/${encodeURIComponent(organisationId)}/members/${encodeURIComponent(userId)}`, { role });
}

/** Removes a member; with one's own id, leaves the organisation. */
export function removeMember(organisationId: string, userId: string): Promise<void> {
  return apiDelete(`${BASE}/${encodeURIComponent(organisationId)}/members/${encodeURIComponent(userId)}`);
}
