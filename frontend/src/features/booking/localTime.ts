import { weekDays, type WeekDay } from './types';

/**
 * Local time of the platform (Asia/Shanghai, UTC+8 all year, no daylight saving) ↔ UTC
 * instants, independent of the browser's own time zone. Local dates are `YYYY-MM-DD`,
 * times of day are minutes after local midnight.
 */

export const SHANGHAI_OFFSET_MINUTES = 8 * 60;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const OFFSET = SHANGHAI_OFFSET_MINUTES * MINUTE;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** Milliseconds (UTC) of local midnight of `date`; NaN when it is not a date. */
export function localMidnightMs(date: string): number {
  const match = DATE.exec(date);
  if (!match) {
    return Number.NaN;
  }
  const [, year, month, day] = match;
  const ms = Date.UTC(Number(year), Number(month) - 1, Number(day));
  // Reject 2026-02-31 and the like, which Date.UTC would roll over.
  if (new Date(ms).getUTCDate() !== Number(day)) {
    return Number.NaN;
  }
  return ms - OFFSET;
}

/** An instant as the API writes it: `2026-12-01T01:00:00Z`. */
export function toInstant(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

/** The instant of local `date` at `minutes` after local midnight (may be ≥ 1440: the next day). */
export function localToInstantMs(date: string, minutes: number): number {
  return localMidnightMs(date) + minutes * MINUTE;
}

export function localToInstant(date: string, minutes: number): string {
  return toInstant(localToInstantMs(date, minutes));
}

/** The local date (`YYYY-MM-DD`) of an instant. */
export function localDateOf(ms: number): string {
  const local = new Date(ms + OFFSET);
  return `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
}

/** Minutes after local midnight of an instant. */
export function localMinutesOf(ms: number): number {
  const local = new Date(ms + OFFSET);
  return local.getUTCHours() * 60 + local.getUTCMinutes();
}

export function addDays(date: string, days: number): string {
  return localDateOf(localMidnightMs(date) + days * DAY);
}

/** The day of the week of a local date. */
export function weekDayOf(date: string): WeekDay {
  const sundayFirst = new Date(localMidnightMs(date) + OFFSET).getUTCDay();
  return weekDays[(sundayFirst + 6) % 7]!;
}

/** The Monday of the week that holds `date`. */
export function weekStartOf(date: string): string {
  return addDays(date, -weekDays.indexOf(weekDayOf(date)));
}

/** `08:30` → 510; null when it is not a time of day. `24:00` is allowed (end of day). */
export function parseTimeOfDay(value: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) {
    return null;
  }
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && minutes <= 24 * 60 ? minutes : null;
}

/** 510 → `08:30`. */
export function formatTimeOfDay(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * The value of an `<input type="datetime-local">` (`2026-12-01T09:00`), read as Asia/Shanghai
 * local time, as an instant; null when empty or unreadable.
 */
export function localInputToInstant(value: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?$/.exec(value.trim());
  if (!match) {
    return null;
  }
  const minutes = parseTimeOfDay(match[2]!);
  const ms = localToInstantMs(match[1]!, minutes ?? Number.NaN);
  return minutes === null || minutes >= 24 * 60 || Number.isNaN(ms) ? null : toInstant(ms);
}

/** An instant as the value of an `<input type="datetime-local">` in Asia/Shanghai; '' when missing. */
export function instantToLocalInput(value: string | null | undefined): string {
  const ms = value ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    return '';
  }
  return `${localDateOf(ms)}T${formatTimeOfDay(localMinutesOf(ms))}`;
}

/** Today's local date. */
export function localToday(nowMs: number = Date.now()): string {
  return localDateOf(nowMs);
}

/** The local month (`2026-12`) of an instant. */
export function localMonth(nowMs: number = Date.now()): string {
  return localDateOf(nowMs).slice(0, 7);
}

/** Whether `value` is a month as `<input type="month">` gives it (`2026-12`). */
export function isMonth(value: string): boolean {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  return match !== null && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}
