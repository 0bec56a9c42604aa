import type { Locale } from './messages';

/** A timestamp from the API (ISO 8601) as a local date and time; the raw text if unreadable. */
export function formatDateTime(locale: Locale, value: string | null | undefined): string {
  if (!value) {
    return '—';
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatDate(locale: Locale, value: string | null | undefined): string {
  if (!value) {
    return '—';
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}

/**
 * The time zone of the platform: every date and time of a booking is shown in Asia/Shanghai
 * (UTC+8, no daylight saving), whatever the browser's own zone.
 */
export const PLATFORM_TIME_ZONE = 'Asia/Shanghai';

function parsed(value: string | null | undefined): Date | null {
  if (!value) {
    return null;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** An instant as a date and time in Asia/Shanghai. */
export function formatShanghaiDateTime(locale: Locale, value: string | null | undefined): string {
  const date = parsed(value);
  if (!date) {
    return value || '—';
  }
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone: PLATFORM_TIME_ZONE,
  }).format(date);
}

/** An instant as a time of day (`09:30`) in Asia/Shanghai. */
export function formatShanghaiTime(locale: Locale, value: string | null | undefined): string {
  const date = parsed(value);
  if (!date) {
    return value || '—';
  }
  return new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: PLATFORM_TIME_ZONE,
  }).format(date);
}

/** A start and end as `1 Dec 2026, 09:00–11:30` (Asia/Shanghai; the end's date only when it differs). */
export function formatShanghaiRange(locale: Locale, start: string | null | undefined, end: string | null | undefined): string {
  const from = parsed(start);
  const to = parsed(end);
  if (!from || !to) {
    return [formatShanghaiDateTime(locale, start), formatShanghaiDateTime(locale, end)].join(' – ');
  }
  const day = (date: Date) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: PLATFORM_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
  const sameDay = day(from) === day(to);
  return `${formatShanghaiDateTime(locale, start)}–${sameDay ? formatShanghaiTime(locale, end) : formatShanghaiDateTime(locale, end)}`;
}

/** A calendar date (`2026-12-01`, no time zone) as a medium date, e.g. `2026年12月1日`. */
export function formatPlainDate(locale: Locale, value: string | null | undefined): string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return value || '—';
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${value}T12:00:00Z`));
}

/** An instant as its date (medium) in Asia/Shanghai. */
export function formatShanghaiDate(locale: Locale, value: string | null | undefined): string {
  const date = parsed(value);
  if (!date) {
    return value || '—';
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: PLATFORM_TIME_ZONE }).format(date);
}

/** A month (`2026-12`) as `2026年12月` / `December 2026`; the raw text if it is not a month. */
export function formatMonth(locale: Locale, value: string | null | undefined): string {
  const match = value ? /^(\d{4})-(\d{2})$/.exec(value) : null;
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) {
    return value || '—';
  }
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 15)),
  );
}
