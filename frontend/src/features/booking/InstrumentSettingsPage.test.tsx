import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, me, mockBackend, noContent, problemResponse, signedIn, type RouteHandler } from '../../test/api';
import { renderApp } from '../../test/render';
import { resource } from '../catalog/testData';
import { memberships, rules } from './testData';

const REFRESH = 'POST /api/v1/auth/refresh';
const RULES = '/api/v1/instruments/r-1/booking-rules';
const CLOSURES = '/api/v1/instruments/r-1/closures';
const QUALIFICATIONS = '/api/v1/instruments/r-1/qualifications';

function backend(overrides: Record<string, RouteHandler | RouteHandler[]> = {}) {
  return mockBackend({
    [REFRESH]: signedIn(me({ memberships })),
    'GET /api/v1/resources/r-1': () => jsonResponse(resource()),
    [`GET ${RULES}`]: () => jsonResponse(rules()),
    [`GET ${CLOSURES}`]: () =>
      jsonResponse([{ id: 'c-1', start: '2026-12-02T05:00:00Z', end: '2026-12-02T09:30:00Z', kind: 'MAINTENANCE', planned: true, reason: '更换离子源' }]),
    [`GET ${QUALIFICATIONS}`]: () =>
      jsonResponse([{ userId: 'u-7', email: 'zhou@example.cn', displayName: '周工', grantedAt: '2026-01-05T01:00:00Z', expiresAt: null }]),
    ...overrides,
  });
}

