/** The booking API's shapes (docs: booking-api.md, issue 5). Times are UTC instants, money is fen. */

export const weekDays = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type WeekDay = (typeof weekDays)[number];

export interface WeeklyHours {
  day: WeekDay;
  /** Local time (Asia/Shanghai), `08:30`. */
  start: string;
  end: string;
}

export interface BookingRules {
  weeklyHours: WeeklyHours[];
  slotMinutes: number;
  minMinutes: number;
  maxMinutes: number;
  minNoticeMinutes: number;
  maxAdvanceDays: number;
  bufferMinutes: number;
  quotaMinutesPerDay: number | null;
  quotaMinutesPerWeek: number | null;
  quotaMinutesPerMonth: number | null;
  approvalRequired: boolean;
  trainingRequired: boolean;
  cancellationDeadlineHours: number;
  noShowGraceMinutes: number;
  version: number;
}

export const closureKinds = ['HOLIDAY', 'MAINTENANCE', 'OUTAGE'] as const;
export type ClosureKind = (typeof closureKinds)[number];

export interface Interval {
  start: string;
  end: string;
}

export interface Closure extends Interval {
  id: string;
  kind: ClosureKind;
  planned: boolean;
  reason: string;
}

export interface NewClosure extends Interval {
  kind: ClosureKind;
  planned: boolean;
  reason: string;
}

export interface Availability {
  instrumentId: string;
  timeZone: string;
  from: string;
  to: string;
  slotMinutes: number;
  bufferMinutes: number;
  earliestStart: string;
  latestStart: string;
  open: Interval[];
  taken: Interval[];
  closures: (Interval & { kind: ClosureKind; reason: string })[];
}

export interface Qualification {
  userId: string;
  email: string;
  displayName: string;
  grantedAt: string;
  expiresAt: string | null;
}

export const bookingModes = ['MACHINE_TIME', 'SAMPLE_SUBMISSION'] as const;
export type BookingMode = (typeof bookingModes)[number];

export interface SampleRequest {
  count: number;
  description: string;
  hazards: string | null;
  returnSamples: boolean;
}

export interface BookingRequest {
  instrumentId: string;
  mode: BookingMode;
  start?: string;
  end?: string;
  sample?: SampleRequest;
  organisationId: string | null;
  note: string | null;
}

export type PriceUnit = 'PER_HOUR' | 'PER_SAMPLE' | 'PER_PROJECT';

export interface Estimate {
  unit: PriceUnit | string;
  rateFen: number;
  /** Hours as a decimal string ("2.5"), samples, or 1. */
  quantity: string | number;
  amountFen: number;
  rate: 'INTERNAL' | 'EXTERNAL' | string;
}

export const bookingStatuses = [
  'PENDING',
  'APPROVED',
  'ADJUSTED',
  'REJECTED',
  'DECLINED',
  'CANCELLED',
  'IN_PROGRESS',
  'COMPLETED',
  'NO_SHOW',
] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

export const bookingActions = [
  'APPROVE',
  'ADJUST',
  'REJECT',
  'ACCEPT',
  'DECLINE',
  'CANCEL',
  'START',
  'COMPLETE',
  'NO_SHOW',
  'RATE',
  'APPLY_VOUCHER',
] as const;
export type BookingAction = (typeof bookingActions)[number];

export interface Proposal {
  start: string | null;
  end: string | null;
  sampleCount: number | null;
  note: string | null;
}

export interface Booking {
  id: string;
  instrumentId: string;
  instrumentTitle: string;
  hostOrganisationId: string;
  mode: BookingMode;
  status: BookingStatus | string;
  start: string | null;
  end: string | null;
  sample: SampleRequest | null;
  requester: { id: string; displayName: string };
  organisationId: string | null;
  note: string | null;
  estimate: Estimate;
  proposal: Proposal | null;
  reason: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  samplesRun: number | null;
  resultNote: string | null;
  chargeFen: number | null;
  subsidyFen: number;
  payableFen: number | null;
  voucherId: string | null;
  rating: { stars: number; comment: string } | null;
  checkInCode: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  actions: (BookingAction | string)[];
}

export interface StatementLine {
  description: string;
  quantity: string | number;
  unit: string;
  rateFen: number;
  amountFen: number;
}

export interface Statement {
  booking: Booking;
  lines: StatementLine[];
  totalFen: number;
  subsidyFen: number;
  payableFen: number;
}

export interface Voucher {
  id: string;
  organisationId: string;
  budgetFen: number;
  spentFen: number;
  remainingFen: number;
  validUntil: string;
  note: string | null;
  issuedAt: string;
}

export interface NewVoucher {
  organisationId: string;
  budgetFen: number;
  validUntil: string;
  note: string | null;
}

/** A time the user waits for (`/api/v1/waitlist`); `offeredAt` is set once it freed up. */
export interface WaitlistEntry extends Interval {
  id: string;
  instrumentId: string;
  createdAt: string;
  offeredAt: string | null;
}

/** `POST /api/v1/bookings/recurring`: the same machine time every week. */
export interface RecurringRequest {
  request: BookingRequest;
  /** 2…26 occurrences, the first included. */
  weeks: number;
  /** Local dates (Asia/Shanghai) of occurrences to leave out, `2026-12-14`. */
  exceptDates: string[];
}

/** An occurrence of a weekly booking that could not be booked, and why. */
export interface RecurringRefusal extends Interval {
  detail: string;
  conflict: Interval | null;
  errors: { field: string; message: string }[] | null;
}

export interface RecurringResult {
  booked: Booking[];
  refused: RecurringRefusal[];
}

/** One booking on an organisation's monthly statement. */
export interface MonthlyStatementLine {
  bookingId: string;
  /** An instant; shown as its date in Asia/Shanghai. */
  date: string;
  description: string;
  mode: BookingMode | string;
  quantity: string | number | null;
  unit: PriceUnit | string;
  rateFen: number;
  amountFen: number;
  subsidyFen: number;
  payableFen: number;
}

/** `GET /api/v1/organisations/{id}/statements?month=` */
export interface MonthlyStatement {
  organisationId: string;
  /** `2026-12` */
  month: string;
  lines: MonthlyStatementLine[];
  totalFen: number;
  subsidyFen: number;
  payableFen: number;
}

/** `POST /api/v1/me/calendar-feed`: a path relative to the site, `/api/v1/calendar/<secret>.ics`. */
export interface CalendarFeed {
  url: string;
}
