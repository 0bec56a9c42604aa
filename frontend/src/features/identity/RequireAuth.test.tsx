import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { admin, me, mockBackend, signedIn } from '../../test/api';
import { jsonResponse, renderApp } from '../../test/render';

const REFRESH = 'POST /api/v1/auth/refresh';
const emptyPage = () => jsonResponse({ items: [], page: 0, size: 20, total: 0 });

describe('route guards', () => {
  it('sends anonymous people to the login page and back after logging in', async () => {
    mockBackend({
      'POST /api/v1/auth/login': signedIn(admin()),
      'GET /api/v1/admin/users': emptyPage,
    });
    renderApp('/admin/users?query=li');

    expect(await screen.findByRole('heading', { level: 1, name: '登录' })).toBeDefined();
    fireEvent.change(screen.getByTestId('login-email'), { target: { value: 'admin@czt.example.cn' } });
    fireEvent.change(screen.getByTestId('login-password'), { target: { value: 'a long enough password' } });
    fireEvent.click(screen.getByTestId('login-submit'));

    expect(await screen.findByRole('heading', { level: 1, name: '用户管理' })).toBeDefined();
    expect((screen.getByTestId('admin-users-query') as HTMLInputElement).value).toBe('li');
  });

  it('shows a localized 403 page to signed-in people without the ADMIN role', async () => {
    const backend = mockBackend({ [REFRESH]: signedIn(me({ roles: ['RESEARCHER', 'PUBLISHER'] })) });
    renderApp('/admin/audit');

    expect(await screen.findByRole('heading', { level: 1, name: '无权访问此页面' })).toBeDefined();
    expect(screen.getByTestId('forbidden').textContent).toContain('403');
    expect(backend.callsTo('GET /api/v1/admin/audit-events')).toHaveLength(0);

    fireEvent.change(screen.getByTestId('language-select'), { target: { value: 'en' } });
    expect(screen.getByRole('heading', { level: 1, name: 'You cannot open this page' })).toBeDefined();
  });

  it('lets administrators in', async () => {
    mockBackend({ [REFRESH]: signedIn(admin()), 'GET /api/v1/admin/organisations': emptyPage });
    renderApp('/admin/organisations');
    expect(await screen.findByRole('heading', { level: 1, name: '机构审核' })).toBeDefined();
    expect(screen.queryByTestId('forbidden')).toBeNull();
  });

  it('waits for the session before deciding', () => {
    mockBackend({ [REFRESH]: () => new Promise<Response>(() => undefined) });
    renderApp('/profile');
    expect(screen.getByTestId('session-loading').textContent).toBe('正在确认登录状态…');
  });

  it('guards the profile and my-organisations pages too', async () => {
    renderApp('/profile');
    expect(await screen.findByRole('heading', { level: 1, name: '登录' })).toBeDefined();
  });
});
