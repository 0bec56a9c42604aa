import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, me, mockBackend, problemResponse, signedIn } from '../../test/api';
import { renderApp } from '../../test/render';
import type { Booking } from './types';
import { booking, memberships } from './testData';

const REFRESH = 'POST /api/v1/auth/refresh';
const LIST = 'GET /api/v1/bookings';

const page = (items: Booking[], total = items.length, pageNumber = 0) => jsonResponse({ items, page: pageNumber, size: 20, total });

describe('MyBookingsPage', () => {
  it('lists my bookings with status badges, filters by status and pages', async () => {
    const api = mockBackend({
      [REFRESH]: signedIn(me({ memberships })),
      [LIST]: (request) =>
        request.query.get('page') === '1'
          ? page([booking({ id: 'b-30' })], 21, 1)
          : page(
              [
                booking(),
                booking({ id: 'b-2', status: 'COMPLETED', mode: 'SAMPLE_SUBMISSION', start: null, end: null, payableFen: 15000, sample: { count: 3, description: '土壤', hazards: null, returnSamples: false } }),
              ],
              21,
            ),
    });
    renderApp('/bookings');

    expect((await screen.findByTestId('booking-status-b-1')).textContent).toBe('待审批');
    expect(screen.getByTestId('booking-status-b-2').className).toContain('badge--up');
    expect(screen.getByTestId('booking-when-b-1').textContent).toBe('2026年12月1日 11:30–13:30');
    expect(screen.getByTestId('booking-when-b-2').textContent).toBe('3 个样品');
    expect(screen.getByTestId('booking-b-2').textContent).toContain('应付 ¥150');
    expect(screen.getByTestId('booking-link-b-1').getAttribute('href')).toBe('/bookings/b-1');
    expect(api.callsTo(LIST)[0]!.query.get('scope')).toBe('mine');

    fireEvent.change(screen.getByTestId('my-bookings-status'), { target: { value: 'COMPLETED' } });
    await waitFor(() => expect(api.callsTo(LIST).at(-1)!.query.get('status')).toBe('COMPLETED'));

    fireEvent.click(screen.getByTestId('pagination-next'));
    expect(await screen.findByTestId('booking-b-30')).toBeDefined();
  });

  it('shows an empty list and failures', async () => {
    mockBackend({ [REFRESH]: signedIn(me()), [LIST]: [() => page([]), () => problemResponse(500, 'Server Error')] });
    renderApp('/bookings');
    expect(await screen.findByTestId('my-bookings-empty')).toBeDefined();
  });
});

