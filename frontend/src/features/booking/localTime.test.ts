import { describe, expect, it, vi } from 'vitest';
import {
  addDays,
  formatTimeOfDay,
  instantToLocalInput,
  localDateOf,
  localInputToInstant,
  localMinutesOf,
  localToInstant,
  localToday,
  parseTimeOfDay,
  weekDayOf,
  weekStartOf,
} from './localTime';

describe('Asia/Shanghai local time', () => {
  it('turns a local date and time into a UTC instant, across the day boundary', () => {
    expect(localToInstant('2026-12-01', 9 * 60)).toBe('2026-12-01T01:00:00Z');
    expect(localToInstant('2026-12-01', 0)).toBe('2026-11-30T16:00:00Z');
    expect(localToInstant('2026-12-01', 7 * 60 + 59)).toBe('2026-11-30T23:59:00Z');
    expect(localToInstant('2027-01-01', 30)).toBe('2026-12-31T16:30:00Z');
    // 24:00 is the next day's midnight.
    expect(localToInstant('2026-12-01', 24 * 60)).toBe('2026-12-01T16:00:00Z');
  });

  it('reads the local date and time of an instant', () => {
    expect(localDateOf(Date.parse('2026-11-30T16:00:00Z'))).toBe('2026-12-01');
    expect(localDateOf(Date.parse('2026-11-30T15:59:00Z'))).toBe('2026-11-30');
    expect(localMinutesOf(Date.parse('2026-11-30T15:59:00Z'))).toBe(23 * 60 + 59);
    expect(localMinutesOf(Date.parse('2026-12-31T16:30:00Z'))).toBe(30);
    expect(localToday(Date.parse('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
  });

  it('rejects dates that do not exist', () => {
    expect(Number.isNaN(Date.parse(localToInstant('2026-12-01', 0)))).toBe(false);
    expect(() => localToInstant('2026-02-31', 0)).toThrow();
    expect(() => localToInstant('1.12.2026', 0)).toThrow();
  });

  it('counts days and weeks in local dates', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekDayOf('2026-11-30')).toBe('MONDAY');
    expect(weekDayOf('2026-12-06')).toBe('SUNDAY');
    expect(weekStartOf('2026-12-06')).toBe('2026-11-30');
    expect(weekStartOf('2026-11-30')).toBe('2026-11-30');
    expect(weekStartOf('2027-01-01')).toBe('2026-12-28');
  });

  it('parses and formats times of day', () => {
    expect(parseTimeOfDay('08:30')).toBe(510);
    expect(parseTimeOfDay('24:00')).toBe(1440);
    expect(parseTimeOfDay('24:30')).toBeNull();
    expect(parseTimeOfDay('8:30')).toBeNull();
    expect(parseTimeOfDay('08:60')).toBeNull();
    expect(formatTimeOfDay(510)).toBe('08:30');
    expect(formatTimeOfDay(0)).toBe('00:00');
  });

  it('converts datetime-local input values as Shanghai time', () => {
    expect(localInputToInstant('2026-12-01T00:30')).toBe('2026-11-30T16:30:00Z');
    expect(localInputToInstant('2026-12-01T09:00:00')).toBe('2026-12-01T01:00:00Z');
    expect(localInputToInstant('')).toBeNull();
    expect(localInputToInstant('2026-02-31T10:00')).toBeNull();
    expect(localInputToInstant('2026-12-01T24:00')).toBeNull();
    expect(localInputToInstant('tomorrow')).toBeNull();
    expect(instantToLocalInput('2026-11-30T16:30:00Z')).toBe('2026-12-01T00:30');
    expect(instantToLocalInput(null)).toBe('');
    expect(instantToLocalInput('not a time')).toBe('');
  });

  it('does not depend on the browser’s own time zone', () => {
    try {
      for (const zone of ['America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Chatham']) {
        vi.stubEnv('TZ', zone);
        // The zone really changed (Los Angeles is behind UTC in December).
        if (zone === 'America/Los_Angeles') {
          expect(new Date('2026-12-01T00:00:00Z').getTimezoneOffset()).toBe(480);
        }
        expect(localToInstant('2026-12-01', 0)).toBe('2026-11-30T16:00:00Z');
        expect(localDateOf(Date.parse('2026-11-30T16:00:00Z'))).toBe('2026-12-01');
        expect(weekStartOf('2026-12-06')).toBe('2026-11-30');
        expect(instantToLocalInput('2026-11-30T16:30:00Z')).toBe('2026-12-01T00:30');
      }
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
