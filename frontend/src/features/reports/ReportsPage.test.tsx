import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { admin, jsonResponse, me, mockBackend, problemResponse, signedIn } from '../../test/api';
import { renderApp } from '../../test/render';
import { memberships, NOW } from '../booking/testData';
import { dayAfter } from './ReportsPage';

const REFRESH = 'POST /api/v1/auth/refresh';
const UTILISATION = 'GET /api/v1/reports/utilisation';
const REVENUE = 'GET /api/v1/reports/revenue';
const CROSS_CITY = 'GET /api/v1/reports/cross-city';

const utilisation = () =>
  jsonResponse({
    instruments: [
      { instrumentId: 'r-1', title: '质谱仪', bookedHours: 42.5, usedHours: 38, idleHours: 120, openHours: 162.5, bookings: 17, noShows: 2, noShowRate: 0.1176 },
    ],
  });
const revenue = () =>
  jsonResponse({ months: [{ month: '2026-11', chargeFen: 500000, subsidyFen: 100000, payableFen: 400000, bookings: 12 }] });

describe('ReportsPage', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });

  it('shows utilisation and revenue as charts and tables for my organisation', async () => {
    const api = mockBackend({ [REFRESH]: signedIn(me({ memberships })), [UTILISATION]: utilisation, [REVENUE]: revenue });
    renderApp('/reports');

    const row = await screen.findByTestId('utilisation-r-1');
    expect(row.textContent).toContain('42.5');
    expect(row.textContent).toContain('11.8%');
    expect(screen.getByTestId('utilisation-chart').querySelector('svg')!.getAttribute('role')).toBe('img');
    expect(screen.getByTestId('utilisation-chart').querySelectorAll('rect')).toHaveLength(3);
    expect((await screen.findByTestId('revenue-2026-11')).textContent).toContain('¥4,000');
    const query = api.callsTo(UTILISATION)[0]!.query;
    expect([query.get('organisationId'), query.get('from'), query.get('to')]).toEqual(['org-9', '2026-10-31', '2026-12-01']);
    expect(api.callsTo(REVENUE)[0]!.query.get('year')).toBe('2026');
    expect(screen.queryByTestId('report-cross-city')).toBeNull();
  });

  it('changes the range and downloads a CSV with the token', async () => {
    const createObjectURL = vi.fn(() => 'blob:csv');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const api = mockBackend({
      [REFRESH]: signedIn(me({ memberships })),
      [UTILISATION]: (request) =>
        request.query.get('format') === 'csv' ? new Response('instrumentId,title\n', { headers: { 'Content-Type': 'text/csv' } }) : utilisation(),
      [REVENUE]: revenue,
    });
    renderApp('/reports');
    await screen.findByTestId('utilisation-r-1');

    fireEvent.change(screen.getByTestId('reports-from'), { target: { value: '2026-01-01' } });
    fireEvent.click(screen.getByTestId('reports-apply'));
    await waitFor(() => expect(api.callsTo(UTILISATION).at(-1)!.query.get('from')).toBe('2026-01-01'));

    fireEvent.click(await screen.findByTestId('utilisation-csv'));
    await waitFor(() => expect(click).toHaveBeenCalled());
    const csv = api.callsTo(UTILISATION).find((call) => call.query.get('format') === 'csv')!;
    expect(csv.headers.get('Authorization')).toBe('Bearer token-1');
  });

  it('shows admins the cross-city flows and a 403 as a problem', async () => {
    mockBackend({
      [REFRESH]: signedIn(admin({ memberships })),
      [UTILISATION]: () => problemResponse(403, 'Forbidden', { detail: '仅限机构成员' }),
      [REVENUE]: revenue,
      [CROSS_CITY]: () => jsonResponse({ flows: [{ fromCity: 'ZHUZHOU', toCity: 'CHANGSHA', bookings: 5, hours: 12.5 }] }),
    });
    renderApp('/reports');
    expect((await screen.findByTestId('cross-city-table')).textContent).toContain('株洲');
    await waitFor(() => expect(screen.getByTestId('report-utilisation').textContent).toContain('仅限机构成员'));
  });

  it('sends the end of the range as the next day (local midnight)', () => {
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
    expect(dayAfter('')).toBe('');
    expect(dayAfter('2026-02-30')).toBe('2026-02-30');
  });
});