describe('InstrumentSettingsPage', () => {
  it('saves the booking rules with their version', async () => {
    const api = backend({ [`PUT ${RULES}`]: (request) => jsonResponse({ ...(request.body as object), version: 4 }) });
    renderApp('/staff/instruments/r-1');

    const max = await screen.findByTestId('rules-maxMinutes');
    fireEvent.change(max, { target: { value: '240' } });
    fireEvent.change(screen.getByTestId('rules-quotaMinutesPerDay'), { target: { value: '120' } });
    fireEvent.click(screen.getByTestId('hours-add'));
    fireEvent.change(screen.getByTestId('hours-5-start'), { target: { value: '09:00' } });
    fireEvent.change(screen.getByTestId('hours-5-end'), { target: { value: '12:00' } });
    fireEvent.click(screen.getByTestId('rules-trainingRequired'));
    fireEvent.click(screen.getByTestId('rules-save'));

    expect(await screen.findByTestId('rules-saved')).toBeDefined();
    const body = api.callsTo(`PUT ${RULES}`)[0]!.body as ReturnType<typeof rules>;
    expect(body.version).toBe(3);
    expect(body.maxMinutes).toBe(240);
    expect(body.quotaMinutesPerDay).toBe(120);
    expect(body.quotaMinutesPerWeek).toBeNull();
    expect(body.trainingRequired).toBe(true);
    expect(body.weeklyHours.at(-1)).toEqual({ day: 'MONDAY', start: '09:00', end: '12:00' });
  });

  it('refuses invalid rules before sending them', async () => {
    const api = backend();
    renderApp('/staff/instruments/r-1');
    fireEvent.change(await screen.findByTestId('hours-0-end'), { target: { value: '08:00' } });
    fireEvent.change(screen.getByTestId('rules-slotMinutes'), { target: { value: 'abc' } });
    fireEvent.click(screen.getByTestId('rules-save'));
    expect(screen.getByTestId('field-error-weeklyHours[0].end').textContent).toBe('结束时间必须晚于开始时间。');
    expect(screen.getByTestId('field-error-slotMinutes').textContent).toContain('非负整数');
    expect(api.callsTo(`PUT ${RULES}`)).toHaveLength(0);
  });

  it('offers to reload when someone else changed the rules (409)', async () => {
    const api = backend({
      [`GET ${RULES}`]: [() => jsonResponse(rules()), () => jsonResponse(rules({ maxMinutes: 300, version: 4 }))],
      [`PUT ${RULES}`]: () => problemResponse(409, 'Conflict', { detail: 'stale version' }),
    });
    renderApp('/staff/instruments/r-1');
    fireEvent.change(await screen.findByTestId('rules-maxMinutes'), { target: { value: '240' } });
    fireEvent.click(screen.getByTestId('rules-save'));

    fireEvent.click(await screen.findByTestId('rules-reload'));
    await waitFor(() => expect((screen.getByTestId('rules-maxMinutes') as HTMLInputElement).value).toBe('300'));
    expect(api.callsTo(`GET ${RULES}`)).toHaveLength(2);
    expect(screen.queryByTestId('rules-stale')).toBeNull();
  });

  it('lists, adds and deletes closures in Beijing time', async () => {
    const api = backend({
      [`POST ${CLOSURES}`]: (request) => jsonResponse({ id: 'c-2', ...(request.body as object) }, 201),
      [`DELETE ${CLOSURES}/c-1`]: () => noContent(),
    });
    renderApp('/staff/instruments/r-1');
    expect((await screen.findByTestId('closure-c-1')).textContent).toContain('维护 · 2026年12月2日 13:00–17:30');

    fireEvent.click(screen.getByTestId('closure-add'));
    expect(screen.getByTestId('field-error-reason').textContent).toBe('请填写此项。');

    fireEvent.change(screen.getByTestId('closure-start'), { target: { value: '2027-01-01T00:00' } });
    fireEvent.change(screen.getByTestId('closure-end'), { target: { value: '2027-01-04T00:00' } });
    fireEvent.change(screen.getByTestId('closure-kind'), { target: { value: 'HOLIDAY' } });
    fireEvent.change(screen.getByTestId('closure-reason'), { target: { value: '元旦' } });
    fireEvent.click(screen.getByTestId('closure-add'));

    expect((await screen.findByTestId('closure-c-2')).textContent).toContain('元旦');
    expect(api.callsTo(`POST ${CLOSURES}`)[0]!.body).toEqual({
      start: '2026-12-31T16:00:00Z',
      end: '2027-01-03T16:00:00Z',
      kind: 'HOLIDAY',
      planned: true,
      reason: '元旦',
    });

    fireEvent.click(screen.getByTestId('closure-delete-c-1'));
    await waitFor(() => expect(screen.queryByTestId('closure-c-1')).toBeNull());
  });

  it('grants qualifications by email and revokes them', async () => {
    const api = backend({
      [`POST ${QUALIFICATIONS}`]: () => jsonResponse({}, 201),
      [`DELETE ${QUALIFICATIONS}/u-7`]: () => noContent(),
    });
    renderApp('/staff/instruments/r-1');
    expect((await screen.findByTestId('qualification-u-7')).textContent).toContain('长期有效');

    fireEvent.change(screen.getByTestId('qualification-email'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByTestId('qualification-grant'));
    expect(screen.getByTestId('field-error-email')).toBeDefined();

    fireEvent.change(screen.getByTestId('qualification-email'), { target: { value: 'wang@example.cn' } });
    fireEvent.change(screen.getByTestId('qualification-expires'), { target: { value: '2027-06-30' } });
    fireEvent.click(screen.getByTestId('qualification-grant'));
    await waitFor(() => expect(api.callsTo(`GET ${QUALIFICATIONS}`)).toHaveLength(2));
    expect(api.callsTo(`POST ${QUALIFICATIONS}`)[0]!.body).toEqual({ email: 'wang@example.cn', expiresAt: '2027-06-30T16:00:00Z' });

    fireEvent.click(screen.getByTestId('qualification-revoke-u-7'));
    await waitFor(() => expect(api.callsTo(`DELETE ${QUALIFICATIONS}/u-7`)).toHaveLength(1));
  });

  it('shows a 403 for people who are not staff', async () => {
    backend({
      [`GET ${QUALIFICATIONS}`]: () => problemResponse(403, 'Forbidden', { detail: '仅限仪器所属机构' }),
    });
    renderApp('/staff/instruments/r-1');
    expect((await screen.findByTestId('qualifications-panel')).textContent).toBeDefined();
    await waitFor(() => expect(screen.getByTestId('qualifications-panel').textContent).toContain('仅限仪器所属机构'));
  });
});
