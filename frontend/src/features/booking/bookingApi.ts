import { apiBlob, apiDelete, apiGet, apiPost, apiPut, queryString, type Page } from '../../api/client';
import type {
  Availability,
  Booking,
  BookingRequest,
  BookingRules,
  CalendarFeed,
  Closure,
  Estimate,
  Interval,
  MonthlyStatement,
  NewClosure,
  NewVoucher,
  Qualification,
  RecurringRequest,
  RecurringResult,
  Statement,
  Voucher,
  WaitlistEntry,
} from './types';

/** The booking API of booking-api.md, one function per endpoint. */

export const BOOKING_PAGE_SIZE = 20;

const enc = encodeURIComponent;
const instrument = (id: string) => `/api/v1/instruments/${enc(id)}`;
const booking = (id: string) => `/api/v1/bookings/${enc(id)}`;

export function fetchBookingRules(instrumentId: string, signal?: AbortSignal) {
  return apiGet<BookingRules>(`${instrument(instrumentId)}/booking-rules`, { signal });
}

export function saveBookingRules(instrumentId: string, rules: BookingRules) {
  return apiPut<BookingRules>(`${instrument(instrumentId)}/booking-rules`, rules);
}

export function fetchClosures(instrumentId: string, range: { from?: string; to?: string }, signal?: AbortSignal) {
  return apiGet<Closure[]>(`${instrument(instrumentId)}/closures${queryString(range)}`, { signal });
}

export function addClosure(instrumentId: string, closure: NewClosure) {
  return apiPost<Closure>(`${instrument(instrumentId)}/closures`, closure);
}

export function deleteClosure(instrumentId: string, closureId: string) {
  return apiDelete(`${instrument(instrumentId)}/closures/${enc(closureId)}`);
}

/** `from`/`to` are local dates (Asia/Shanghai midnight) or instants; at most 31 days apart. */
export function fetchAvailability(instrumentId: string, from: string, to: string, signal?: AbortSignal) {
  return apiGet<Availability>(`${instrument(instrumentId)}/availability${queryString({ from, to })}`, { signal });
}

export function fetchQualifications(instrumentId: string, signal?: AbortSignal) {
  return apiGet<Qualification[]>(`${instrument(instrumentId)}/qualifications`, { signal });
}

export function grantQualification(instrumentId: string, email: string, expiresAt: string | null) {
  return apiPost<Qualification>(`${instrument(instrumentId)}/qualifications`, { email, expiresAt });
}

export function revokeQualification(instrumentId: string, userId: string) {
  return apiDelete(`${instrument(instrumentId)}/qualifications/${enc(userId)}`);
}

export function estimateBooking(request: BookingRequest, signal?: AbortSignal) {
  return apiPost<Estimate>('/api/v1/bookings/estimate', request, { signal });
}

export function createBooking(request: BookingRequest) {
  return apiPost<Booking>('/api/v1/bookings', request);
}

/** Books the same machine time every week; each occurrence is checked on its own. */
export function createRecurringBookings(request: RecurringRequest) {
  return apiPost<RecurringResult>('/api/v1/bookings/recurring', request);
}

export interface BookingListParams {
  scope: 'mine' | 'staff';
  status?: string;
  instrumentId?: string;
  page: number;
  size?: number;
}

export function fetchBookings(params: BookingListParams, signal?: AbortSignal) {
  return apiGet<Page<Booking>>(`/api/v1/bookings${queryString({ size: BOOKING_PAGE_SIZE, ...params })}`, { signal });
}

export function fetchBooking(id: string, signal?: AbortSignal) {
  return apiGet<Booking>(booking(id), { signal });
}

/** The path segment of each transition. */
export const transitionPaths = {
  APPROVE: 'approve',
  ADJUST: 'adjust',
  ACCEPT: 'accept',
  DECLINE: 'decline',
  REJECT: 'reject',
  CANCEL: 'cancel',
  START: 'start',
  COMPLETE: 'complete',
  NO_SHOW: 'no-show',
  RATE: 'rating',
  APPLY_VOUCHER: 'voucher',
} as const;
export type TransitionAction = keyof typeof transitionPaths;

/** The body of a transition; see the contract for each one's fields. */
export type TransitionBody = Record<string, string | number | null>;

export function transitionBooking(id: string, action: TransitionAction, body: TransitionBody = {}) {
  return apiPost<Booking>(`${booking(id)}/${transitionPaths[action]}`, body);
}

export function fetchStatement(id: string, signal?: AbortSignal) {
  return apiGet<Statement>(`${booking(id)}/statement`, { signal });
}

export function bookingCalendarPath(id: string) {
  return `${booking(id)}/calendar.ics`;
}

export function fetchVouchers(organisationId: string, signal?: AbortSignal) {
  return apiGet<Voucher[]>(`/api/v1/vouchers${queryString({ organisationId })}`, { signal });
}

export function issueVoucher(voucher: NewVoucher) {
  return apiPost<Voucher>('/api/v1/vouchers', voucher);
}

export function joinWaitlist(instrumentId: string, interval: Interval) {
  return apiPost<WaitlistEntry>(`${instrument(instrumentId)}/waitlist`, { start: interval.start, end: interval.end });
}

export function fetchWaitlist(signal?: AbortSignal) {
  return apiGet<WaitlistEntry[]>('/api/v1/waitlist', { signal });
}

export function leaveWaitlist(id: string) {
  return apiDelete(`/api/v1/waitlist/${enc(id)}`);
}

/** The path of an organisation's statement of `month` (`2026-12`), as JSON or as CSV. */
export function monthlyStatementPath(organisationId: string, month: string, csv = false) {
  return `/api/v1/organisations/${enc(organisationId)}/statements${queryString({ month, format: csv ? 'csv' : undefined })}`;
}

export function fetchMonthlyStatement(organisationId: string, month: string, signal?: AbortSignal) {
  return apiGet<MonthlyStatement>(monthlyStatementPath(organisationId, month), { signal });
}

/** Makes a new secret calendar-feed URL; the previous one stops working. */
export function createCalendarFeed() {
  return apiPost<CalendarFeed>('/api/v1/me/calendar-feed', undefined);
}

/**
 * GETs a file that needs the session's token (an .ics, a CSV) and hands it to the browser as
 * a download named `filename`.
 */
export async function downloadWithToken(path: string, filename: string): Promise<void> {
  const blob = await apiBlob(path);
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.rel = 'noopener';
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser a moment to start the download before the URL goes.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
