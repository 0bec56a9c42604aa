import type { MessageKey } from '../../i18n/messages';
import { addDays, localMidnightMs } from './localTime';
import type { BookingRequest, RecurringRequest } from './types';

/** Weekly repetition of a machine-time request, as the form holds it. */

export const MIN_WEEKS = 2;
export const MAX_WEEKS = 26;

export interface RecurringDraft {
  enabled: boolean;
  /** The number of weeks as typed. */
  weeks: string;
  /** The dates to skip as typed (`2026-12-14`), one per input. */
  exceptDates: string[];
}

export const emptyRecurringDraft = (): RecurringDraft => ({ enabled: false, weeks: '4', exceptDates: [] });

/** The number of weeks, when it is a whole number from 2 to 26; null otherwise. */
export function parseWeeks(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) {
    return null;
  }
  const weeks = Number(trimmed);
  return weeks >= MIN_WEEKS && weeks <= MAX_WEEKS ? weeks : null;
}

/** The local dates of the occurrences: `firstDate` and the same weekday of the following weeks. */
export function occurrenceDates(firstDate: string, weeks: number): string[] {
  return Array.from({ length: weeks }, (_, index) => addDays(firstDate, index * 7));
}

/**
 * What is wrong with the draft, as message keys by the API's field names (`weeks`,
 * `exceptDates[2]`). With `firstDate` (the first occurrence's local date) a skipped date must
 * be one of the occurrences.
 */
export function validateRecurring(draft: RecurringDraft, firstDate?: string | null): Record<string, MessageKey> {
  const errors: Record<string, MessageKey> = {};
  const weeks = parseWeeks(draft.weeks);
  if (weeks === null) {
    errors.weeks = 'booking.recurring.error.weeks';
  }
  const occurrences = weeks !== null && firstDate ? new Set(occurrenceDates(firstDate, weeks)) : null;
  const seen = new Set<string>();
  draft.exceptDates.forEach((date, index) => {
    const field = `exceptDates[${index}]`;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(localMidnightMs(date))) {
      errors[field] = 'booking.recurring.error.date';
    } else if (seen.has(date)) {
      errors[field] = 'booking.recurring.error.duplicate';
    } else if (occurrences && !occurrences.has(date)) {
      errors[field] = 'booking.recurring.error.notOccurrence';
    }
    seen.add(date);
  });
  if (draft.exceptDates.length > MAX_WEEKS) {
    errors.exceptDates = 'booking.recurring.error.tooManyDates';
  }
  return errors;
}

/** The body of `POST /api/v1/bookings/recurring`: the single request, the weeks and the dates to skip. */
export function buildRecurringRequest(request: BookingRequest, weeks: number, exceptDates: readonly string[]): RecurringRequest {
  return { request, weeks, exceptDates: [...exceptDates] };
}

/**
 * The recurring endpoint names the fields of the single request `request.start` and so on;
 * the form shows them next to the same inputs as a single request's (`start`).
 */
export function withoutRequestPrefix(field: string): string {
  return field.startsWith('request.') ? field.slice('request.'.length) : field;
}
