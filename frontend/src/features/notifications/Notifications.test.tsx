import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, me, mockBackend, noContent, signedIn } from '../../test/api';
import { renderApp } from '../../test/render';
import type { AppNotification } from './notificationsApi';
import { appLink } from './NotificationsPage';

const REFRESH = 'POST /api/v1/auth/refresh';
const LIST = 'GET /api/v1/notifications';

const item = (overrides: Partial<AppNotification> = {}): AppNotification => ({
  id: 'n-1',
  type: 'BOOKING_APPROVED',
  title: '预约已批准',
  body: '质谱仪 12月1日 11:30–13:30',
  link: '/bookings/b-1',
  createdAt: '2026-11-30T02:00:00Z',
  readAt: null,
  ...overrides,
});

describe('notification bell', () => {
  it('shows the unread count and asks again every minute', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const api = mockBackend({
      [REFRESH]: signedIn(me()),
      [LIST]: [
        () => jsonResponse({ items: [item()], page: 0, size: 1, total: 3, unread: 3 }),
        () => jsonResponse({ items: [item()], page: 0, size: 1, total: 3, unread: 4 }),
      ],
    });
    renderApp('/');

    expect((await screen.findByTestId('notification-count')).textContent).toBe('3');
    expect(screen.getByTestId('notification-bell').getAttribute('aria-label')).toBe('通知（3 条未读）');
    expect(api.callsTo(LIST)[0]!.query.get('size')).toBe('1');
    expect(screen.getByTestId('notification-bell').getAttribute('href')).toBe('/notifications');

    await act(async () => {
      vi.advanceTimersByTime(60_000);
    });
    await waitFor(() => expect(screen.getByTestId('notification-count').textContent).toBe('4'));
  });

  it('is not shown to anonymous people', async () => {
    renderApp('/');
    await screen.findByTestId('nav-login');
    expect(screen.queryByTestId('notification-bell')).toBeNull();
  });
});

describe('NotificationsPage', () => {
  it('lists notifications, marks one and all as read', async () => {
    const api = mockBackend({
      [REFRESH]: signedIn(me()),
      [LIST]: (request) =>
        request.query.get('size') === '1'
          ? jsonResponse({ items: [], page: 0, size: 1, total: 2, unread: 2 })
          : jsonResponse({ items: [item(), item({ id: 'n-2', title: '请评价', link: 'https://evil.example' })], page: 0, size: 20, total: 2, unread: 2 }),
      'POST /api/v1/notifications/n-1/read': () => noContent(),
      'POST /api/v1/notifications/read-all': () => noContent(),
    });
    renderApp('/notifications');

    expect((await screen.findByTestId('notifications-unread')).textContent).toBe('2 条未读');
    expect(screen.getByTestId('notification-n-1').querySelector('a')!.getAttribute('href')).toBe('/bookings/b-1');
    // Only links inside the app are followed.
    expect(screen.getByTestId('notification-n-2').querySelector('a')).toBeNull();

    fireEvent.click(screen.getByTestId('notification-read-n-1'));
    await waitFor(() => expect(screen.queryByTestId('notification-read-n-1')).toBeNull());
    expect(screen.getByTestId('notifications-unread').textContent).toBe('1 条未读');

    fireEvent.click(screen.getByTestId('notifications-read-all'));
    await waitFor(() => expect(api.callsTo('POST /api/v1/notifications/read-all')).toHaveLength(1));
  });

  it('keeps only links inside the app', () => {
    expect(appLink('/bookings/1')).toBe('/bookings/1');
    expect(appLink('//evil.example')).toBeNull();
    expect(appLink('https://evil.example')).toBeNull();
    expect(appLink(null)).toBeNull();
  });
});
