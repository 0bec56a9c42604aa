import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, me, mockBackend, problemResponse, signedIn, type RouteHandler } from '../../test/api';
import { renderApp } from '../../test/render';
import type { Booking } from './types';
import { booking, memberships, statement, voucher } from './testData';

const REFRESH = 'POST /api/v1/auth/refresh';
const BOOKING = 'GET /api/v1/bookings/b-1';

function backend(current: Partial<Booking>, overrides: Record<string, RouteHandler | RouteHandler[]> = {}) {
  return mockBackend({
    [REFRESH]: signedIn(me({ memberships })),
    [BOOKING]: () => jsonResponse(booking(current)),
    'GET /api/v1/bookings/b-1/statement': () => jsonResponse(statement()),
    ...overrides,
  });
}

describe('BookingPage', () => {
  it('shows the booking in Beijing time, its estimate and its statement', async () => {
    backend({});
    renderApp('/bookings/b-1');

    expect((await screen.findByTestId('booking-status')).textContent).toBe('待审批');
    expect(screen.getByTestId('booking-fact-time').textContent).toContain('2026年12月1日 11:30–13:30');
    expect(screen.getByTestId('booking-fact-organisation').textContent).toContain('湘潭大学');
    expect(screen.getByTestId('booking-estimate-text').textContent).toBe('¥200 / 小时 × 2 = ¥400（校外价）');
    expect((await screen.findByTestId('statement-total')).textContent).toBe('¥400');
    expect(screen.getByTestId('statement-subsidy').textContent).toBe('−¥100');
    expect(screen.getByTestId('statement-payable').textContent).toBe('¥300');
    expect(screen.getByTestId('action-CANCEL')).toBeDefined();
    expect(screen.queryByTestId('action-APPROVE')).toBeNull();
  });

  it('shows the proposal of an adjusted booking and accepts it', async () => {
    const api = backend(
      {
        status: 'ADJUSTED',
        proposal: { start: '2026-12-01T06:00:00Z', end: '2026-12-01T08:00:00Z', sampleCount: null, note: '上午设备校准' },
        actions: ['ACCEPT', 'DECLINE', 'CANCEL'],
      },
      { 'POST /api/v1/bookings/b-1/accept': () => jsonResponse(booking({ status: 'APPROVED', actions: ['CANCEL'] })) },
    );
    renderApp('/bookings/b-1');

    const proposal = await screen.findByTestId('booking-proposal');
    expect(proposal.textContent).toContain('新时段：2026年12月1日 14:00–16:00');
    expect(proposal.textContent).toContain('上午设备校准');
    fireEvent.click(screen.getByTestId('action-ACCEPT'));

    await waitFor(() => expect(screen.getByTestId('booking-status').textContent).toBe('已批准'));
    expect(api.callsTo('POST /api/v1/bookings/b-1/accept')[0]!.body).toEqual({});
    expect(screen.getByTestId('booking-notice').textContent).toBe('已接受调整，预约已批准。');
    expect(screen.queryByTestId('booking-proposal')).toBeNull();
  });

  it('declines a proposal with a reason, which is required', async () => {
    const api = backend(
      { status: 'ADJUSTED', proposal: { start: null, end: null, sampleCount: 2, note: null }, actions: ['ACCEPT', 'DECLINE'] },
      { 'POST /api/v1/bookings/b-1/decline': () => jsonResponse(booking({ status: 'DECLINED', actions: [], reason: '时间不合适' })) },
    );
    renderApp('/bookings/b-1');
    expect((await screen.findByTestId('booking-proposal')).textContent).toContain('样品数量：2');

    fireEvent.click(screen.getByTestId('action-DECLINE'));
    fireEvent.click(screen.getByTestId('action-submit'));
    expect(screen.getByTestId('field-error-reason').textContent).toBe('请填写此项。');
    expect(api.callsTo('POST /api/v1/bookings/b-1/decline')).toHaveLength(0);

    fireEvent.change(screen.getByTestId('action-field-reason'), { target: { value: '时间不合适' } });
    fireEvent.click(screen.getByTestId('action-submit'));
    await waitFor(() => expect(screen.getByTestId('booking-status').textContent).toBe('已谢绝调整'));
    expect(api.callsTo('POST /api/v1/bookings/b-1/decline')[0]!.body).toEqual({ reason: '时间不合适' });
  });

  it('shows a 409 when the action is no longer allowed', async () => {
    backend(
      { status: 'APPROVED', actions: ['CANCEL'] },
      { 'POST /api/v1/bookings/b-1/cancel': () => problemResponse(409, 'Conflict', { detail: '已超过取消截止时间。' }) },
    );
    renderApp('/bookings/b-1');
    fireEvent.click(await screen.findByTestId('action-CANCEL'));
    fireEvent.change(screen.getByTestId('action-field-reason'), { target: { value: '计划有变' } });
    fireEvent.click(screen.getByTestId('action-submit'));
    expect((await screen.findByTestId('problem-detail')).textContent).toBe('已超过取消截止时间。');
  });

  it('checks in with the code shown at the instrument', async () => {
    const api = backend(
      { status: 'APPROVED', actions: ['START', 'CANCEL'] },
      { 'POST /api/v1/bookings/b-1/start': () => jsonResponse(booking({ status: 'IN_PROGRESS', actions: ['COMPLETE'] })) },
    );
    renderApp('/bookings/b-1');
    fireEvent.click(await screen.findByTestId('action-START'));
    fireEvent.change(screen.getByTestId('action-field-code'), { target: { value: ' 4821 ' } });
    fireEvent.click(screen.getByTestId('action-submit'));
    await waitFor(() => expect(screen.getByTestId('booking-status').textContent).toBe('使用中'));
    expect(api.callsTo('POST /api/v1/bookings/b-1/start')[0]!.body).toEqual({ code: '4821' });
  });

  it('rates a completed booking with stars and a comment', async () => {
    const api = backend(
      { status: 'COMPLETED', actions: ['RATE', 'APPLY_VOUCHER'], chargeFen: 40000, payableFen: 40000 },
      {
        'POST /api/v1/bookings/b-1/rating': () =>
          jsonResponse(booking({ status: 'COMPLETED', actions: ['APPLY_VOUCHER'], rating: { stars: 4, comment: '很专业' } })),
      },
    );
    renderApp('/bookings/b-1');
    fireEvent.click(await screen.findByTestId('action-RATE'));
    fireEvent.click(screen.getByTestId('rating-stars-4'));
    fireEvent.change(screen.getByTestId('action-field-comment'), { target: { value: '很专业' } });
    fireEvent.click(screen.getByTestId('action-submit'));
    await waitFor(() => expect(screen.getByTestId('booking-fact-rating').textContent).toContain('很专业'));
    expect(api.callsTo('POST /api/v1/bookings/b-1/rating')[0]!.body).toEqual({ stars: 4, comment: '很专业' });
  });

  it('applies a voucher of the paying organisation and shows the new statement', async () => {
    const api = backend(
      { status: 'COMPLETED', actions: ['APPLY_VOUCHER'], chargeFen: 40000, payableFen: 40000 },
      {
        'GET /api/v1/vouchers': () => jsonResponse([voucher(), voucher({ id: 'v-2', remainingFen: 0, note: '已用完' })]),
        'POST /api/v1/bookings/b-1/voucher': () =>
          jsonResponse(booking({ status: 'COMPLETED', actions: [], voucherId: 'v-1', subsidyFen: 40000, payableFen: 0, chargeFen: 40000 })),
        'GET /api/v1/bookings/b-1/statement': [
          () => jsonResponse(statement({ subsidyFen: 0, payableFen: 40000 })),
          () => jsonResponse(statement({ subsidyFen: 40000, payableFen: 0 })),
        ],
      },
    );
    renderApp('/bookings/b-1');
    fireEvent.click(await screen.findByTestId('action-APPLY_VOUCHER'));
    const select = (await screen.findByTestId('voucher-select')) as HTMLSelectElement;
    expect(api.callsTo('GET /api/v1/vouchers')[0]!.query.get('organisationId')).toBe('org-9');
    expect(select.options).toHaveLength(2);
    fireEvent.change(select, { target: { value: 'v-1' } });
    fireEvent.click(screen.getByTestId('action-submit'));

    await waitFor(() => expect(screen.getByTestId('statement-payable').textContent).toBe('¥0'));
    expect(api.callsTo('POST /api/v1/bookings/b-1/voucher')[0]!.body).toEqual({ voucherId: 'v-1' });
    expect(screen.getByTestId('booking-fact-subsidy').textContent).toContain('¥400');
  });

  it('downloads the .ics with the bearer token', async () => {
    const createObjectURL = vi.fn(() => 'blob:ics');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const api = backend(
      {},
      { 'GET /api/v1/bookings/b-1/calendar.ics': () => new Response('BEGIN:VCALENDAR', { headers: { 'Content-Type': 'text/calendar' } }) },
    );
    renderApp('/bookings/b-1');
    fireEvent.click(await screen.findByTestId('booking-ics'));

    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(api.callsTo('GET /api/v1/bookings/b-1/calendar.ics')[0]!.headers.get('Authorization')).toBe('Bearer token-1');
    expect(createObjectURL).toHaveBeenCalled();
  });

  it('says when the booking is not found (or not the caller’s)', async () => {
    backend({}, { [BOOKING]: () => problemResponse(404, 'Not Found') });
    renderApp('/bookings/b-1');
    expect((await screen.findByTestId('booking-not-found')).textContent).toContain('找不到该预约');
  });

  it('shows a 403 problem', async () => {
    backend({}, { [BOOKING]: () => problemResponse(403, 'Forbidden', { detail: '无权查看' }) });
    renderApp('/bookings/b-1');
    expect((await screen.findByTestId('booking-error')).textContent).toContain('无权查看');
  });
});
