import type { Availability, Booking, BookingRules, Estimate, Statement, Voucher } from './types';

/**
 * A week (Mon 30 Nov – Sun 6 Dec 2026) of an instrument open Mon–Fri 08:30–17:30 local time
 * (00:30–09:30 UTC), "now" being Monday 09:00 local.
 *  - Tue 1 Dec 10:00–11:30 local is taken;
 *  - Wed 2 Dec 13:00–17:30 local is closed for maintenance;
 *  - the earliest start is Mon 11:00 local (2 h notice), the latest Fri 4 Dec 10:00 local.
 */
export const NOW = Date.parse('2026-11-30T01:00:00Z');
export const WEEK = '2026-11-30';

export function availability(overrides: Partial<Availability> = {}): Availability {
  const open = ['2026-11-30', '2026-12-01', '2026-12-03', '2026-12-04'].map((date) => ({
    start: `${date}T00:30:00Z`,
    end: `${date}T09:30:00Z`,
  }));
  open.push({ start: '2026-12-02T00:30:00Z', end: '2026-12-02T05:00:00Z' });
  return {
    instrumentId: 'r-1',
    timeZone: 'Asia/Shanghai',
    from: '2026-11-29T16:00:00Z',
    to: '2026-12-06T16:00:00Z',
    slotMinutes: 30,
    bufferMinutes: 0,
    earliestStart: '2026-11-30T03:00:00Z',
    latestStart: '2026-12-04T02:00:00Z',
    open,
    taken: [{ start: '2026-12-01T02:00:00Z', end: '2026-12-01T03:30:00Z' }],
    closures: [{ start: '2026-12-02T05:00:00Z', end: '2026-12-02T09:30:00Z', kind: 'MAINTENANCE', reason: '更换离子源' }],
    ...overrides,
  };
}

export function rules(overrides: Partial<BookingRules> = {}): BookingRules {
  return {
    weeklyHours: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({
      day: day as BookingRules['weeklyHours'][number]['day'],
      start: '08:30',
      end: '17:30',
    })),
    slotMinutes: 30,
    minMinutes: 30,
    maxMinutes: 480,
    minNoticeMinutes: 120,
    maxAdvanceDays: 60,
    bufferMinutes: 0,
    quotaMinutesPerDay: null,
    quotaMinutesPerWeek: null,
    quotaMinutesPerMonth: null,
    approvalRequired: true,
    trainingRequired: false,
    cancellationDeadlineHours: 24,
    noShowGraceMinutes: 15,
    version: 3,
    ...overrides,
  };
}

export function estimate(overrides: Partial<Estimate> = {}): Estimate {
  return { unit: 'PER_HOUR', rateFen: 20000, quantity: '2.5', amountFen: 50000, rate: 'EXTERNAL', ...overrides };
}

export function booking(overrides: Partial<Booking> = {}): Booking {
  return {
    id: 'b-1',
    instrumentId: 'r-1',
    instrumentTitle: '电感耦合等离子体质谱仪',
    hostOrganisationId: 'org-1',
    mode: 'MACHINE_TIME',
    status: 'PENDING',
    start: '2026-12-01T03:30:00Z',
    end: '2026-12-01T05:30:00Z',
    sample: null,
    requester: { id: 'u-1', displayName: '李华' },
    organisationId: 'org-9',
    note: null,
    estimate: estimate({ quantity: '2', amountFen: 40000 }),
    proposal: null,
    reason: null,
    actualStart: null,
    actualEnd: null,
    samplesRun: null,
    resultNote: null,
    chargeFen: null,
    subsidyFen: 0,
    payableFen: null,
    voucherId: null,
    rating: null,
    checkInCode: null,
    createdAt: '2026-11-30T01:00:00Z',
    updatedAt: '2026-11-30T01:00:00Z',
    version: 1,
    actions: ['CANCEL'],
    ...overrides,
  };
}

export function statement(overrides: Partial<Statement> = {}): Statement {
  return {
    booking: booking(),
    lines: [{ description: '机时 / Machine time', quantity: '2', unit: 'PER_HOUR', rateFen: 20000, amountFen: 40000 }],
    totalFen: 40000,
    subsidyFen: 10000,
    payableFen: 30000,
    ...overrides,
  };
}

export function voucher(overrides: Partial<Voucher> = {}): Voucher {
  return {
    id: 'v-1',
    organisationId: 'org-9',
    budgetFen: 1000000,
    spentFen: 250000,
    remainingFen: 750000,
    validUntil: '2027-06-30',
    note: '2026 年度科技创新券',
    issuedAt: '2026-01-10T02:00:00Z',
    ...overrides,
  };
}

/** A researcher who is a member of 湘潭大学 (org-9), the paying organisation of the test bookings. */
export const memberships = [
  {
    organisationId: 'org-9',
    nameZh: '湘潭大学',
    nameEn: 'Xiangtan University',
    type: 'UNIVERSITY' as const,
    verificationStatus: 'VERIFIED' as const,
    role: 'MEMBER' as const,
  },
];