describe('StaffQueuePage', () => {
  const staffBooking = (overrides: Partial<Booking> = {}) =>
    booking({ requester: { id: 'u-7', displayName: '周工' }, checkInCode: '4821', actions: ['APPROVE', 'ADJUST', 'REJECT'], ...overrides });

  it('opens on pending bookings, shows the check-in code and approves', async () => {
    const api = mockBackend({
      [REFRESH]: signedIn(me({ memberships })),
      [LIST]: () => page([staffBooking()]),
      'POST /api/v1/bookings/b-1/approve': () => jsonResponse(staffBooking({ status: 'APPROVED', actions: ['START', 'NO_SHOW', 'CANCEL'] })),
    });
    renderApp('/staff/bookings');

    expect((await screen.findByTestId('staff-booking-code-b-1')).textContent).toContain('4821');
    expect(api.callsTo(LIST)[0]!.query.get('scope')).toBe('staff');
    expect(api.callsTo(LIST)[0]!.query.get('status')).toBe('PENDING');
    expect(screen.getByTestId('staff-booking-b-1').textContent).toContain('申请人：周工');

    fireEvent.click(screen.getByTestId('action-APPROVE'));
    await waitFor(() => expect(screen.getByTestId('booking-status-b-1').textContent).toBe('已批准'));
    // Staff start without a code.
    expect(screen.getByTestId('action-START').getAttribute('aria-expanded')).toBeNull();
  });

  it('rejects with a reason and adjusts the time in Beijing time', async () => {
    const api = mockBackend({
      [REFRESH]: signedIn(me({ memberships })),
      [LIST]: () => page([staffBooking()]),
      'POST /api/v1/bookings/b-1/adjust': () => jsonResponse(staffBooking({ status: 'ADJUSTED', actions: ['CANCEL'] })),
      'POST /api/v1/bookings/b-1/reject': () => problemResponse(400, 'Bad Request', { errors: [{ field: 'reason', message: '太短' }] }),
    });
    renderApp('/staff/bookings');

    fireEvent.click(await screen.findByTestId('action-REJECT'));
    fireEvent.change(screen.getByTestId('action-field-reason'), { target: { value: '否' } });
    fireEvent.click(screen.getByTestId('action-submit'));
    expect((await screen.findByTestId('field-error-reason')).textContent).toBe('太短');

    fireEvent.click(screen.getByTestId('action-ADJUST'));
    expect((screen.getByTestId('action-field-start') as HTMLInputElement).value).toBe('2026-12-01T11:30');
    fireEvent.change(screen.getByTestId('action-field-start'), { target: { value: '2026-12-02T00:30' } });
    fireEvent.change(screen.getByTestId('action-field-end'), { target: { value: '2026-12-02T02:00' } });
    fireEvent.change(screen.getByTestId('action-field-note'), { target: { value: '改到凌晨' } });
    fireEvent.click(screen.getByTestId('action-submit'));

    await waitFor(() => expect(screen.getByTestId('booking-status-b-1').textContent).toBe('待确认调整'));
    expect(api.callsTo('POST /api/v1/bookings/b-1/adjust')[0]!.body).toEqual({
      start: '2026-12-01T16:30:00Z',
      end: '2026-12-01T18:00:00Z',
      note: '改到凌晨',
    });
  });

  it('completes with the actual times, and with samples run', async () => {
    const sampleBooking = staffBooking({
      id: 'b-2',
      mode: 'SAMPLE_SUBMISSION',
      start: null,
      end: null,
      sample: { count: 3, description: '土壤', hazards: null, returnSamples: false },
      status: 'IN_PROGRESS',
      actions: ['COMPLETE'],
    });
    const api = mockBackend({
      [REFRESH]: signedIn(me({ memberships })),
      [LIST]: () => page([staffBooking({ status: 'IN_PROGRESS', actualStart: '2026-12-01T03:35:00Z', actions: ['COMPLETE'] }), sampleBooking]),
      'POST /api/v1/bookings/b-1/complete': () => jsonResponse(staffBooking({ status: 'COMPLETED', actions: [] })),
      'POST /api/v1/bookings/b-2/complete': () => jsonResponse({ ...sampleBooking, status: 'COMPLETED', actions: [] }),
    });
    renderApp('/staff/bookings?status=IN_PROGRESS');
    await screen.findByTestId('staff-booking-b-1');

    const [machine, samples] = screen.getAllByTestId('action-COMPLETE');
    fireEvent.click(machine!);
    expect((screen.getByTestId('action-field-actualStart') as HTMLInputElement).value).toBe('2026-12-01T11:35');
    fireEvent.change(screen.getByTestId('action-field-actualEnd'), { target: { value: '2026-12-01T13:10' } });
    fireEvent.click(screen.getByTestId('action-submit'));
    await waitFor(() => expect(screen.getByTestId('booking-status-b-1').textContent).toBe('已完成'));
    expect(api.callsTo('POST /api/v1/bookings/b-1/complete')[0]!.body).toEqual({
      actualStart: '2026-12-01T03:35:00Z',
      actualEnd: '2026-12-01T05:10:00Z',
    });

    fireEvent.click(samples!);
    fireEvent.change(screen.getByTestId('action-field-samplesRun'), { target: { value: '2' } });
    fireEvent.change(screen.getByTestId('action-field-resultNote'), { target: { value: '一个样品污染' } });
    fireEvent.click(screen.getByTestId('action-submit'));
    await waitFor(() => expect(screen.getByTestId('booking-status-b-2').textContent).toBe('已完成'));
    expect(api.callsTo('POST /api/v1/bookings/b-2/complete')[0]!.body).toEqual({ samplesRun: 2, resultNote: '一个样品污染' });
  });

  it('filters by instrument and shows all statuses on request', async () => {
    const api = mockBackend({
      [REFRESH]: signedIn(me({ memberships })),
      [LIST]: () => page([booking({ instrumentId: 'r-2', instrumentTitle: '扫描电镜', requester: { id: 'u-7', displayName: '周工' } })]),
    });
    renderApp('/staff/bookings');
    await screen.findByTestId('staff-booking-b-1');

    fireEvent.change(screen.getByTestId('staff-bookings-status'), { target: { value: '' } });
    await waitFor(() => expect(api.callsTo(LIST).at(-1)!.query.get('status')).toBeNull());
    const instrument = screen.getByTestId('staff-bookings-instrument') as HTMLSelectElement;
    expect([...instrument.options].map((option) => option.textContent)).toEqual(['全部仪器', '扫描电镜']);
    fireEvent.change(instrument, { target: { value: 'r-2' } });
    await waitFor(() => expect(api.callsTo(LIST).at(-1)!.query.get('instrumentId')).toBe('r-2'));
    expect(api.callsTo(LIST).at(-1)!.query.get('status')).toBeNull();
  });

  it('shows a 403 for people who are not staff', async () => {
    mockBackend({ [REFRESH]: signedIn(me()), [LIST]: () => problemResponse(403, 'Forbidden', { detail: '不是仪器所属机构的成员' }) });
    renderApp('/staff/bookings');
    expect((await screen.findByTestId('problem-detail')).textContent).toBe('不是仪器所属机构的成员');
  });
});
