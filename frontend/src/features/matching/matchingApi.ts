import { apiGet, apiPut, queryString, type Page } from '../../api/client';

/** Firms are filed under the catalogue's industry chains. */
export { industryChains } from '../catalog/entryForm';

export const stages = ['SEED', 'START_UP', 'GROWTH', 'MATURE', 'PRE_IPO'] as const;
export const employeesBands = ['UP_TO_20', 'FROM_21_TO_50', 'FROM_51_TO_100', 'FROM_101_TO_300', 'FROM_301_TO_1000', 'OVER_1000'] as const;
export const revenueBands = ['UNDER_5M', 'FROM_5M_TO_20M', 'FROM_20M_TO_50M', 'FROM_50M_TO_200M', 'FROM_200M_TO_1B', 'OVER_1B'] as const;
export const fundingInstruments = ['EQUITY', 'LOAN', 'GUARANTEE', 'GRANT'] as const;
export const financingKinds = ['VC_PE_FUND', 'ANGEL', 'BANK_LOAN', 'GUARANTEE', 'GOVERNMENT_PROGRAMME', 'LISTING_SERVICE'] as const;
export const dealModes = ['TRANSFER', 'LICENCE', 'EQUITY_CONTRIBUTION', 'JOINT_DEVELOPMENT', 'SERVICE'] as const;

export interface OrganisationRef {
  id: string;
  nameZh: string;
  nameEn: string;
}

export interface Contact {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
}

export interface HeldQualification {
  qualification: string;
  certificateNumber?: string | null;
  /** `YYYY-MM-DD`, the certificate's last valid day; absent when it does not expire. */
  expiresOn?: string | null;
}

export interface Patents {
  invention: number;
  utilityModel: number;
  design: number;
  softwareCopyright: number;
  /** Private until the firm accepts a match. */
  numbers?: string[] | null;
}

/** The money a firm seeks; amounts in fen (1/100 yuan). */
export interface FundingNeed {
  amountMinFen?: number | null;
  amountMaxFen?: number | null;
  purpose?: string | null;
  instruments?: string[] | null;
}

/** What the firm's members send (`PUT /api/v1/organisations/{orgId}/firm-profile`). */
export interface FirmProfileRequest {
  industryChains: string[];
  products: string;
  stage: string;
  city: string;
  district?: string | null;
  location?: { lat: number; lon: number } | null;
  foundedYear?: number | null;
  employees?: string | null;
  revenue?: string | null;
  qualifications: HeldQualification[];
  patents?: Patents | null;
  fundingNeed?: FundingNeed | null;
  technologyNeeds?: string | null;
  contact?: Contact | null;
  discoverable: boolean;
  /** Absent to create the profile; the version read to change it. */
  version?: number;
}

/** The whole profile, as the firm's own members read it. */
export interface FirmProfile extends Omit<FirmProfileRequest, 'qualifications' | 'version'> {
  view: 'WHOLE';
  organisation: OrganisationRef;
  qualifications: (HeldQualification & { valid: boolean })[];
  version: number;
  updatedAt: string;
}

/** A discoverable firm's public card: no contact, revenue, purpose or numbers. */
export interface FirmCard {
  view: 'CARD';
  organisation: OrganisationRef;
  industryChains: string[];
  products: string;
  stage: string;
  city: string;
  district?: string | null;
  foundedYear?: number | null;
  employees?: string | null;
  qualifications: string[];
  patents?: Patents | null;
  fundingNeed?: FundingNeed | null;
  technologyNeeds?: string | null;
  updatedAt: string;
}

/** One of the caller's firms (`GET /api/v1/me/firm-profiles`). */
export interface MyFirm {
  organisation: OrganisationRef;
  hasProfile: boolean;
  discoverable: boolean | null;
  version: number | null;
  updatedAt: string | null;
}

/** One thing the engine checked, explained in the request's language. */
export interface MatchCriterion {
  criterion: string;
  hard: boolean;
  met: boolean;
  weight: number | null;
  points: number | null;
  explanation: string;
}

export interface MatchEntry {
  id: string;
  kind: string;
  titleZh: string;
  titleEn?: string | null;
  summaryZh?: string | null;
  summaryEn?: string | null;
  city?: string | null;
  district?: string | null;
  industryChains?: string[] | null;
  organisation: OrganisationRef;
  publishedAt?: string | null;
  coverImageUrl?: string | null;
  details?: Record<string, unknown> | null;
}

export interface Match {
  candidateType: 'ENTRY' | 'FIRM';
  entry: MatchEntry | null;
  firm: FirmCard | null;
  score: number;
  new: boolean;
  firstSeenAt: string;
  criteria: MatchCriterion[];
}

/** The id a match row is known by: the entry's, or the firm's organisation's. */
export function candidateId(match: Match): string {
  return match.entry?.id ?? match.firm?.organisation.id ?? '';
}

export const MATCHES_PAGE_SIZE = 20;

const firmProfilePath = (orgId: string) => `/api/v1/organisations/${encodeURIComponent(orgId)}/firm-profile`;

export function fetchMyFirms(signal?: AbortSignal) {
  return apiGet<MyFirm[]>('/api/v1/me/firm-profiles', { signal });
}

export function fetchFirmProfile(orgId: string, signal?: AbortSignal) {
  return apiGet<FirmProfile>(firmProfilePath(orgId), { signal });
}

export function saveFirmProfile(orgId: string, request: FirmProfileRequest) {
  return apiPut<FirmProfile>(firmProfilePath(orgId), request);
}

export type FirmTab = 'financing' | 'offerings';
export type EntryList = 'firms' | 'needs' | 'offerings';

export type MatchQuery = Record<string, string | number | undefined | null>;

/** A firm's financing entries or offerings, ranked and explained. */
export function fetchFirmMatches(orgId: string, tab: FirmTab, query: MatchQuery, signal?: AbortSignal) {
  return apiGet<Page<Match>>(
    `/api/v1/matching/firms/${encodeURIComponent(orgId)}/${tab}${queryString({ size: MATCHES_PAGE_SIZE, ...query })}`,
    { signal },
  );
}

/** A financing entry's firms, an offering's needs, or a technology need's offerings. */
export function fetchEntryMatches(entryId: string, list: EntryList, query: MatchQuery, signal?: AbortSignal) {
  return apiGet<Page<Match>>(
    `/api/v1/matching/entries/${encodeURIComponent(entryId)}/${list}${queryString({ size: MATCHES_PAGE_SIZE, ...query })}`,
    { signal },
  );
}

/** `POST /api/v1/engagements`: what an expression of interest says and whom it concerns. */
export interface EngagementRequest {
  kind: 'FINANCING' | 'TECHNOLOGY';
  subjectId: string;
  /** The caller's firm when a firm approaches; the firm approached when an owner approaches one. */
  firmId?: string;
  /** The organisation a technology owner answers a firm's technology need for. */
  organisationId?: string;
  message: string;
}

/**
 * Listing marks the matches shown as seen, so a second load (another language, another
 * page and back) would answer them as no longer new: `remembered` keeps those that were new
 * when first shown, and they stay marked new for as long as the page is open.
 */
export function keepNew(page: Page<Match>, remembered: Set<string>): Page<Match> {
  page.items.forEach((match) => match.new && remembered.add(candidateId(match)));
  return { ...page, items: page.items.map((match) => ({ ...match, new: match.new || remembered.has(candidateId(match)) })) };
}
