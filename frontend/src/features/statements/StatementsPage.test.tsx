import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { admin, jsonResponse, me, mockBackend, problemResponse, signedIn, type RouteHandler } from '../../test/api';
import { renderApp } from '../../test/render';
import { memberships, NOW } from '../booking/testData';
import type { MonthlyStatement } from '../booking/types';

const REFRESH = 'POST /api/v1/auth/refresh';
const STATEMENTS = 'GET /api/v1/organisations/org-9/statements';

function statement(overrides: Partial<MonthlyStatement> = {}): MonthlyStatement {
  return {
    organisationId: 'org-9',
    month: '2026-11',
    lines: [
      {
        bookingId: 'b-1',
        // 00:30 on 1 Dec in Beijing, still 30 Nov in UTC.
        date: '2026-11-30T16:30:00Z',
        description: '电感耦合等离子体质谱仪',
        mode: 'MACHINE_TIME',
        quantity: '2.5',
        unit: 'PER_HOUR',
        rateFen: 20000,
        amountFen: 50000,
        subsidyFen: 10000,
        payableFen: 40000,
      },
      {
        bookingId: 'b-2',
        date: '2026-11-20T02:00:00Z',
        description: '扫描电镜',
        mode: 'SAMPLE_SUBMISSION',
        quantity: null,
        unit: 'PER_PROJECT',
        rateFen: 30000,
        amountFen: 30000,
        subsidyFen: 0,
        payableFen: 30000,
      },
    ],
    totalFen: 80000,
    subsidyFen: 10000,
    payableFen: 70000,
    ...overrides,
  };
}

function backend(user = me({ memberships }), overrides: Record<string, RouteHandler | RouteHandler[]> = {}) {
  return mockBackend({ [REFRESH]: signedIn(user), [STATEMENTS]: () => jsonResponse(statement()), ...overrides });
}

