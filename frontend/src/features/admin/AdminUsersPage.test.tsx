import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { admin, mockBackend, signedIn } from '../../test/api';
import { jsonResponse, renderApp } from '../../test/render';
import type { AdminUser } from './types';

const REFRESH = 'POST /api/v1/auth/refresh';
const USERS = 'GET /api/v1/admin/users';

function row(overrides: Partial<AdminUser> = {}): AdminUser {
  return {
    id: 'u-7',
    email: 'zhou@example.cn',
    displayName: '周工',
    roles: ['RESEARCHER'],
    enabled: true,
    createdAt: '2025-01-05T01:00:00Z',
    lastLoginAt: null,
    ...overrides,
  };
}

const page = (items: AdminUser[], total = items.length, pageNumber = 0) =>
  jsonResponse({ items, page: pageNumber, size: 20, total });

describe('AdminUsersPage', () => {
  it('lists users with localized roles and pages through them', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(admin()),
      [USERS]: (request) =>
        request.query.get('page') === '1'
          ? page([row({ id: 'u-30', displayName: '第二页' })], 21, 1)
          : page([row(), row({ id: 'u-8', roles: ['FIRM', 'PUBLISHER'], enabled: false })], 21),
    });
    renderApp('/admin/users');

    expect((await screen.findByTestId('admin-user-roles-u-7')).textContent).toBe('研究人员');
    expect(screen.getByTestId('admin-user-roles-u-8').textContent).toBe('企业用户、发布者');
    expect(screen.getByTestId('admin-user-state-u-8').textContent).toBe('已停用');
    expect(screen.getByTestId('pagination-info').textContent).toBe('第 1 / 2 页，共 21 条');

    fireEvent.click(screen.getByTestId('pagination-next'));
    expect(await screen.findByTestId('admin-user-u-30')).toBeDefined();
    expect(backend.callsTo(USERS).at(-1)!.query.get('page')).toBe('1');
  });

  it('searches by query', async () => {
    const backend = mockBackend({ [REFRESH]: signedIn(admin()), [USERS]: () => page([row()]) });
    renderApp('/admin/users');
    await screen.findByTestId('admin-user-u-7');

    fireEvent.change(screen.getByTestId('admin-users-query'), { target: { value: '周' } });
    fireEvent.click(screen.getByTestId('admin-users-search'));

    await waitFor(() => expect(backend.callsTo(USERS).at(-1)!.query.get('query')).toBe('周'));
  });

  it('replaces a user’s roles', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(admin()),
      [USERS]: () => page([row()]),
      'PUT /api/v1/admin/users/u-7/roles': (request) => jsonResponse(row(request.body as Partial<AdminUser>)),
    });
    renderApp('/admin/users');
    fireEvent.click(await screen.findByTestId('admin-user-edit-roles-u-7'));
    fireEvent.click(screen.getByTestId('admin-user-role-u-7-PUBLISHER'));
    fireEvent.click(screen.getByTestId('admin-user-save-roles-u-7'));

    await waitFor(() => expect(screen.getByTestId('admin-user-roles-u-7').textContent).toBe('研究人员、发布者'));
    expect(backend.callsTo('PUT /api/v1/admin/users/u-7/roles')[0]!.body).toEqual({ roles: ['RESEARCHER', 'PUBLISHER'] });
    expect(screen.getByTestId('admin-users-notice').textContent).toContain('周工');
  });

  it('disables and enables accounts', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(admin()),
      [USERS]: () => page([row()]),
      'POST /api/v1/admin/users/u-7/disable': () => jsonResponse(row({ enabled: false })),
      'POST /api/v1/admin/users/u-7/enable': () => jsonResponse(row({ enabled: true })),
    });
    renderApp('/admin/users');
    fireEvent.click(await screen.findByTestId('admin-user-disable-u-7'));

    await waitFor(() => expect(screen.getByTestId('admin-user-state-u-7').textContent).toBe('已停用'));
    fireEvent.click(screen.getByTestId('admin-user-enable-u-7'));
    await waitFor(() => expect(screen.getByTestId('admin-user-state-u-7').textContent).toBe('正常'));
    expect(backend.callsTo('POST /api/v1/admin/users/u-7/disable')).toHaveLength(1);
    expect(backend.callsTo('POST /api/v1/admin/users/u-7/enable')).toHaveLength(1);
  });

  it('does not offer to disable one’s own account', async () => {
    mockBackend({ [REFRESH]: signedIn(admin()), [USERS]: () => page([row({ id: 'admin-1', roles: ['ADMIN'] })]) });
    renderApp('/admin/users');
    await screen.findByTestId('admin-user-admin-1');
    expect(screen.queryByTestId('admin-user-disable-admin-1')).toBeNull();
  });
});
