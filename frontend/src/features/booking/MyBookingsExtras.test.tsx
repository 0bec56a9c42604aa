import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, me, mockBackend, noContent, problemResponse, signedIn, type RouteHandler } from '../../test/api';
import { renderApp } from '../../test/render';
import { memberships } from './testData';
import type { WaitlistEntry } from './types';

const REFRESH = 'POST /api/v1/auth/refresh';
const WAITLIST = 'GET /api/v1/waitlist';
const FEED = 'POST /api/v1/me/calendar-feed';

const waiting = (overrides: Partial<WaitlistEntry> = {}): WaitlistEntry => ({
  id: 'w-1',
  instrumentId: 'r-1',
  start: '2026-12-01T01:00:00Z',
  end: '2026-12-01T04:30:00Z',
  createdAt: '2026-11-30T01:00:00Z',
  offeredAt: null,
  ...overrides,
});

function backend(overrides: Record<string, RouteHandler | RouteHandler[]> = {}) {
  return mockBackend({
    [REFRESH]: signedIn(me({ memberships })),
    'GET /api/v1/bookings': () => jsonResponse({ items: [], page: 0, size: 20, total: 0 }),
    [WAITLIST]: () => jsonResponse([waiting(), waiting({ id: 'w-2', instrumentId: 'r-7', offeredAt: '2026-11-30T06:00:00Z' })]),
    ...overrides,
  });
}

describe('MyBookingsPage: my waitlist', () => {
  it('lists the times I wait for, marks freed ones with a link to book, and stops waiting', async () => {
    const api = backend({ 'DELETE /api/v1/waitlist/w-1': () => noContent() });
    renderApp('/bookings');

    expect((await screen.findByTestId('waitlist-time-w-1')).textContent).toBe('2026年12月1日 09:00–12:30');
    expect(screen.getByTestId('waitlist-status-w-1').textContent).toBe('候补中');
    expect(screen.queryByTestId('waitlist-book-w-1')).toBeNull();
    expect(screen.getByTestId('waitlist-status-w-2').textContent).toBe('已空出');
    expect(screen.getByTestId('waitlist-book-w-2').getAttribute('href')).toBe('/instruments/r-7/book');
    expect(screen.getByTestId('waitlist-w-2').textContent).toContain('14:00 空出');

    fireEvent.click(screen.getByTestId('waitlist-leave-w-1'));
    expect((await screen.findByTestId('waitlist-left')).textContent).toBe('已取消 2026年12月1日 09:00–12:30 的候补。');
    expect(screen.queryByTestId('waitlist-w-1')).toBeNull();
    expect(screen.getByTestId('waitlist-w-2')).toBeDefined();
    expect(api.callsTo('DELETE /api/v1/waitlist/w-1')).toHaveLength(1);
  });

  it('shows a 404 when the entry is gone and loads the list again', async () => {
    const api = backend({
      [WAITLIST]: [() => jsonResponse([waiting()]), () => jsonResponse([])],
      'DELETE /api/v1/waitlist/w-1': () => problemResponse(404, 'Not Found', { detail: '没有这条候补。' }),
    });
    renderApp('/bookings');
    fireEvent.click(await screen.findByTestId('waitlist-leave-w-1'));

    expect((await screen.findByTestId('problem-detail')).textContent).toBe('没有这条候补。');
    expect(await screen.findByTestId('my-waitlist-empty')).toBeDefined();
    expect(api.callsTo(WAITLIST)).toHaveLength(2);
  });

  it('shows the English labels', async () => {
    window.localStorage.setItem('czt.locale', 'en');
    backend();
    renderApp('/bookings');
    expect((await screen.findByTestId('waitlist-status-w-2')).textContent).toBe('Freed');
    expect(screen.getByTestId('waitlist-leave-w-1').textContent).toBe('Stop waiting');
    expect(screen.getByRole('heading', { name: 'My waitlist' })).toBeDefined();
  });
});

describe('MyBookingsPage: calendar subscription', () => {
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'clipboard');
  });

  it('makes a secret feed URL, shows it absolute and copies it', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const api = backend({ [FEED]: () => jsonResponse({ url: '/api/v1/calendar/s3cr3t.ics' }) });
    renderApp('/bookings');

    expect((await screen.findByTestId('calendar-feed-note')).textContent).toContain('旧链接立即失效');
    expect(screen.queryByTestId('calendar-feed-url')).toBeNull();
    fireEvent.click(screen.getByTestId('calendar-feed-create'));

    const input = (await screen.findByTestId('calendar-feed-url')) as HTMLInputElement;
    expect(input.value).toBe(`${window.location.origin}/api/v1/calendar/s3cr3t.ics`);
    expect(input.readOnly).toBe(true);
    expect(api.callsTo(FEED)[0]!.headers.get('Authorization')).toBe('Bearer token-1');
    expect(screen.getByTestId('calendar-feed-create').textContent).toBe('生成新链接');

    fireEvent.click(screen.getByTestId('calendar-feed-copy'));
    await waitFor(() => expect(screen.getByTestId('calendar-feed-copy-status').textContent).toBe('已复制链接。'));
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/api/v1/calendar/s3cr3t.ics`);
  });

  it('selects the link for copying by hand without the clipboard API', async () => {
    Reflect.deleteProperty(navigator, 'clipboard');
    backend({ [FEED]: () => jsonResponse({ url: '/api/v1/calendar/s3cr3t.ics' }) });
    renderApp('/bookings');
    fireEvent.click(await screen.findByTestId('calendar-feed-create'));
    const input = await screen.findByTestId('calendar-feed-url');
    fireEvent.click(screen.getByTestId('calendar-feed-copy'));
    await waitFor(() => expect(screen.getByTestId('calendar-feed-copy-status').textContent).toBe('无法自动复制，请选中链接手动复制。'));
    expect(document.activeElement).toBe(input);
  });

  it('shows a failure to make the link', async () => {
    backend({ [FEED]: () => problemResponse(503, 'Service Unavailable', { detail: '稍后再试' }) });
    renderApp('/bookings');
    fireEvent.click(await screen.findByTestId('calendar-feed-create'));
    expect((await screen.findByTestId('problem-detail')).textContent).toBe('稍后再试');
    expect(screen.queryByTestId('calendar-feed-url')).toBeNull();
  });
});
