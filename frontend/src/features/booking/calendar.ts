import { addDays, localDateOf, localMinutesOf, localToInstant, localToInstantMs, parseTimeOfDay } from './localTime';
import type { Availability, ClosureKind, WeeklyHours } from './types';

/**
 * The week calendar of an instrument: 7 local days × rows on the `slotMinutes` grid, each
 * cell in one state. Pure functions, built from `GET …/availability` (and the opening hours).
 */

export type CellState =
  /** Free and bookable. */
  | 'open'
  /** Held by a booking (or its buffer); never says by whom. */
  | 'taken'
  /** Closed (holiday, maintenance, outage). */
  | 'closed'
  /** Outside opening hours. */
  | 'outside'
  /** Before the earliest start (minimum notice) or in the past. */
  | 'past'
  /** After the latest start (booking horizon). */
  | 'tooFar';

export interface CalendarCell {
  day: number;
  row: number;
  /** Local date, `2026-12-01`. */
  date: string;
  /** Local minutes after midnight of the cell's start. */
  minutes: number;
  start: string;
  end: string;
  startMs: number;
  endMs: number;
  state: CellState;
  closure?: { kind: ClosureKind | string; reason: string };
}

export interface WeekGrid {
  /** The 7 local dates, Monday first. */
  days: string[];
  /** Local start minutes of each row. */
  rows: number[];
  slotMinutes: number;
  /** `cells[day][row]` */
  cells: CalendarCell[][];
}

interface Span {
  startMs: number;
  endMs: number;
}

const span = (interval: { start: string; end: string }): Span => ({
  startMs: Date.parse(interval.start),
  endMs: Date.parse(interval.end),
});

const overlaps = (a: Span, b: Span) => a.startMs < b.endMs && b.startMs < a.endMs;

const DEFAULT_ROWS = { start: 8 * 60, end: 18 * 60 };

/**
 * The local time span the rows cover: from the earliest opening to the latest closing of any
 * day (of the weekly hours when known, else of the open intervals of the week), on the slot grid.
 */
export function rowSpan(
  slotMinutes: number,
  weeklyHours: readonly WeeklyHours[] | undefined,
  open: readonly { start: string; end: string }[],
): { start: number; end: number } {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  if (weeklyHours && weeklyHours.length > 0) {
    for (const hours of weeklyHours) {
      const from = parseTimeOfDay(hours.start);
      const to = parseTimeOfDay(hours.end);
      if (from !== null && to !== null && to > from) {
        start = Math.min(start, from);
        end = Math.max(end, to);
      }
    }
  }
  if (!Number.isFinite(start)) {
    for (const interval of open) {
      const { startMs, endMs } = span(interval);
      if (Number.isNaN(startMs) || Number.isNaN(endMs) || endMs <= startMs) {
        continue;
      }
      start = Math.min(start, localMinutesOf(startMs));
      // An interval ending at midnight ends at 24:00 of its day.
      const endMinutes = localDateOf(endMs) === localDateOf(startMs) ? localMinutesOf(endMs) : 24 * 60;
      end = Math.max(end, endMinutes);
    }
  }
  if (!Number.isFinite(start) || end <= start) {
    ({ start, end } = DEFAULT_ROWS);
  }
  const slot = Math.max(1, slotMinutes);
  return { start: Math.floor(start / slot) * slot, end: Math.min(24 * 60, Math.ceil(end / slot) * slot) };
}

export interface GridInput {
  /** The Monday (local date) of the week to show. */
  weekStart: string;
  availability: Availability;
  weeklyHours?: readonly WeeklyHours[];
  nowMs: number;
}

