import type { Role } from '../identity/types';

export interface AdminUser {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  enabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface AuditEvent {
  id: string;
  occurredAt: string;
  type: string;
  actorId: string | null;
  actorEmail: string | null;
  subjectType: string | null;
  subjectId: string | null;
  clientAddress: string | null;
  details: Record<string, unknown> | null;
}

/** The audit event types the UI knows a name for; others are shown as sent. */
export const auditEventTypes = [
  'LOGIN_SUCCEEDED',
  'LOGIN_FAILED',
  'LOGIN_RATE_LIMITED',
  'REGISTERED',
  'LOGGED_OUT',
  'PASSWORD_CHANGED',
  'REFRESH_TOKEN_REUSED',
  'ROLES_CHANGED',
  'USER_DISABLED',
  'USER_ENABLED',
  'ORGANISATION_CREATED',
  'ORGANISATION_UPDATED',
  'ORGANISATION_VERIFIED',
  'ORGANISATION_REJECTED',
  'MEMBER_ADDED',
  'MEMBER_ROLE_CHANGED',
  'MEMBER_REMOVED',
] as const;
