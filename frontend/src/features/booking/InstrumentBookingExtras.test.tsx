import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, me, mockBackend, problemResponse, signedIn, type RouteHandler } from '../../test/api';
import { renderApp } from '../../test/render';
import { content, resource } from '../catalog/testData';
import { availability, booking, estimate, memberships, NOW, rules } from './testData';

const REFRESH = 'POST /api/v1/auth/refresh';
const WAITLIST = 'POST /api/v1/instruments/r-1/waitlist';
const RECURRING = 'POST /api/v1/bookings/recurring';
const CREATE = 'POST /api/v1/bookings';
const AVAILABILITY = 'GET /api/v1/instruments/r-1/availability';

function backend(overrides: Record<string, RouteHandler | RouteHandler[]> = {}) {
  return mockBackend({
    [REFRESH]: signedIn(me({ memberships })),
    'GET /api/v1/resources/r-1': () =>
      jsonResponse(resource({ content: content({ instrument: { serviceModes: ['MACHINE_TIME'], trainingRequired: false, approvalRequired: true } }) })),
    'GET /api/v1/instruments/r-1/booking-rules': () => jsonResponse(rules()),
    [AVAILABILITY]: () => jsonResponse(availability()),
    'POST /api/v1/bookings/estimate': () => jsonResponse(estimate({ quantity: '2', amountFen: 40000 })),
    ...overrides,
  });
}

const slot = (date: string, time: string) => screen.getByTestId(`slot-${date}-${time}`);

/** Chooses Tue 1 Dec from `from` to `to` (local) with the keyboard. */
function choose(from: string, to: string) {
  fireEvent.keyDown(slot('2026-12-01', from), { key: 'Enter' });
  fireEvent.keyDown(slot('2026-12-01', to), { key: 'Enter' });
}

const entry = { id: 'w-1', instrumentId: 'r-1', start: '2026-12-01T01:00:00Z', end: '2026-12-01T04:30:00Z', createdAt: '2026-11-30T01:00:00Z', offeredAt: null };

describe('InstrumentBookingPage: waitlist', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });

  it('offers the waitlist for a selection across taken time and joins it', async () => {
    const api = backend({ [WAITLIST]: () => jsonResponse(entry, 201) });
    renderApp('/instruments/r-1/book');
    await screen.findByTestId('booking-calendar');

    // A free selection offers no waitlist.
    choose('11:30', '12:30');
    expect(screen.queryByTestId('waitlist-offer')).toBeNull();

    fireEvent.keyDown(slot('2026-12-01', '12:30'), { key: 'Escape' });
    choose('09:00', '12:00');
    expect(screen.getByTestId('waitlist-offer').textContent).toContain('可以加入候补');
    fireEvent.click(screen.getByTestId('waitlist-join'));

    expect((await screen.findByTestId('waitlist-joined')).textContent).toBe(
      '已加入 2026年12月1日 09:00–12:30 的候补。该时间空出时会通知您。',
    );
    expect(api.callsTo(WAITLIST)[0]!.body).toEqual({ start: '2026-12-01T01:00:00Z', end: '2026-12-01T04:30:00Z' });
    expect(api.callsTo(WAITLIST)[0]!.headers.get('Authorization')).toBe('Bearer token-1');
  });

  it('shows a refused waitlist request as a problem and lets one try again', async () => {
    backend({
      [WAITLIST]: [
        () => problemResponse(400, 'Bad Request', { detail: '该时间未被占用。', errors: [{ field: 'start', message: 'must be in the future' }] }),
        () => jsonResponse(entry, 201),
      ],
    });
    renderApp('/instruments/r-1/book');
    await screen.findByTestId('booking-calendar');
    choose('09:00', '12:00');
    fireEvent.click(screen.getByTestId('waitlist-join'));

    expect((await screen.findByTestId('problem-detail')).textContent).toBe('该时间未被占用。');
    expect(screen.getByTestId('problem-field-error-start').textContent).toContain('must be in the future');
    fireEvent.click(screen.getByTestId('waitlist-join'));
    expect(await screen.findByTestId('waitlist-joined')).toBeDefined();
  });

  it('says “Join the waitlist for this time” in English', async () => {
    window.localStorage.setItem('czt.locale', 'en');
    backend();
    renderApp('/instruments/r-1/book');
    await screen.findByTestId('booking-calendar');
    fireEvent.keyDown(slot('2026-12-01', '10:00'), { key: 'Enter' });
    expect(screen.getByTestId('waitlist-join').textContent).toBe('Join the waitlist for this time');
  });
});

