import type { MembershipRole, OrganisationType, VerificationStatus } from '../identity/types';

export type { OrganisationType, VerificationStatus };

export const organisationTypes: readonly OrganisationType[] = [
  'UNIVERSITY',
  'RESEARCH_INSTITUTE',
  'FIRM',
  'PARK',
  'INVESTOR',
  'PLATFORM_OPERATOR',
];

export const cities = ['CHANGSHA', 'ZHUZHOU', 'XIANGTAN'] as const;
export type City = (typeof cities)[number];

export const verificationStatuses: readonly VerificationStatus[] = ['UNVERIFIED', 'VERIFIED', 'REJECTED'];

export interface Contact {
  name: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}

export interface Organisation {
  id: string;
  type: OrganisationType;
  nameZh: string;
  nameEn: string;
  /** Exactly one city, except a PARK (an enclave park, 飞地园区, may span several). */
  cities: City[];
  district: string | null;
  /** 统一社会信用代码, 18 characters, optional. */
  creditCode: string | null;
  website: string | null;
  verificationStatus: VerificationStatus;
  rejectionReason: string | null;
  createdAt: string;
  /** Only members and admins see it. */
  contact: Contact | null;
}

/** The body of `POST` and `PATCH /api/v1/organisations[/{id}]`. */
export type OrganisationInput = Omit<Organisation, 'id' | 'verificationStatus' | 'rejectionReason' | 'createdAt'>;

export interface Member {
  userId: string;
  email: string;
  displayName: string;
  role: MembershipRole;
  joinedAt: string;
}
