import { describe, expect, it } from 'vitest';
import { formatMonth, formatShanghaiDate } from '../../i18n/format';
import { buildWeekGrid, selectionInterval, validateSelection, waitlistCandidate } from './calendar';
import { absoluteFeedUrl } from './CalendarFeedPanel';
import { isMonth, localMonth } from './localTime';
import { buildRecurringRequest, occurrenceDates, parseWeeks, validateRecurring, withoutRequestPrefix, type RecurringDraft } from './recurring';
import { availability, NOW, WEEK } from './testData';
import type { BookingRequest } from './types';

const draft = (overrides: Partial<RecurringDraft> = {}): RecurringDraft => ({ enabled: true, weeks: '4', exceptDates: [], ...overrides });

describe('weekly repetition', () => {
  it('reads the number of weeks as a whole number from 2 to 26', () => {
    expect(parseWeeks('2')).toBe(2);
    expect(parseWeeks(' 26 ')).toBe(26);
    expect(parseWeeks('1')).toBeNull();
    expect(parseWeeks('27')).toBeNull();
    expect(parseWeeks('3.5')).toBeNull();
    expect(parseWeeks('')).toBeNull();
    expect(parseWeeks('-4')).toBeNull();
  });

  it('lists the dates of the occurrences, a week apart, across month ends', () => {
    expect(occurrenceDates('2026-12-15', 4)).toEqual(['2026-12-15', '2026-12-22', '2026-12-29', '2027-01-05']);
  });

  it('accepts a draft with valid weeks and skipped occurrence dates', () => {
    expect(validateRecurring(draft({ exceptDates: ['2026-12-15'] }), '2026-12-01')).toEqual({});
    // Without the first date (no time chosen yet) any real date may be skipped.
    expect(validateRecurring(draft({ exceptDates: ['2026-12-16'] }))).toEqual({});
  });

  it('names each wrong field by the API’s name', () => {
    expect(validateRecurring(draft({ weeks: '30' }), '2026-12-01')).toEqual({ weeks: 'booking.recurring.error.weeks' });
    expect(
      validateRecurring(draft({ exceptDates: ['', '2026-02-30', '2026-12-08', '2026-12-08', '2026-12-09'] }), '2026-12-01'),
    ).toEqual({
      'exceptDates[0]': 'booking.recurring.error.date',
      'exceptDates[1]': 'booking.recurring.error.date',
      'exceptDates[3]': 'booking.recurring.error.duplicate',
      'exceptDates[4]': 'booking.recurring.error.notOccurrence',
    });
    // A date after the last occurrence is not one of them.
    expect(validateRecurring(draft({ weeks: '2', exceptDates: ['2026-12-15'] }), '2026-12-01')).toEqual({
      'exceptDates[0]': 'booking.recurring.error.notOccurrence',
    });
    expect(validateRecurring(draft({ exceptDates: Array.from({ length: 27 }, () => '2026-12-08') })).exceptDates).toBe(
      'booking.recurring.error.tooManyDates',
    );
  });

  it('builds the body of POST /bookings/recurring around the single request', () => {
    const request: BookingRequest = {
      instrumentId: 'r-1',
      mode: 'MACHINE_TIME',
      start: '2026-12-01T03:30:00Z',
      end: '2026-12-01T05:30:00Z',
      organisationId: null,
      note: null,
    };
    const dates = ['2026-12-15'];
    const body = buildRecurringRequest(request, 4, dates);
    expect(body).toEqual({ request, weeks: 4, exceptDates: ['2026-12-15'] });
    expect(body.exceptDates).not.toBe(dates);
  });

  it('maps request.* field names to the single form’s', () => {
    expect(withoutRequestPrefix('request.start')).toBe('start');
    expect(withoutRequestPrefix('request.sample.count')).toBe('sample.count');
    expect(withoutRequestPrefix('weeks')).toBe('weeks');
  });
});

describe('waitlist candidate', () => {
  const grid = buildWeekGrid({ weekStart: WEEK, availability: availability(), nowMs: NOW });
  const tuesday = 1;
  const row = (time: string) => grid.rows.indexOf(Number(time.slice(0, 2)) * 60 + Number(time.slice(3)));
  const limits = { minMinutes: 30, maxMinutes: 480 };

  it('is the whole selection when it is refused for overlapping taken time', () => {
    const result = validateSelection(grid, { day: tuesday, row: row('09:00') }, { day: tuesday, row: row('12:00') }, limits);
    expect(waitlistCandidate(grid, result)).toEqual({ start: '2026-12-01T01:00:00Z', end: '2026-12-01T04:30:00Z' });
    expect(selectionInterval(grid, result)).toEqual({ start: '2026-12-01T01:00:00Z', end: '2026-12-01T04:30:00Z' });
  });

  it('is nothing for free, closed or too short selections', () => {
    const free = validateSelection(grid, { day: tuesday, row: row('11:30') }, { day: tuesday, row: row('12:30') }, limits);
    expect(waitlistCandidate(grid, free)).toBeNull();
    const closed = validateSelection(grid, { day: 2, row: row('13:00') }, { day: 2, row: row('14:00') }, limits);
    expect(waitlistCandidate(grid, closed)).toBeNull();
    expect(waitlistCandidate(grid, null)).toBeNull();
  });
});

describe('months and feed URLs', () => {
  it('gives the local month, which changes at Beijing midnight', () => {
    expect(localMonth(Date.parse('2026-11-30T15:59:00Z'))).toBe('2026-11');
    expect(localMonth(Date.parse('2026-11-30T16:00:00Z'))).toBe('2026-12');
    expect(isMonth('2026-12')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-1')).toBe(false);
  });

  it('formats months and Beijing dates', () => {
    expect(formatMonth('zh-CN', '2026-12')).toBe('2026年12月');
    expect(formatMonth('en', '2026-12')).toBe('December 2026');
    expect(formatMonth('en', 'soon')).toBe('soon');
    expect(formatShanghaiDate('zh-CN', '2026-11-30T16:30:00Z')).toBe('2026年12月1日');
  });

  it('makes the feed path absolute on this site', () => {
    expect(absoluteFeedUrl('/api/v1/calendar/abc.ics', 'https://czt.example.cn')).toBe('https://czt.example.cn/api/v1/calendar/abc.ics');
    expect(absoluteFeedUrl('https://other.example/x.ics', 'https://czt.example.cn')).toBe('https://other.example/x.ics');
  });
});