export function buildWeekGrid({ weekStart, availability, weeklyHours, nowMs }: GridInput): WeekGrid {
  const slotMinutes = Math.max(1, availability.slotMinutes || 30);
  const days = Array.from({ length: 7 }, (_, index) => addDays(weekStart, index));
  const { start, end } = rowSpan(slotMinutes, weeklyHours, availability.open);
  const rows: number[] = [];
  for (let minutes = start; minutes + slotMinutes <= end; minutes += slotMinutes) {
    rows.push(minutes);
  }

  const open = availability.open.map(span);
  const taken = availability.taken.map(span);
  const closures = availability.closures.map((closure) => ({ ...span(closure), kind: closure.kind, reason: closure.reason }));
  const earliestMs = Math.max(nowMs, Date.parse(availability.earliestStart) || nowMs);
  const latestParsed = Date.parse(availability.latestStart);
  const latestMs = Number.isNaN(latestParsed) ? Number.POSITIVE_INFINITY : latestParsed;

  const cells = days.map((date, day) =>
    rows.map((minutes, row): CalendarCell => {
      const startMs = localToInstantMs(date, minutes);
      const endMs = startMs + slotMinutes * 60_000;
      const cell: CalendarCell = {
        day,
        row,
        date,
        minutes,
        start: localToInstant(date, minutes),
        end: localToInstant(date, minutes + slotMinutes),
        startMs,
        endMs,
        state: 'outside',
      };
      const here = { startMs, endMs };
      const closure = closures.find((candidate) => overlaps(candidate, here));
      if (taken.some((candidate) => overlaps(candidate, here))) {
        cell.state = 'taken';
      } else if (closure) {
        cell.state = 'closed';
        cell.closure = { kind: closure.kind, reason: closure.reason };
      } else if (open.some((candidate) => candidate.startMs <= startMs && endMs <= candidate.endMs)) {
        cell.state = startMs < earliestMs ? 'past' : startMs > latestMs ? 'tooFar' : 'open';
      }
      return cell;
    }),
  );
  return { days, rows, slotMinutes, cells };
}

export interface CellPosition {
  day: number;
  row: number;
}

export type SelectionProblem =
  | { code: 'differentDays' }
  | { code: 'taken' | 'closed' | 'outside' | 'past' | 'tooFar'; cell: CalendarCell }
  | { code: 'tooShort'; minutes: number; minMinutes: number }
  | { code: 'tooLong'; minutes: number; maxMinutes: number };

export type SelectionResult =
  | { ok: true; start: string; end: string; minutes: number; day: number; fromRow: number; toRow: number }
  | { ok: false; problem: SelectionProblem; day: number; fromRow: number; toRow: number };

/**
 * Checks a selection from `anchor` to `focus` (either order, one day): every cell must be
 * free, the first must not be too soon or too far ahead, and the length must be within
 * `minMinutes`…`maxMinutes`. The first refused cell says why.
 */
export function validateSelection(
  grid: WeekGrid,
  anchor: CellPosition,
  focus: CellPosition,
  limits: { minMinutes: number; maxMinutes: number },
): SelectionResult {
  const fromRow = Math.min(anchor.row, focus.row);
  const toRow = Math.max(anchor.row, focus.row);
  const day = anchor.day;
  if (anchor.day !== focus.day) {
    return { ok: false, problem: { code: 'differentDays' }, day, fromRow, toRow };
  }
  const column = grid.cells[day] ?? [];
  for (let row = fromRow; row <= toRow; row += 1) {
    const cell = column[row];
    if (!cell) {
      return { ok: false, problem: { code: 'differentDays' }, day, fromRow, toRow };
    }
    // Only the start must be within the booking horizon; a booking may run past it.
    const acceptable = cell.state === 'open' || (row > fromRow && cell.state === 'tooFar');
    if (!acceptable) {
      const code = cell.state as Exclude<CellState, 'open'>;
      return { ok: false, problem: { code, cell }, day, fromRow, toRow };
    }
  }
  const first = column[fromRow]!;
  const last = column[toRow]!;
  const minutes = Math.round((last.endMs - first.startMs) / 60_000);
  if (minutes < limits.minMinutes) {
    return { ok: false, problem: { code: 'tooShort', minutes, minMinutes: limits.minMinutes }, day, fromRow, toRow };
  }
  if (limits.maxMinutes > 0 && minutes > limits.maxMinutes) {
    return { ok: false, problem: { code: 'tooLong', minutes, maxMinutes: limits.maxMinutes }, day, fromRow, toRow };
  }
  return { ok: true, start: first.start, end: last.end, minutes, day, fromRow, toRow };
}

/** The time a selection covers, from its first slot's start to its last slot's end, accepted or not. */
export function selectionInterval(grid: WeekGrid, result: SelectionResult): { start: string; end: string } | null {
  const column = grid.cells[result.day] ?? [];
  const first = column[result.fromRow];
  const last = column[result.toRow];
  return first && last ? { start: first.start, end: last.end } : null;
}

/**
 * The time one may join the waitlist for: a selection on one day refused only because it
 * overlaps taken time (the first refused slot is taken). Null otherwise.
 */
export function waitlistCandidate(grid: WeekGrid, result: SelectionResult | null): { start: string; end: string } | null {
  if (!result || result.ok || result.problem.code !== 'taken') {
    return null;
  }
  return selectionInterval(grid, result);
}