describe('StatementsPage', () => {
  beforeEach(() => {
    // 09:00 on Monday 30 Nov 2026 in Beijing.
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });

  it('shows this month’s statement of my organisation with lines, links and totals', async () => {
    const api = backend();
    renderApp('/statements');

    const line = await screen.findByTestId('statement-line-b-1');
    expect(api.callsTo(STATEMENTS)[0]!.query.get('month')).toBe('2026-11');
    expect(api.callsTo(STATEMENTS)[0]!.query.has('format')).toBe(false);
    expect((screen.getByTestId('statements-month') as HTMLInputElement).value).toBe('2026-11');
    expect((screen.getByTestId('statements-organisation') as HTMLSelectElement).value).toBe('org-9');
    expect(screen.getByTestId('statement-date-b-1').textContent).toBe('2026年12月1日');
    expect(line.textContent).toContain('机时');
    expect(line.textContent).toContain('¥200');
    expect(line.textContent).toContain('−¥100');
    expect(line.textContent).toContain('¥400');
    expect(screen.getByTestId('statement-link-b-1').getAttribute('href')).toBe('/bookings/b-1');
    expect(screen.getByTestId('statement-line-b-2').textContent).toContain('—');
    expect(screen.getByTestId('statement-total').textContent).toBe('¥800');
    expect(screen.getByTestId('statement-subsidy').textContent).toBe('−¥100');
    expect(screen.getByTestId('statement-payable').textContent).toBe('¥700');
    expect(screen.getByRole('heading', { name: '2026年11月对账单' })).toBeDefined();
  });

  it('loads another month and shows an empty month', async () => {
    const api = backend(me({ memberships }), {
      [STATEMENTS]: (request) =>
        request.query.get('month') === '2026-10' ? jsonResponse(statement({ month: '2026-10', lines: [], totalFen: 0, subsidyFen: 0, payableFen: 0 })) : jsonResponse(statement()),
    });
    renderApp('/statements');
    await screen.findByTestId('statements-table');
    fireEvent.change(screen.getByTestId('statements-month'), { target: { value: '2026-10' } });
    fireEvent.click(screen.getByTestId('statements-apply'));

    expect((await screen.findByTestId('statements-empty')).textContent).toBe('该月没有计费的预约。');
    expect(api.callsTo(STATEMENTS).at(-1)!.query.get('month')).toBe('2026-10');
  });

  it('asks for a month before loading', async () => {
    const api = backend();
    renderApp('/statements');
    await screen.findByTestId('statements-table');
    fireEvent.change(screen.getByTestId('statements-month'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('statements-apply'));
    expect(screen.getByTestId('field-error-month').textContent).toBe('请选择月份，例如 2026-12。');
    expect(api.callsTo(STATEMENTS)).toHaveLength(1);
  });

  it('downloads the CSV with the bearer token', async () => {
    const createObjectURL = vi.fn(() => 'blob:csv');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    let downloaded: string | null = null;
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloaded = this.download;
    });
    const api = backend(me({ memberships }), {
      [STATEMENTS]: (request) =>
        request.query.get('format') === 'csv'
          ? new Response('bookingId,date\n', { headers: { 'Content-Type': 'text/csv' } })
          : jsonResponse(statement()),
    });
    renderApp('/statements');
    fireEvent.click(await screen.findByTestId('statements-csv'));

    await waitFor(() => expect(click).toHaveBeenCalled());
    const csv = api.callsTo(STATEMENTS).find((call) => call.query.get('format') === 'csv')!;
    expect(csv.query.get('month')).toBe('2026-11');
    expect(csv.headers.get('Authorization')).toBe('Bearer token-1');
    expect(downloaded).toBe('statement-2026-11.csv');
    expect(createObjectURL).toHaveBeenCalled();
  });

  it('shows a 404 (not a member) as a problem', async () => {
    backend(me({ memberships }), {
      [STATEMENTS]: () => problemResponse(404, 'Not Found', { detail: '找不到该机构。' }),
    });
    renderApp('/statements');
    expect((await screen.findByTestId('problem-detail')).textContent).toBe('找不到该机构。');
    expect(screen.getByTestId('problem-status').textContent).toContain('404');
    expect(screen.queryByTestId('statements-table')).toBeNull();
  });

  it('shows a 400 on the month from the server', async () => {
    backend(me({ memberships }), {
      [STATEMENTS]: () => problemResponse(400, 'Bad Request', { errors: [{ field: 'month', message: 'must be a month such as 2026-12' }] }),
    });
    renderApp('/statements');
    expect((await screen.findByTestId('problem-field-error-month')).textContent).toContain('must be a month such as 2026-12');
  });

  it('lets admins enter any organisation', async () => {
    const api = mockBackend({
      [REFRESH]: signedIn(admin()),
      'GET /api/v1/organisations/org-42/statements': () => jsonResponse(statement({ organisationId: 'org-42' })),
    });
    renderApp('/statements');
    expect(await screen.findByTestId('nav-statements')).toBeDefined();
    fireEvent.click(screen.getByTestId('statements-apply'));
    expect(screen.getByTestId('field-error-organisationId').textContent).toBe('请选择机构。');
    fireEvent.change(screen.getByTestId('statements-organisation'), { target: { value: ' org-42 ' } });
    fireEvent.click(screen.getByTestId('statements-apply'));
    expect(await screen.findByTestId('statement-line-b-1')).toBeDefined();
    expect(api.callsTo('GET /api/v1/organisations/org-42/statements')).toHaveLength(1);
  });

  it('tells people without an organisation to join one, in English too', async () => {
    window.localStorage.setItem('czt.locale', 'en');
    backend(me());
    renderApp('/statements');
    expect((await screen.findByTestId('statements-no-organisations')).textContent).toBe('Join an organisation to see its statements.');
    expect(screen.queryByTestId('nav-statements')).toBeNull();
  });
});
