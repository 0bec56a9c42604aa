import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, me, mockBackend, problemResponse, signedIn, type RouteHandler } from '../../test/api';
import { renderApp } from '../../test/render';
import { content, resource } from '../catalog/testData';
import { availability, booking, estimate, memberships, NOW, rules, statement } from './testData';

const REFRESH = 'POST /api/v1/auth/refresh';
const RESOURCE = 'GET /api/v1/resources/r-1';
const RULES = 'GET /api/v1/instruments/r-1/booking-rules';
const AVAILABILITY = 'GET /api/v1/instruments/r-1/availability';
const ESTIMATE = 'POST /api/v1/bookings/estimate';
const CREATE = 'POST /api/v1/bookings';

const instrument = (serviceModes = ['MACHINE_TIME', 'SAMPLE_SUBMISSION']) =>
  resource({
    content: content({
      instrument: {
        serviceModes,
        internalPrice: { amountFen: 10000, unit: 'PER_HOUR' },
        externalPrice: { amountFen: 20000, unit: 'PER_HOUR' },
        trainingRequired: false,
        approvalRequired: true,
      },
    }),
  });

function backend(overrides: Record<string, RouteHandler | RouteHandler[]> = {}) {
  return mockBackend({
    [REFRESH]: signedIn(me({ memberships })),
    [RESOURCE]: () => jsonResponse(instrument()),
    [RULES]: () => jsonResponse(rules({ minMinutes: 60 })),
    [AVAILABILITY]: () => jsonResponse(availability()),
    [ESTIMATE]: () => jsonResponse(estimate({ quantity: '2', amountFen: 40000 })),
    [CREATE]: () => jsonResponse(booking(), 201),
    'GET /api/v1/bookings/b-1': () => jsonResponse(booking()),
    'GET /api/v1/bookings/b-1/statement': () => jsonResponse(statement()),
    ...overrides,
  });
}

const slot = (date: string, time: string) => screen.getByTestId(`slot-${date}-${time}`);

function drag(from: HTMLElement, over: HTMLElement[]) {
  fireEvent.pointerDown(from, { button: 0, pointerId: 1 });
  for (const cell of over) {
    fireEvent.pointerEnter(cell, { pointerId: 1 });
  }
  fireEvent.pointerUp(over.at(-1) ?? from, { pointerId: 1 });
}

