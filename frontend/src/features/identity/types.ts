import type { Locale } from '../../i18n/messages';

/** Roles a person can choose when registering; PUBLISHER and ADMIN are granted by admins. */
export const selfServiceRoles = ['RESEARCHER', 'FIRM', 'INVESTOR'] as const;
export type SelfServiceRole = (typeof selfServiceRoles)[number];

export const allRoles = ['RESEARCHER', 'FIRM', 'INVESTOR', 'PUBLISHER', 'ADMIN'] as const;
export type Role = (typeof allRoles)[number];

export type MembershipRole = 'MEMBER' | 'MANAGER';
export const membershipRoles: readonly MembershipRole[] = ['MEMBER', 'MANAGER'];

export type OrganisationType = 'UNIVERSITY' | 'RESEARCH_INSTITUTE' | 'FIRM' | 'PARK' | 'INVESTOR' | 'PLATFORM_OPERATOR';
export type VerificationStatus = 'UNVERIFIED' | 'VERIFIED' | 'REJECTED';

export interface Membership {
  organisationId: string;
  nameZh: string;
  nameEn: string;
  type: OrganisationType;
  verificationStatus: VerificationStatus;
  role: MembershipRole;
}

/** The signed-in person, as `GET /api/v1/me` answers. */
export interface Me {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  roles: Role[];
  createdAt: string;
  memberships: Membership[];
}

/** The answer of login and refresh. */
export interface TokenResponse {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: Me;
}

export interface RegistrationRequest {
  email: string;
  password: string;
  displayName: string;
  role: SelfServiceRole;
  locale: Locale;
}
