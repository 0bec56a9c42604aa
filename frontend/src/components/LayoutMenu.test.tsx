import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { admin, me, mockBackend, signedIn } from '../test/api';
import { renderApp } from '../test/render';

const REFRESH = 'POST /api/v1/auth/refresh';
const sessionIds = ['nav-login', 'nav-register', 'nav-profile', 'nav-my-organisations', 'nav-logout'];
const adminIds = ['nav-admin-users', 'nav-admin-organisations', 'nav-admin-catalog', 'nav-admin-audit'];

function present(ids: string[]) {
  return ids.filter((id) => screen.queryByTestId(id) !== null);
}

describe('Layout menu per role', () => {
  it('offers anonymous people Home, Status, Log in and Register', async () => {
    renderApp('/');
    await screen.findByTestId('nav-login');

    expect(present(['nav-home', 'nav-search', 'nav-status', ...sessionIds, ...adminIds])).toEqual([
      'nav-home',
      'nav-search',
      'nav-status',
      'nav-login',
      'nav-register',
    ]);
    expect(screen.getByTestId('nav-search').getAttribute('href')).toBe('/search');
    expect(screen.getByTestId('nav-search').textContent).toBe('搜索资源');
    expect(screen.getByTestId('nav-login').getAttribute('href')).toBe('/login');
    expect(screen.getByTestId('nav-register').textContent).toBe('注册');
  });

  it('shows nothing session-specific while the session is being restored', () => {
    mockBackend({ [REFRESH]: () => new Promise<Response>(() => undefined) });
    renderApp('/');
    expect(present([...sessionIds, ...adminIds])).toEqual([]);
    expect(screen.getByTestId('nav-home')).toBeDefined();
  });

  it('offers signed-in people their organisations, profile (with their name) and log out', async () => {
    mockBackend({ [REFRESH]: signedIn(me({ displayName: '李华', roles: ['RESEARCHER', 'PUBLISHER'] })) });
    renderApp('/');
    await screen.findByTestId('nav-profile');

    expect(present(['nav-home', 'nav-search', 'nav-status', ...sessionIds, ...adminIds])).toEqual([
      'nav-home',
      'nav-search',
      'nav-status',
      'nav-profile',
      'nav-my-organisations',
      'nav-logout',
    ]);
    expect(screen.getByTestId('user-menu-name').textContent).toBe('李华');
    expect(screen.getByTestId('nav-profile').textContent).toContain('个人资料');
    expect(screen.getByTestId('nav-my-organisations').getAttribute('href')).toBe('/organisations/mine');
    expect(screen.getByTestId('nav-logout').tagName).toBe('BUTTON');
  });

  it('adds the admin pages for administrators', async () => {
    mockBackend({ [REFRESH]: signedIn(admin()) });
    renderApp('/');
    await screen.findByTestId('nav-admin-users');

    expect(present(adminIds)).toEqual(adminIds);
    expect(screen.getByTestId('nav-admin-users').getAttribute('href')).toBe('/admin/users');
    expect(screen.getByTestId('nav-admin-organisations').getAttribute('href')).toBe('/admin/organisations');
    expect(screen.getByTestId('nav-admin-catalog').getAttribute('href')).toBe('/admin/catalog');
    expect(screen.getByTestId('nav-admin-audit').getAttribute('href')).toBe('/admin/audit');
    expect(screen.getByTestId('nav-admin-audit').textContent).toBe('审计日志');
    expect(screen.queryByTestId('nav-login')).toBeNull();
  });

  const bookingIds = ['nav-my-bookings', 'nav-booking-queue', 'nav-vouchers', 'nav-statements', 'nav-reports'];

  it('offers signed-in people their bookings', async () => {
    mockBackend({ [REFRESH]: signedIn(me()) });
    renderApp('/');
    await screen.findByTestId('nav-profile');
    expect(present(bookingIds)).toEqual(['nav-my-bookings']);
    expect(screen.getByTestId('nav-my-bookings').getAttribute('href')).toBe('/bookings');
    expect(screen.getByTestId('nav-my-bookings').textContent).toBe('我的预约');
  });

  it('adds the booking queue, vouchers and reports for members of an organisation', async () => {
    mockBackend({
      [REFRESH]: signedIn(
        me({
          memberships: [
            { organisationId: 'org-1', nameZh: '中南大学', nameEn: 'Central South University', type: 'UNIVERSITY', verificationStatus: 'VERIFIED', role: 'MEMBER' },
          ],
        }),
      ),
    });
    renderApp('/');
    await screen.findByTestId('nav-booking-queue');
    expect(present(bookingIds)).toEqual(bookingIds);
    expect(screen.getByTestId('nav-booking-queue').getAttribute('href')).toBe('/staff/bookings');
    expect(screen.getByTestId('nav-vouchers').textContent).toBe('创新券');
    expect(screen.getByTestId('nav-reports').getAttribute('href')).toBe('/reports');
    expect(screen.getByTestId('nav-statements').getAttribute('href')).toBe('/statements');
    expect(screen.getByTestId('nav-statements').textContent).toBe('对账单');
  });
});
