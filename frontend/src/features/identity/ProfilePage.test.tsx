import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { me, mockBackend, noContent, problemResponse, signedIn } from '../../test/api';
import { jsonResponse, renderApp } from '../../test/render';

const REFRESH = 'POST /api/v1/auth/refresh';
const user = me({ roles: ['RESEARCHER', 'PUBLISHER'] });

describe('ProfilePage', () => {
  it('shows the account and localized roles', async () => {
    mockBackend({ [REFRESH]: signedIn(user) });
    renderApp('/profile');

    expect(await screen.findByRole('heading', { level: 1, name: '个人资料' })).toBeDefined();
    expect(screen.getByTestId('profile-email').textContent).toBe('li.hua@example.cn');
    expect(screen.getByTestId('profile-roles').textContent).toBe('研究人员、发布者');
  });

  it('saves display name and language, and switches the UI language', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(user),
      'PATCH /api/v1/me': (request) => jsonResponse({ ...user, ...(request.body as object) }),
    });
    renderApp('/profile');
    await screen.findByTestId('profile-display-name');

    fireEvent.change(screen.getByTestId('profile-display-name'), { target: { value: 'Li Hua' } });
    fireEvent.change(screen.getByTestId('profile-locale'), { target: { value: 'en' } });
    fireEvent.click(screen.getByTestId('profile-save'));

    expect((await screen.findByTestId('profile-saved')).textContent).toBe('Saved.');
    expect(backend.callsTo('PATCH /api/v1/me')[0]!.body).toEqual({ displayName: 'Li Hua', locale: 'en' });
    expect(screen.getByTestId('user-menu-name').textContent).toBe('Li Hua');
    expect((screen.getByTestId('language-select') as HTMLSelectElement).value).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('changes the password, then logs in again with the new one', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(user, 'before'),
      'POST /api/v1/me/password': noContent,
      'POST /api/v1/auth/login': signedIn(user, 'after'),
    });
    renderApp('/profile');
    await screen.findByTestId('password-current');

    fireEvent.change(screen.getByTestId('password-current'), { target: { value: 'old password 123' } });
    fireEvent.change(screen.getByTestId('password-new'), { target: { value: 'Zhuzhou rail transit 88' } });
    fireEvent.change(screen.getByTestId('password-confirm'), { target: { value: 'Zhuzhou rail transit 88' } });
    fireEvent.click(screen.getByTestId('password-submit'));

    expect((await screen.findByTestId('password-changed')).textContent).toContain('密码已修改');
    expect(backend.callsTo('POST /api/v1/me/password')[0]!.body).toEqual({
      currentPassword: 'old password 123',
      newPassword: 'Zhuzhou rail transit 88',
    });
    expect(backend.callsTo('POST /api/v1/me/password')[0]!.headers.get('Authorization')).toBe('Bearer before');
    expect(backend.callsTo('POST /api/v1/auth/login')[0]!.body).toEqual({
      email: 'li.hua@example.cn',
      password: 'Zhuzhou rail transit 88',
    });
    expect((screen.getByTestId('password-new') as HTMLInputElement).value).toBe('');
    expect(screen.getByTestId('user-menu-name')).toBeDefined();
  });

  it('shows a wrong current password next to that field', async () => {
    mockBackend({
      [REFRESH]: signedIn(user),
      'POST /api/v1/me/password': () =>
        problemResponse(400, 'Bad Request', { errors: [{ field: 'currentPassword', message: '当前密码不正确。' }] }),
    });
    renderApp('/profile');
    await screen.findByTestId('password-current');

    fireEvent.change(screen.getByTestId('password-current'), { target: { value: 'not my password' } });
    fireEvent.change(screen.getByTestId('password-new'), { target: { value: 'Zhuzhou rail transit 88' } });
    fireEvent.change(screen.getByTestId('password-confirm'), { target: { value: 'Zhuzhou rail transit 88' } });
    fireEvent.click(screen.getByTestId('password-submit'));

    expect((await screen.findByTestId('field-error-currentPassword')).textContent).toBe('当前密码不正确。');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('password-current')));
    expect(screen.queryByTestId('password-changed')).toBeNull();
  });

  it('checks that the new password is repeated correctly', async () => {
    const backend = mockBackend({ [REFRESH]: signedIn(user) });
    renderApp('/profile');
    await screen.findByTestId('password-current');

    fireEvent.change(screen.getByTestId('password-current'), { target: { value: 'old password 123' } });
    fireEvent.change(screen.getByTestId('password-new'), { target: { value: 'Zhuzhou rail transit 88' } });
    fireEvent.change(screen.getByTestId('password-confirm'), { target: { value: 'Zhuzhou rail transit 89' } });
    fireEvent.click(screen.getByTestId('password-submit'));

    expect(screen.getByTestId('field-error-newPasswordConfirm').textContent).toBe('两次输入的新密码不一致。');
    expect(backend.callsTo('POST /api/v1/me/password')).toHaveLength(0);
  });
});