describe('InstrumentBookingPage: repeat weekly', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });

  const refusal = {
    start: '2026-12-08T03:30:00Z',
    end: '2026-12-08T05:30:00Z',
    detail: '2026年12月8日 11:30–12:30 已被他人预约。',
    conflict: { start: '2026-12-08T03:30:00Z', end: '2026-12-08T04:30:00Z' },
    errors: null,
  };
  const quotaRefusal = {
    start: '2026-12-22T03:30:00Z',
    end: '2026-12-22T05:30:00Z',
    detail: '超出限额',
    conflict: null,
    errors: [{ field: 'end', message: '超出每周限额' }],
  };

  it('sends the same request every week with skipped dates and shows what was booked and refused', async () => {
    const api = backend({
      [RECURRING]: () =>
        jsonResponse({
          booked: [booking(), booking({ id: 'b-3', start: '2026-12-29T03:30:00Z', end: '2026-12-29T05:30:00Z', status: 'APPROVED' })],
          refused: [refusal, quotaRefusal],
        }),
    });
    renderApp('/instruments/r-1/book');
    await screen.findByTestId('booking-calendar');
    choose('11:30', '13:00');

    expect(screen.queryByTestId('recurring-weeks')).toBeNull();
    fireEvent.click(screen.getByTestId('recurring-enable'));
    fireEvent.change(screen.getByTestId('recurring-weeks'), { target: { value: '5' } });
    fireEvent.click(screen.getByTestId('recurring-except-add'));
    fireEvent.click(screen.getByTestId('recurring-except-add'));
    fireEvent.change(screen.getByTestId('recurring-except-0'), { target: { value: '2026-12-15' } });
    fireEvent.click(screen.getByTestId('recurring-except-remove-1'));
    expect(screen.queryByTestId('recurring-except-1')).toBeNull();
    expect(screen.getByTestId('booking-submit').textContent).toBe('提交每周预约');
    fireEvent.click(screen.getByTestId('booking-submit'));

    const result = await screen.findByTestId('recurring-result');
    expect(api.callsTo(CREATE)).toHaveLength(0);
    expect(api.callsTo(RECURRING)[0]!.body).toEqual({
      request: {
        instrumentId: 'r-1',
        mode: 'MACHINE_TIME',
        organisationId: 'org-9',
        note: null,
        start: '2026-12-01T03:30:00Z',
        end: '2026-12-01T05:30:00Z',
      },
      weeks: 5,
      exceptDates: ['2026-12-15'],
    });
    expect(screen.getByTestId('recurring-result-summary').textContent).toBe('已预约 2 次，2 次未能预约。');
    expect(screen.getByTestId('recurring-booked-link-b-3').getAttribute('href')).toBe('/bookings/b-3');
    expect(screen.getByTestId('recurring-booked-link-b-3').textContent).toBe('2026年12月29日 11:30–13:30');
    expect(screen.getByTestId('recurring-refused-0').textContent).toContain('2026年12月8日 11:30–13:30');
    expect(screen.getByTestId('recurring-refused-detail-0').textContent).toBe(refusal.detail);
    expect(screen.getByTestId('recurring-refused-0').textContent).toContain('被占用的时间：2026年12月8日 11:30–12:30');
    expect(screen.getByTestId('recurring-refused-errors-1').textContent).toContain('超出每周限额');
    expect(result.textContent).not.toContain('undefined');
    // The calendar is loaded again to show the new bookings.
    await waitFor(() => expect(api.callsTo(AVAILABILITY)).toHaveLength(2));
  });

  it('checks the weeks and skipped dates before sending', async () => {
    const api = backend();
    renderApp('/instruments/r-1/book');
    await screen.findByTestId('booking-calendar');
    choose('11:30', '12:30');
    fireEvent.click(screen.getByTestId('recurring-enable'));
    fireEvent.change(screen.getByTestId('recurring-weeks'), { target: { value: '27' } });
    fireEvent.click(screen.getByTestId('recurring-except-add'));
    fireEvent.change(screen.getByTestId('recurring-except-0'), { target: { value: '2026-12-09' } });
    fireEvent.click(screen.getByTestId('booking-submit'));

    expect(screen.getByTestId('field-error-weeks').textContent).toBe('请输入 2 至 26 之间的整数。');
    fireEvent.change(screen.getByTestId('recurring-weeks'), { target: { value: '3' } });
    fireEvent.click(screen.getByTestId('booking-submit'));
    expect(screen.queryByTestId('field-error-weeks')).toBeNull();
    expect(screen.getByTestId('field-error-exceptDates[0]').textContent).toBe('该日期不是每周重复中的一天。');
    expect(api.callsTo(RECURRING)).toHaveLength(0);
  });

  it('shows 400 field errors of weeks, skipped dates and the request next to their inputs', async () => {
    backend({
      [RECURRING]: () =>
        problemResponse(400, 'Bad Request', {
          errors: [
            { field: 'weeks', message: 'must be at most 26' },
            { field: 'exceptDates[0]', message: 'must be a date' },
            { field: 'request.start', message: 'must be in the future' },
          ],
        }),
    });
    renderApp('/instruments/r-1/book');
    await screen.findByTestId('booking-calendar');
    choose('11:30', '12:30');
    fireEvent.click(screen.getByTestId('recurring-enable'));
    fireEvent.click(screen.getByTestId('recurring-except-add'));
    fireEvent.change(screen.getByTestId('recurring-except-0'), { target: { value: '2026-12-08' } });
    fireEvent.click(screen.getByTestId('booking-submit'));

    expect((await screen.findByTestId('field-error-weeks')).textContent).toBe('must be at most 26');
    expect(screen.getByTestId('field-error-exceptDates[0]').textContent).toBe('must be a date');
    expect(screen.getByTestId('field-error-start').textContent).toBe('must be in the future');
    expect(screen.queryByTestId('problem-alert')).toBeNull();
    expect(screen.queryByTestId('recurring-result')).toBeNull();
  });

  it('shows a 409 of the whole weekly request next to the calendar', async () => {
    backend({ [RECURRING]: () => problemResponse(409, 'Conflict', { detail: '第一次的时段已被他人预约。' }) });
    renderApp('/instruments/r-1/book');
    await screen.findByTestId('booking-calendar');
    choose('11:30', '12:30');
    fireEvent.click(screen.getByTestId('recurring-enable'));
    fireEvent.click(screen.getByTestId('booking-submit'));
    expect((await screen.findByTestId('booking-conflict')).textContent).toContain('第一次的时段已被他人预约。');
  });

  it('sends a single request when the box is not ticked', async () => {
    const api = backend({
      [CREATE]: () => jsonResponse(booking(), 201),
      'GET /api/v1/bookings/b-1': () => jsonResponse(booking()),
    });
    renderApp('/instruments/r-1/book');
    await screen.findByTestId('booking-calendar');
    choose('11:30', '12:30');
    fireEvent.click(screen.getByTestId('recurring-enable'));
    fireEvent.click(screen.getByTestId('recurring-enable'));
    fireEvent.click(screen.getByTestId('booking-submit'));
    await waitFor(() => expect(api.callsTo(CREATE)).toHaveLength(1));
    expect(api.callsTo(RECURRING)).toHaveLength(0);
  });
});
