/** The engagement API's shapes (`/api/v1/engagements`, `/api/v1/experts`). */

export const engagementStatuses = [
  'INTERESTED',
  'ACCEPTED',
  'DECLINED',
  'WITHDRAWN',
  'MEETING_PROPOSED',
  'MEETING_HELD',
  'NEGOTIATING',
  'CLOSED',
  'DROPPED',
] as const;
export type EngagementStatus = (typeof engagementStatuses)[number];

/** The states still under way, as the backend's `EngagementStatus.ACTIVE`. */
export const activeStatuses: readonly EngagementStatus[] = ['INTERESTED', 'ACCEPTED', 'MEETING_PROPOSED', 'MEETING_HELD', 'NEGOTIATING'];
/** The states it ended in. */
export const endedStatuses: readonly EngagementStatus[] = ['DECLINED', 'WITHDRAWN', 'CLOSED', 'DROPPED'];

export const engagementKinds = ['FINANCING', 'TECHNOLOGY', 'ADVISORY'] as const;
export type EngagementKind = (typeof engagementKinds)[number];

export const sides = ['FIRM', 'COUNTERPART'] as const;
export type Side = (typeof sides)[number];

export const advisoryTypes = ['RESULT_EVALUATION', 'INVESTMENT_ADVICE', 'MARKET_RESEARCH'] as const;
export type AdvisoryType = (typeof advisoryTypes)[number];

/** The steps, in the order they are offered; SEND_MESSAGE is the thread, not a step. */
export const engagementSteps = [
  'ACCEPT',
  'DECLINE',
  'WITHDRAW',
  'PROPOSE_MEETING',
  'MEETING_HELD',
  'NEGOTIATE',
  'CLOSE',
  'DROP',
] as const;
export type EngagementStep = (typeof engagementSteps)[number];
export type EngagementAction = EngagementStep | 'SEND_MESSAGE';

export const dealTypes = ['EQUITY', 'LOAN', 'GUARANTEE', 'GRANT', 'LICENCE', 'TRANSFER', 'JOINT_DEVELOPMENT', 'SERVICE_CONTRACT'] as const;
export type DealType = (typeof dealTypes)[number];

/** The deals that fit an engagement of each kind, as the backend's `DealType.fitting`. */
export const fittingDeals: Record<EngagementKind, readonly DealType[]> = {
  FINANCING: ['EQUITY', 'LOAN', 'GUARANTEE', 'GRANT'],
  TECHNOLOGY: ['LICENCE', 'TRANSFER', 'JOINT_DEVELOPMENT', 'SERVICE_CONTRACT', 'EQUITY'],
  ADVISORY: ['SERVICE_CONTRACT'],
};

export const meetingModes = ['IN_PERSON', 'ONLINE'] as const;
export type MeetingMode = (typeof meetingModes)[number];

export interface Party {
  type: 'ORGANISATION' | 'EXPERT';
  id: string;
  nameZh: string;
  nameEn: string | null;
}

export interface SubjectRef {
  type: 'ENTRY' | 'EXPERT';
  id: string;
  /** The entry's resource kind; null for an expert. */
  kind: string | null;
  titleZh: string;
  titleEn: string | null;
}

export interface Person {
  id: string;
  displayName: string;
}

export interface Meeting {
  startsAt: string;
  mode: MeetingMode;
  place: string | null;
  note: string | null;
  proposedBy: Side;
}

export interface Deal {
  type: DealType;
  amountFen: number;
  note: string | null;
}

export interface Contact {
  name: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}

/** Both sides' contact details, from the acceptance on (`EngagementContacts.Contacts`). */
export interface Contacts {
  firm: Contact | null;
  counterpart: Contact | null;
  /** The contact person of the entry it is about, when there is one. */
  subject: Contact | null;
}

/** An engagement as `GET /api/v1/engagements/{id}` answers (lists leave out `contacts`). */
export interface Engagement {
  id: string;
  kind: EngagementKind;
  service: AdvisoryType | null;
  status: EngagementStatus;
  firm: Party;
  counterpart: Party;
  subject: SubjectRef;
  initiator: Side;
  initiatedBy: Person | null;
  /** The caller's side; null for an admin who is not a party. */
  side: Side | null;
  reason: string | null;
  meeting: Meeting | null;
  deal: Deal | null;
  contactsRevealed: boolean;
  contacts: Contacts | null;
  acceptedAt: string | null;
  endedAt: string | null;
  createdAt: string;
  updatedAt: string;
  lastActivityAt: string;
  version: number;
  actions: EngagementAction[];
}

/** A step of the history (全程留痕). */
export interface EngagementEvent {
  id: string;
  at: string;
  actor: Person | null;
  side: Side | null;
  from: EngagementStatus | null;
  to: EngagementStatus;
  note: string | null;
  details: {
    meeting?: { startsAt: string; mode: MeetingMode; place?: string };
    deal?: { type: DealType; amountFen: number };
  } | null;
}

export interface EngagementMessage {
  id: string;
  author: Person | null;
  side: Side | null;
  text: string;
  createdAt: string;
}

/** `POST /api/v1/engagements`. */
export interface NewEngagement {
  kind: EngagementKind;
  subjectId: string;
  firmId?: string | null;
  organisationId?: string | null;
  service?: AdvisoryType | null;
  message: string;
}

export interface ExpertOrganisation {
  id: string | null;
  nameZh: string | null;
  nameEn: string | null;
}

/** An expert of the directory; the fields from `active` on are for admins only. */
export interface Expert {
  id: string;
  nameZh: string;
  nameEn: string | null;
  titleZh: string | null;
  titleEn: string | null;
  organisation: ExpertOrganisation | null;
  city: string;
  fields: string[];
  industryChains: string[];
  services: AdvisoryType[];
  bioZh: string | null;
  bioEn: string | null;
  takesRequests: boolean;
  demo: boolean;
  active: boolean | null;
  contact: Contact | null;
  linkedUser: { id: string; email: string; displayName: string } | null;
  version: number | null;
  createdAt: string | null;
  updatedAt: string | null;
}

/** `POST` / `PUT /api/v1/experts` (admins). */
export interface ExpertSave {
  nameZh: string;
  nameEn: string | null;
  titleZh: string | null;
  titleEn: string | null;
  organisationId: string | null;
  organisationNameZh: string | null;
  organisationNameEn: string | null;
  city: string;
  fields: string[];
  industryChains: string[];
  services: AdvisoryType[];
  bioZh: string | null;
  bioEn: string | null;
  contact: Contact | null;
  userEmail: string | null;
  active: boolean;
  version?: number | null;
}
