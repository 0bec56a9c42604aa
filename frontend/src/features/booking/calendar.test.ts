import { describe, expect, it } from 'vitest';
import { buildWeekGrid, rowSpan, validateSelection, type WeekGrid } from './calendar';
import { availability, NOW, rules, WEEK } from './testData';

const MON = 0;
const TUE = 1;
const WED = 2;
const FRI = 4;
const SAT = 5;
/** The row of a local time (rows start 08:30, every 30 min). */
const row = (time: string) => {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours! * 60 + minutes! - 510) / 30;
};

function grid(): WeekGrid {
  return buildWeekGrid({ weekStart: WEEK, availability: availability(), weeklyHours: rules().weeklyHours, nowMs: NOW });
}

const limits = { minMinutes: 30, maxMinutes: 480 };

describe('buildWeekGrid', () => {
  it('has 7 local days and a row per slot of the opening hours', () => {
    const week = grid();
    expect(week.days).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(week.rows).toHaveLength(18);
    expect(week.rows[0]).toBe(510);
    expect(week.rows.at(-1)).toBe(17 * 60);
    const first = week.cells[MON]![0]!;
    expect(first.start).toBe('2026-11-30T00:30:00Z');
    expect(first.end).toBe('2026-11-30T01:00:00Z');
  });

  it('marks cells before the earliest start as past and after the latest start as too far', () => {
    const week = grid();
    expect(week.cells[MON]![row('09:00')]!.state).toBe('past');
    expect(week.cells[MON]![row('10:30')]!.state).toBe('past');
    expect(week.cells[MON]![row('11:00')]!.state).toBe('open');
    expect(week.cells[FRI]![row('10:00')]!.state).toBe('open');
    expect(week.cells[FRI]![row('10:30')]!.state).toBe('tooFar');
  });

  it('marks taken, closed (with kind and reason) and outside-hours cells', () => {
    const week = grid();
    expect(week.cells[TUE]!.slice(row('09:30'), row('12:00')).map((cell) => cell.state)).toEqual([
      'open',
      'taken',
      'taken',
      'taken',
      'open',
    ]);
    const closed = week.cells[WED]![row('13:00')]!;
    expect(closed.state).toBe('closed');
    expect(closed.closure).toEqual({ kind: 'MAINTENANCE', reason: '更换离子源' });
    expect(week.cells[WED]![row('12:30')]!.state).toBe('open');
    expect(week.cells[SAT]!.every((cell) => cell.state === 'outside')).toBe(true);
  });

  it('treats everything before now as past, whatever the server computed', () => {
    const later = Date.parse('2026-12-01T04:00:00Z'); // Tue 12:00 local
    const week = buildWeekGrid({ weekStart: WEEK, availability: availability(), nowMs: later });
    expect(week.cells[TUE]![row('11:30')]!.state).toBe('past');
    expect(week.cells[TUE]![row('12:00')]!.state).toBe('open');
  });

  it('takes the rows from the open intervals when the opening hours are unknown', () => {
    const week = buildWeekGrid({ weekStart: WEEK, availability: availability(), nowMs: NOW });
    expect(week.rows[0]).toBe(510);
    expect(week.rows).toHaveLength(18);
  });
});

describe('rowSpan', () => {
  it('covers the earliest opening and the latest closing of any day, on the slot grid', () => {
    expect(
      rowSpan(60, [
        { day: 'MONDAY', start: '08:30', end: '12:00' },
        { day: 'MONDAY', start: '13:00', end: '17:15' },
        { day: 'SATURDAY', start: '09:00', end: '20:00' },
      ], []),
    ).toEqual({ start: 8 * 60, end: 20 * 60 });
  });

  it('reads open intervals that end at local midnight as ending at 24:00', () => {
    expect(rowSpan(30, undefined, [{ start: '2026-12-01T12:00:00Z', end: '2026-12-01T16:00:00Z' }])).toEqual({
      start: 20 * 60,
      end: 24 * 60,
    });
  });

  it('falls back to 08:00–18:00 when nothing is known', () => {
    expect(rowSpan(30, [], [])).toEqual({ start: 480, end: 1080 });
    expect(rowSpan(30, [{ day: 'MONDAY', start: 'x', end: '09:00' }], [])).toEqual({ start: 480, end: 1080 });
  });
});

describe('validateSelection', () => {
  it('accepts a free range and answers its start, end and length', () => {
    const result = validateSelection(grid(), { day: TUE, row: row('11:30') }, { day: TUE, row: row('13:00') }, limits);
    expect(result).toMatchObject({ ok: true, start: '2026-12-01T03:30:00Z', end: '2026-12-01T05:30:00Z', minutes: 120 });
  });

  it('accepts the range dragged upwards', () => {
    const result = validateSelection(grid(), { day: TUE, row: row('13:00') }, { day: TUE, row: row('11:30') }, limits);
    expect(result).toMatchObject({ ok: true, start: '2026-12-01T03:30:00Z', end: '2026-12-01T05:30:00Z' });
  });

  it('refuses a range crossing a taken cell and names the first taken one', () => {
    const result = validateSelection(grid(), { day: TUE, row: row('09:00') }, { day: TUE, row: row('11:30') }, limits);
    expect(result.ok).toBe(false);
    if (!result.ok && result.problem.code === 'taken') {
      expect(result.problem.cell.start).toBe('2026-12-01T02:00:00Z');
    } else {
      throw new Error(`expected taken, got ${JSON.stringify(result)}`);
    }
  });

  it('refuses closed cells, outside hours, the past and starts beyond the horizon', () => {
    const week = grid();
    const code = (day: number, from: string, to: string) => {
      const result = validateSelection(week, { day, row: row(from) }, { day, row: row(to) }, limits);
      return result.ok ? 'ok' : result.problem.code;
    };
    expect(code(WED, '12:00', '13:30')).toBe('closed');
    expect(code(SAT, '09:00', '10:00')).toBe('outside');
    expect(code(MON, '10:00', '12:00')).toBe('past');
    expect(code(FRI, '10:30', '11:00')).toBe('tooFar');
    // A booking starting within the horizon may run past it.
    expect(code(FRI, '09:30', '11:00')).toBe('ok');
  });

  it('refuses a range shorter than the minimum or longer than the maximum', () => {
    const week = grid();
    const short = validateSelection(week, { day: TUE, row: row('12:00') }, { day: TUE, row: row('12:00') }, { minMinutes: 60, maxMinutes: 480 });
    expect(short).toMatchObject({ ok: false, problem: { code: 'tooShort', minutes: 30, minMinutes: 60 } });
    const long = validateSelection(week, { day: TUE, row: row('12:00') }, { day: TUE, row: row('14:00') }, { minMinutes: 30, maxMinutes: 120 });
    expect(long).toMatchObject({ ok: false, problem: { code: 'tooLong', minutes: 150, maxMinutes: 120 } });
  });

  it('refuses a range over two days', () => {
    const result = validateSelection(grid(), { day: MON, row: row('16:00') }, { day: TUE, row: row('12:00') }, limits);
    expect(result).toMatchObject({ ok: false, problem: { code: 'differentDays' } });
  });
});
