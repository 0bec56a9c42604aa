import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { me, mockBackend, problemResponse, signedIn } from '../../test/api';
import { jsonResponse, renderApp } from '../../test/render';

const REGISTER = 'POST /api/v1/auth/register';
const LOGIN = 'POST /api/v1/auth/login';
const accepted = () => jsonResponse({ message: 'If the address can be used, the account has been created.' }, 202);

function fillIn({
  email = 'wang.fang@example.cn',
  password = 'Xiangjiang corridor 2025',
  displayName = '王芳',
  role = 'FIRM',
}: { email?: string; password?: string; displayName?: string; role?: string } = {}) {
  fireEvent.change(screen.getByTestId('register-email'), { target: { value: email } });
  fireEvent.change(screen.getByTestId('register-password'), { target: { value: password } });
  fireEvent.change(screen.getByTestId('register-display-name'), { target: { value: displayName } });
  if (role) {
    fireEvent.click(screen.getByTestId(`register-role-${role}`));
  }
  fireEvent.click(screen.getByTestId('register-submit'));
}

describe('RegisterPage', () => {
  it('registers with the UI language, then logs in with the same credentials', async () => {
    const backend = mockBackend({ [REGISTER]: accepted, [LOGIN]: signedIn(me({ displayName: '王芳', roles: ['FIRM'] })) });
    renderApp('/register');
    expect(await screen.findByRole('heading', { level: 1, name: '注册' })).toBeDefined();
    fireEvent.change(screen.getByTestId('language-select'), { target: { value: 'en' } });

    fillIn();

    expect((await screen.findByTestId('user-menu-name')).textContent).toBe('王芳');
    expect(backend.callsTo(REGISTER)[0]!.body).toEqual({
      email: 'wang.fang@example.cn',
      password: 'Xiangjiang corridor 2025',
      displayName: '王芳',
      role: 'FIRM',
      locale: 'en',
    });
    expect(backend.callsTo(LOGIN)[0]!.body).toEqual({ email: 'wang.fang@example.cn', password: 'Xiangjiang corridor 2025' });
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toContain('One platform');
  });

  it('offers the three self-service roles with explanations', async () => {
    renderApp('/register');
    const group = await screen.findByRole('group', { name: '您主要以什么身份使用平台？' });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((radio) => (radio as HTMLInputElement).value)).toEqual(['RESEARCHER', 'FIRM', 'INVESTOR']);
    expect(within(group).getByLabelText(/研究人员/)).toBe(screen.getByTestId('register-role-RESEARCHER'));
    expect(within(group).getByLabelText(/企业用户/)).toBe(screen.getByTestId('register-role-FIRM'));
    expect(within(group).getByLabelText(/投资人/)).toBe(screen.getByTestId('register-role-INVESTOR'));
    expect(screen.getByTestId('register-role-FIRM').getAttribute('aria-describedby')).toBe('register-role-FIRM-help');
    expect(screen.queryByDisplayValue('ADMIN')).toBeNull();
  });

  it('does not claim the email exists when the login after registering fails', async () => {
    mockBackend({ [REGISTER]: accepted, [LOGIN]: () => problemResponse(401, 'Unauthorized') });
    renderApp('/register');
    await screen.findByTestId('register-email');

    fillIn();

    const message = await screen.findByTestId('register-not-completed');
    expect(message.textContent).toContain('无法使用这些信息完成注册。如果您已有账号，请直接登录。');
    expect(message.textContent).not.toMatch(/已被注册|already registered|exists/);
    expect(screen.queryByTestId('user-menu-name')).toBeNull();
  });

  it('shows the server’s field errors next to the fields', async () => {
    mockBackend({
      [REGISTER]: () =>
        problemResponse(400, 'Bad Request', {
          errors: [
            { field: 'password', message: '该密码过于常见。' },
            { field: 'email', message: '邮箱格式不正确。' },
          ],
        }),
    });
    renderApp('/register');
    await screen.findByTestId('register-email');

    fillIn();

    const passwordError = await screen.findByTestId('field-error-password');
    expect(passwordError.textContent).toBe('该密码过于常见。');
    expect(screen.getByTestId('field-error-email').textContent).toBe('邮箱格式不正确。');
    const password = screen.getByTestId('register-password');
    expect(password.getAttribute('aria-describedby')).toBe('register-password-hint register-password-error');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('register-email')));
    expect(screen.queryByTestId('problem-alert')).toBeNull();
  });

  it('shows a rate-limit problem on 429', async () => {
    mockBackend({ [REGISTER]: () => problemResponse(429, 'Too Many Requests', {}, { 'Retry-After': '60' }) });
    renderApp('/register');
    await screen.findByTestId('register-email');

    fillIn();

    expect((await screen.findByTestId('problem-alert')).textContent).toContain('Too Many Requests');
    expect(screen.getByTestId('problem-retry-after').textContent).toContain('60');
  });

  it('hints at the password policy and checks it before sending', async () => {
    const backend = mockBackend({});
    renderApp('/register');
    await screen.findByTestId('register-email');
    expect(document.getElementById('register-password-hint')?.textContent).toContain('12–128');

    fillIn({ password: 'short', role: '' });
    expect(screen.getByTestId('field-error-password').textContent).toBe('密码至少需要 12 个字符。');
    expect(screen.getByTestId('field-error-role').textContent).toBe('请选择一种身份。');

    fillIn({ email: 'wangfang@example.cn', password: 'my name is WangFang!!' });
    expect(screen.getByTestId('field-error-password').textContent).toContain('@');
    expect(backend.callsTo(REGISTER)).toHaveLength(0);
  });
});
