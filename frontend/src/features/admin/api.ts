import { apiGet, apiPost, apiPut, queryString, type Page } from '../../api/client';
import type { Role } from '../identity/types';
import type { Organisation, VerificationStatus } from '../organisations/types';
import type { AdminUser, AuditEvent } from './types';

const BASE = '/api/v1/admin';
export const ADMIN_PAGE_SIZE = 20;

export function fetchUsers(params: { query?: string; page: number; size?: number }, signal?: AbortSignal) {
  return apiGet<Page<AdminUser>>(`${BASE}/users${queryString({ size: ADMIN_PAGE_SIZE, ...params })}`, { signal });
}

export function setUserRoles(id: string, roles: Role[]): Promise<AdminUser> {
  return apiPut<AdminUser>(`${BASE}/users/${encodeURIComponent(id)}/roles`, { roles });
}

export function setUserEnabled(id: string, enabled: boolean): Promise<AdminUser> {
  return apiPost<AdminUser>(`${BASE}/users/${encodeURIComponent(id)}/${enabled ? 'enable' : 'disable'}`, undefined);
}

export function fetchAdminOrganisations(
  params: { status?: VerificationStatus; query?: string; page: number; size?: number },
  signal?: AbortSignal,
) {
  return apiGet<Page<Organisation>>(`${BASE}/organisations${queryString({ size: ADMIN_PAGE_SIZE, ...params })}`, { signal });
}

export function verifyOrganisation(id: string): Promise<Organisation> {
  return apiPost<Organisation>(`${BASE}/organisations/${encodeURIComponent(id)}/verify`, undefined);
}

export function rejectOrganisation(id: string, reason: string): Promise<Organisation> {
  return apiPost<Organisation>(`${BASE}/organisations/${encodeURIComponent(id)}/reject`, { reason });
}

export function fetchAuditEvents(params: { type?: string; page: number; size?: number }, signal?: AbortSignal) {
  return apiGet<Page<AuditEvent>>(`${BASE}/audit-events${queryString({ size: ADMIN_PAGE_SIZE, ...params })}`, { signal });
}
