/** The kinds of catalogue entries (resources). */
export const resourceKinds = ['INSTRUMENT', 'SERVICE', 'LITERATURE', 'TECH_OFFERING', 'FINANCING', 'TECH_NEED'] as const;
export type ResourceKind = (typeof resourceKinds)[number];

export const searchCities = ['CHANGSHA', 'ZHUZHOU', 'XIANGTAN'] as const;

/** The qualifications (资质) a firm may hold and a financing entry may require. */
export const qualifications = ['HIGH_TECH_ENTERPRISE', 'TECH_SME', 'SPECIALISED_SME', 'LITTLE_GIANT', 'MANUFACTURING_CHAMPION'] as const;

/** How a firm wants a technology need met. */
export const needTypes = ['JOINT_DEVELOPMENT', 'LICENCE_IN', 'COMMISSIONED_DEVELOPMENT', 'PROBLEM_SOLVING', 'CONSULTING'] as const;

/** Sort orders the search offers (DISTANCE needs a position and is not offered here). */
export const searchSorts = ['RELEVANCE', 'NEWEST', 'PRICE'] as const;

export interface OrganisationRef {
  id: string;
  nameZh: string;
  nameEn: string;
  verified?: boolean;
}

export interface Money {
  amountFen: number;
  /** PER_HOUR, PER_SAMPLE, PER_PROJECT (others are shown raw). */
  unit?: string | null;
}

export interface InstrumentContent {
  model?: string | null;
  manufacturer?: string | null;
  countryOfManufacture?: string | null;
  category?: string | null;
  mainFunctions?: string | null;
  specifications?: string | null;
  lab?: string | null;
  address?: string | null;
  purchaseValueFen?: number | null;
  serviceModes?: string[] | null;
  internalPrice?: Money | null;
  externalPrice?: Money | null;
  trainingRequired?: boolean | null;
  approvalRequired?: boolean | null;
  operatingStatus?: string | null;
}

export interface ServiceContent {
  serviceType?: string | null;
  scope?: string | null;
  accreditations?: { scheme: string; number: string }[] | null;
  turnaroundDays?: number | null;
  price?: Money | null;
}

export interface LiteratureContent {
  authors?: string[] | null;
  keywords?: string[] | null;
  year?: number | null;
  source?: string | null;
  doi?: string | null;
  language?: string | null;
  access?: string | null;
  link?: string | null;
}

export interface TechOfferingContent {
  ipType?: string | null;
  ipNumbers?: string[] | null;
  trl?: number | null;
  dealModes?: string[] | null;
  askingPriceFen?: number | null;
}

export interface FinancingContent {
  financingKind?: string | null;
  institution?: string | null;
  stages?: string[] | null;
  ticketMinFen?: number | null;
  ticketMaxFen?: number | null;
  region?: string | null;
  terms?: string | null;
  requirements?: string | null;
  /** The cities whose firms it serves; none: all three. */
  cities?: string[] | null;
  /** Qualifications a firm must hold, all of them; none: no restriction. */
  requiredQualifications?: string[] | null;
}

/** A firm's technology need (技术需求). */
export interface TechNeedContent {
  needType?: string | null;
  budgetMinFen?: number | null;
  budgetMaxFen?: number | null;
  /** `YYYY-MM-DD`, Asia/Shanghai. */
  deadline?: string | null;
  dealModes?: string[] | null;
  minTrl?: number | null;
}

/** What a publisher writes about an entry: common fields and exactly one kind-specific part. */
export interface EntryContent {
  titleZh: string;
  titleEn?: string | null;
  summaryZh?: string | null;
  summaryEn?: string | null;
  city?: string | null;
  district?: string | null;
  industryChains?: string[] | null;
  tags?: string[] | null;
  location?: { lat: number; lon: number } | null;
  contact?: { name?: string | null; phone?: string | null; email?: string | null } | null;
  instrument?: InstrumentContent | null;
  service?: ServiceContent | null;
  literature?: LiteratureContent | null;
  techOffering?: TechOfferingContent | null;
  financing?: FinancingContent | null;
  techNeed?: TechNeedContent | null;
  /** The entry's images, in display order; the first is the cover. */
  imageIds?: string[] | null;
}

/** A published resource (`GET /api/v1/resources/{id}`). */
export interface Resource {
  id: string;
  kind: string;
  owner: OrganisationRef;
  content: EntryContent;
  publishedAt?: string | null;
}

export interface SearchHit {
  id: string;
  kind: string;
  titleZh: string;
  titleEn?: string | null;
  summaryZh?: string | null;
  city?: string | null;
  district?: string | null;
  organisation?: OrganisationRef | null;
  priceFen?: number | null;
  highlights?: Record<string, string[] | undefined> | null;
  distanceKm?: number | null;
  location?: { lat: number; lon: number } | null;
  /** The entry's first image (`/api/v1/images/{id}`), if it has one. */
  coverImageUrl?: string | null;
}

export interface FacetBucket {
  value: string;
  count: number;
}

export interface SearchResponse {
  total: number;
  items: SearchHit[];
  facets?: Record<string, FacetBucket[] | undefined> | null;
  next?: string | null;
}

/** An entry in the moderation queue. */
export interface ReviewEntry {
  id: string;
  kind: string;
  ownerOrganisationId: string;
  status: string;
  review: string;
  rejectionReason?: string | null;
  draft: EntryContent;
  published?: EntryContent | null;
  version?: number;
  submittedAt?: string | null;
}

export const entryStatuses = ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const;
export type EntryStatus = (typeof entryStatuses)[number];
export const reviewStates = ['EDITING', 'PENDING', 'REJECTED'] as const;
export type ReviewState = (typeof reviewStates)[number];

/** An entry as its organisation's publishers see it (`/api/v1/catalog/entries`). */
export interface CatalogEntry {
  id: string;
  kind: ResourceKind;
  ownerOrganisationId: string;
  status: EntryStatus;
  review: ReviewState;
  rejectionReason?: string | null;
  draft: EntryContent;
  published?: EntryContent | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  submittedAt?: string | null;
  publishedAt?: string | null;
}

/** An uploaded image of an entry. */
export interface EntryImage {
  id: string;
  contentType: string;
  sizeBytes: number;
  width?: number | null;
  height?: number | null;
  url: string;
}

export interface ImportRowError {
  /** The spreadsheet row (the header is row 1); null for an error about the whole import. */
  row: number | null;
  column?: string | null;
  message: string;
}

/** A bulk import (or its dry run) as the server runs it. */
export interface ImportJob {
  id: string;
  organisationId: string;
  kind: ResourceKind;
  fileName: string;
  dryRun: boolean;
  submitForReview: boolean;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  totalRows: number;
  processedRows: number;
  createdCount: number;
  errorCount: number;
  errors: ImportRowError[];
  createdAt: string;
  finishedAt?: string | null;
}

/** One type-ahead suggestion (`/api/v1/suggest`). */
export interface Suggestion {
  text: string;
  type: 'TITLE' | 'TAG' | 'ORGANISATION' | string;
  id?: string | null;
  kind?: string | null;
}
