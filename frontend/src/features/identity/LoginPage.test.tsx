import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { me, mockBackend, problemResponse, signedIn } from '../../test/api';
import { renderApp } from '../../test/render';
import { safeNext } from './AuthProvider';

const LOGIN = 'POST /api/v1/auth/login';

function fillIn(email: string, password: string) {
  fireEvent.change(screen.getByTestId('login-email'), { target: { value: email } });
  fireEvent.change(screen.getByTestId('login-password'), { target: { value: password } });
  fireEvent.click(screen.getByTestId('login-submit'));
}

describe('LoginPage', () => {
  it('logs in, switches to the user’s language and goes to `next`', async () => {
    const backend = mockBackend({ [LOGIN]: signedIn(me({ locale: 'en', displayName: 'Li Hua' })) });
    renderApp('/login?next=%2Fstatus');
    expect(await screen.findByRole('heading', { level: 1, name: '登录' })).toBeDefined();

    fillIn(' li.hua@example.cn ', 'a long enough password');

    expect(await screen.findByRole('heading', { level: 1, name: 'System status' })).toBeDefined();
    expect(screen.getByTestId('user-menu-name').textContent).toBe('Li Hua');
    const [login] = backend.callsTo(LOGIN);
    expect(login!.body).toEqual({ email: 'li.hua@example.cn', password: 'a long enough password' });
    expect(login!.headers.has('Authorization')).toBe(false);
  });

  it('says generically that email or password is wrong on 401', async () => {
    mockBackend({ [LOGIN]: () => problemResponse(401, 'Unauthorized', { detail: 'Bad credentials' }) });
    renderApp('/login');

    fillIn('li.hua@example.cn', 'wrong password here');

    const failed = await screen.findByTestId('login-failed');
    expect(failed.textContent).toBe('邮箱或密码不正确。');
    expect(failed.getAttribute('role')).toBe('alert');
    expect((screen.getByTestId('login-password') as HTMLInputElement).value).toBe('');
    expect(screen.queryByTestId('user-menu-name')).toBeNull();
  });

  it('says the account is disabled on 403', async () => {
    mockBackend({ [LOGIN]: () => problemResponse(403, 'Forbidden') });
    renderApp('/login');
    fillIn('li.hua@example.cn', 'a long enough password');
    expect((await screen.findByTestId('login-failed')).textContent).toContain('停用');
  });

  it('shows the rate-limit problem with the Retry-After seconds on 429', async () => {
    mockBackend({
      [LOGIN]: () => problemResponse(429, 'Too Many Requests', { detail: '登录尝试过于频繁。' }, { 'Retry-After': '42' }),
    });
    renderApp('/login');
    fillIn('li.hua@example.cn', 'a long enough password');

    const alert = await screen.findByTestId('problem-alert');
    expect(alert.textContent).toContain('Too Many Requests');
    expect(screen.getByTestId('problem-retry-after').textContent).toBe('请在 42 秒后重试。');
    expect(screen.getByTestId('problem-status').textContent).toContain('429');
  });

  it('checks required fields before sending, links the errors and focuses the first', async () => {
    const backend = mockBackend({});
    renderApp('/login');
    await screen.findByTestId('nav-login');

    fireEvent.click(screen.getByTestId('login-submit'));

    const email = screen.getByTestId('login-email');
    expect(screen.getByTestId('field-error-email').textContent).toBe('请填写此项。');
    expect(screen.getByTestId('field-error-password').textContent).toBe('请填写此项。');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toBe(screen.getByTestId('field-error-email').id);
    await waitFor(() => expect(document.activeElement).toBe(email));
    expect(backend.callsTo(LOGIN)).toHaveLength(0);
  });

  it('has labelled inputs', async () => {
    renderApp('/login');
    expect((await screen.findByLabelText('电子邮箱')).getAttribute('type')).toBe('email');
    expect(screen.getByLabelText('密码').getAttribute('autocomplete')).toBe('current-password');
  });

  it('accepts only paths of this app as `next`', () => {
    expect(safeNext('/admin/users?page=2')).toBe('/admin/users?page=2');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('//evil.example/path')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext('/login?next=/x')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