describe('InstrumentBookingPage', () => {
  beforeEach(() => {
    // "Now" is Monday 30 Nov 2026, 09:00 Beijing time; only Date is faked, timers run.
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });

  it('shows the week with free, taken, closed and outside cells, labelled in Beijing time', async () => {
    const api = backend();
    renderApp('/instruments/r-1/book');

    await screen.findByTestId('booking-calendar');
    expect(api.callsTo(AVAILABILITY)[0]!.query.get('from')).toBe('2026-11-30');
    expect(api.callsTo(AVAILABILITY)[0]!.query.get('to')).toBe('2026-12-07');
    expect(slot('2026-12-01', '11:30').getAttribute('data-state')).toBe('open');
    expect(slot('2026-12-01', '10:00').getAttribute('data-state')).toBe('taken');
    expect(slot('2026-12-01', '10:00').getAttribute('aria-label')).toBe('周二 2026年12月1日 10:00–10:30，已被预约');
    expect(slot('2026-12-02', '13:00').getAttribute('aria-label')).toContain('停用（维护：更换离子源）');
    expect(slot('2026-12-05', '09:00').getAttribute('data-state')).toBe('outside');
    expect(slot('2026-11-30', '09:00').getAttribute('data-state')).toBe('past');
    expect(screen.getByTestId('booking-facts').textContent).toContain('校外价：¥200 / 小时');
  });

  it('selects a range by dragging, shows the estimate and sends the request', async () => {
    const api = backend();
    renderApp('/instruments/r-1/book');
    await screen.findByTestId('booking-calendar');

    drag(slot('2026-12-01', '11:30'), [slot('2026-12-01', '12:00'), slot('2026-12-01', '12:30'), slot('2026-12-01', '13:00')]);

    expect(screen.getByTestId('booking-selection-ok').textContent).toContain('2 小时');
    expect(slot('2026-12-01', '12:30').getAttribute('aria-selected')).toBe('true');
    expect((await screen.findByTestId('estimate-text')).textContent).toBe('¥200 / 小时 × 2 = ¥400（校外价）');
    expect(api.callsTo(ESTIMATE).at(-1)!.body).toEqual({
      instrumentId: 'r-1',
      mode: 'MACHINE_TIME',
      organisationId: 'org-9',
      note: null,
      start: '2026-12-01T03:30:00Z',
      end: '2026-12-01T05:30:00Z',
    });

    fireEvent.change(screen.getByTestId('booking-note'), { target: { value: '测 Pb、Cd' } });
    fireEvent.click(screen.getByTestId('booking-submit'));

    expect(await screen.findByTestId('booking-page')).toBeDefined();
    expect(api.callsTo(CREATE)[0]!.body).toMatchObject({ start: '2026-12-01T03:30:00Z', end: '2026-12-01T05:30:00Z', note: '测 Pb、Cd' });
  });

  it('selects with the keyboard (first and last slot) and refuses a range across a taken slot', async () => {
    backend();
    renderApp('/instruments/r-1/book');
    await screen.findByTestId('booking-calendar');

    fireEvent.keyDown(slot('2026-12-01', '09:00'), { key: 'Enter' });
    expect(screen.getByTestId('booking-selection-pending').textContent).toBe('请再点击最后一个时段。');
    fireEvent.keyDown(slot('2026-12-01', '12:00'), { key: ' ' });

    const refused = screen.getByTestId('booking-selection-refused');
    expect(refused.textContent).toContain('10:00');
    expect(refused.textContent).toContain('已被预约');
    expect(slot('2026-12-01', '09:30').className).toContain('calendar__cell--refused');

    // Submitting without an acceptable selection names the problem next to the time.
    fireEvent.click(screen.getByTestId('booking-submit'));
    expect(screen.getByTestId('field-error-start').textContent).toBe('请在日历中选择时段。');

    fireEvent.keyDown(slot('2026-12-01', '12:00'), { key: 'Escape' });
    expect(screen.queryByTestId('booking-selection-refused')).toBeNull();
  });

  it('refuses a selection below the minimum length once the range is complete', async () => {
    backend({ [RULES]: () => jsonResponse(rules({ minMinutes: 120 })) });
    renderApp('/instruments/r-1/book');
    await screen.findByTestId('booking-calendar');

    drag(slot('2026-12-03', '09:00'), [slot('2026-12-03', '09:30')]);
    expect(screen.getByTestId('booking-selection-refused').textContent).toBe('所选时长为 1 小时，至少需要 2 小时。');
  });

  it('moves between weeks', async () => {
    const api = backend();
    renderApp('/instruments/r-1/book');
    await screen.findByTestId('booking-calendar');

    fireEvent.click(screen.getByTestId('week-next'));
    await waitFor(() => expect(api.callsTo(AVAILABILITY).at(-1)!.query.get('from')).toBe('2026-12-07'));
    fireEvent.click(screen.getByTestId('week-previous'));
    fireEvent.click(screen.getByTestId('week-previous'));
    await waitFor(() => expect(api.callsTo(AVAILABILITY).at(-1)!.query.get('from')).toBe('2026-11-23'));
  });

  it('shows a 409 conflict next to the calendar and loads the availability again', async () => {
    const api = backend({
      [CREATE]: () =>
        problemResponse(409, 'Conflict', {
          detail: '2026年12月1日 11:30–12:30 已被他人预约。',
          conflict: { start: '2026-12-01T03:30:00Z', end: '2026-12-01T04:30:00Z' },
        }),
    });
    renderApp('/instruments/r-1/book');
    await screen.findByTestId('booking-calendar');
    drag(slot('2026-12-01', '11:30'), [slot('2026-12-01', '12:00')]);
    fireEvent.click(screen.getByTestId('booking-submit'));

    expect((await screen.findByTestId('booking-conflict')).textContent).toContain('2026年12月1日 11:30–12:30 已被他人预约。');
    await waitFor(() => expect(api.callsTo(AVAILABILITY)).toHaveLength(2));
    expect(screen.queryByTestId('booking-selection-ok')).toBeNull();
  });

  it('submits samples and shows 400 field errors next to their inputs', async () => {
    const api = backend({
      [CREATE]: () =>
        problemResponse(400, 'Bad Request', {
          errors: [
            { field: 'sample.count', message: '最多 1000 个' },
            { field: 'sample.description', message: '请说明样品' },
          ],
        }),
    });
    renderApp('/instruments/r-1/book');
    fireEvent.click(await screen.findByTestId('booking-mode-SAMPLE_SUBMISSION'));
    expect(screen.queryByTestId('booking-calendar')).toBeNull();

    fireEvent.click(screen.getByTestId('booking-submit'));
    expect(screen.getByTestId('field-error-sample.description').textContent).toBe('请填写此项。');
    expect(api.callsTo(CREATE)).toHaveLength(0);

    fireEvent.change(screen.getByTestId('booking-sample-count'), { target: { value: '3' } });
    fireEvent.change(screen.getByTestId('booking-sample-description'), { target: { value: '土壤样品' } });
    fireEvent.click(screen.getByTestId('booking-sample-return'));
    fireEvent.click(screen.getByTestId('booking-submit'));

    expect((await screen.findByTestId('field-error-sample.count')).textContent).toBe('最多 1000 个');
    expect(screen.getByTestId('field-error-sample.description').textContent).toBe('请说明样品');
    expect(api.callsTo(CREATE)[0]!.body).toEqual({
      instrumentId: 'r-1',
      mode: 'SAMPLE_SUBMISSION',
      organisationId: 'org-9',
      note: null,
      sample: { count: 3, description: '土壤样品', hazards: null, returnSamples: true },
    });
  });

  it('shows a 403 (e.g. no qualification) as a problem above the form', async () => {
    backend({ [CREATE]: () => problemResponse(403, 'Forbidden', { detail: '需要先取得该仪器的使用资格。' }) });
    renderApp('/instruments/r-1/book');
    await screen.findByTestId('booking-calendar');
    drag(slot('2026-12-01', '11:30'), [slot('2026-12-01', '12:00')]);
    fireEvent.click(screen.getByTestId('booking-submit'));
    expect((await screen.findByTestId('problem-detail')).textContent).toBe('需要先取得该仪器的使用资格。');
  });

  it('says when the instrument does not exist', async () => {
    backend({ [RESOURCE]: () => problemResponse(404, 'Not Found') });
    renderApp('/instruments/r-1/book');
    expect((await screen.findByTestId('booking-page-error')).textContent).toContain('404');
  });

  it('shows an estimate failure without blocking the form', async () => {
    backend({ [ESTIMATE]: () => problemResponse(400, 'Bad Request', { detail: '超出每日限额' }) });
    renderApp('/instruments/r-1/book');
    await screen.findByTestId('booking-calendar');
    drag(slot('2026-12-01', '11:30'), [slot('2026-12-01', '12:00')]);
    expect((await screen.findByTestId('booking-estimate-problem')).textContent).toBe('超出每日限额');
    await act(async () => undefined);
  });

  it('labels the calendar in English and keeps one tab stop', async () => {
    window.localStorage.setItem('czt.locale', 'en');
    backend();
    renderApp('/instruments/r-1/book');
    await screen.findByTestId('booking-calendar');
    expect(slot('2026-12-02', '13:00').getAttribute('aria-label')).toBe('Wed Dec 2, 2026 13:00–13:30, closed (Maintenance: 更换离子源)');
    expect(document.querySelectorAll('[role="gridcell"][tabindex="0"]')).toHaveLength(1);

    fireEvent.keyDown(slot('2026-11-30', '08:30'), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(slot('2026-11-30', '09:00'));
    fireEvent.keyDown(slot('2026-11-30', '09:00'), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(slot('2026-12-01', '09:00'));
    expect(slot('2026-12-01', '09:00').getAttribute('tabindex')).toBe('0');
  });
});
