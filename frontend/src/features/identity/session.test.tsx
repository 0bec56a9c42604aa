import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { apiGet } from '../../api/client';
import { me, mockBackend, problemResponse, signedIn, tokens } from '../../test/api';
import { jsonResponse, renderApp } from '../../test/render';
import { REFRESH_MARGIN_MS, getAccessToken, getSessionState, refreshDelayMs, refreshSession, restoreSession, startSession } from './session';

const REFRESH = 'POST /api/v1/auth/refresh';

describe('session restore on app start', () => {
  it('is signed in when the refresh cookie still holds (200)', async () => {
    const backend = mockBackend({ [REFRESH]: signedIn(me({ displayName: '王芳' })) });
    renderApp('/');

    expect((await screen.findByTestId('user-menu-name')).textContent).toBe('王芳');
    expect(screen.queryByTestId('nav-login')).toBeNull();

    const [refresh] = backend.callsTo(REFRESH);
    expect(refresh).toBeDefined();
    expect(refresh!.headers.get('X-Requested-With')).toBe('czt-web');
    expect(refresh!.headers.has('Authorization')).toBe(false);
    const init = backend.fetchMock.mock.calls[0]![1];
    expect(init?.credentials).toBe('same-origin');
    expect(getAccessToken()).toBe('token-1');
  });

  it('is anonymous, without any error shown, when refresh answers 401', async () => {
    const backend = mockBackend({});
    renderApp('/');

    expect(await screen.findByTestId('nav-login')).toBeDefined();
    expect(screen.getByTestId('nav-register')).toBeDefined();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(backend.callsTo(REFRESH)).toHaveLength(1);
    expect(getSessionState().status).toBe('anonymous');
  });

  it('tries once more when another tab refreshed with the same cookie a moment earlier', async () => {
    let calls = 0;
    const backend = mockBackend({
      [REFRESH]: (request) => {
        calls += 1;
        return calls === 1
          ? problemResponse(401, 'Session refreshed elsewhere', { type: 'urn:czt:problem:refresh-concurrent' })
          : signedIn(me({ displayName: '李雷' }))(request);
      },
    });
    renderApp('/');

    expect((await screen.findByTestId('user-menu-name', {}, { timeout: 3000 })).textContent).toBe('李雷');
    expect(backend.callsTo(REFRESH)).toHaveLength(2);
  });

  it('keeps the token out of web storage', async () => {
    mockBackend({ [REFRESH]: signedIn(me(), 'secret-token') });
    renderApp('/');
    await screen.findByTestId('user-menu-name');

    const stored = [window.localStorage, window.sessionStorage].flatMap((storage) =>
      Object.keys(storage).map((key) => storage.getItem(key) ?? ''),
    );
    expect(stored.join(' ')).not.toContain('secret-token');
  });
});

describe('API client with a session', () => {
  it('adds the bearer token to API calls', async () => {
    const backend = mockBackend({ 'GET /api/v1/things': () => jsonResponse({ ok: true }) });
    startSession(tokens(me(), 'abc'));

    await apiGet('/api/v1/things');

    expect(backend.callsTo('GET /api/v1/things')[0]!.headers.get('Authorization')).toBe('Bearer abc');
  });

  it('sends no Authorization header when anonymous', async () => {
    const backend = mockBackend({ 'GET /api/v1/things': () => jsonResponse({ ok: true }) });
    await apiGet('/api/v1/things');
    expect(backend.callsTo('GET /api/v1/things')[0]!.headers.has('Authorization')).toBe(false);
  });

  it('on 401 refreshes once and retries the call once with the new token', async () => {
    const backend = mockBackend({
      'GET /api/v1/things': (request) =>
        request.headers.get('Authorization') === 'Bearer new'
          ? jsonResponse({ ok: true })
          : problemResponse(401, 'Unauthorized'),
      [REFRESH]: signedIn(me(), 'new'),
    });
    startSession(tokens(me(), 'old'));

    await expect(apiGet('/api/v1/things')).resolves.toEqual({ ok: true });

    expect(backend.callsTo(REFRESH)).toHaveLength(1);
    expect(backend.callsTo('GET /api/v1/things').map((call) => call.headers.get('Authorization'))).toEqual([
      'Bearer old',
      'Bearer new',
    ]);
  });

  it('shares one refresh between concurrent 401s', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const backend = mockBackend({
      'GET /api/v1/a': (request) =>
        request.headers.get('Authorization') === 'Bearer new' ? jsonResponse('a') : problemResponse(401, 'Unauthorized'),
      'GET /api/v1/b': (request) =>
        request.headers.get('Authorization') === 'Bearer new' ? jsonResponse('b') : problemResponse(401, 'Unauthorized'),
      [REFRESH]: async () => {
        await gate;
        return jsonResponse(tokens(me(), 'new'));
      },
    });
    startSession(tokens(me(), 'old'));

    const both = Promise.all([apiGet('/api/v1/a'), apiGet('/api/v1/b'), refreshSession()]);
    await vi.waitFor(() => expect(backend.callsTo(REFRESH)).toHaveLength(1));
    release();

    await expect(both).resolves.toEqual(['a', 'b', 'renewed']);
    expect(backend.callsTo(REFRESH)).toHaveLength(1);
  });

  it('does not retry a second time when the retried call is 401 again', async () => {
    const backend = mockBackend({
      'GET /api/v1/things': () => problemResponse(401, 'Unauthorized'),
      [REFRESH]: signedIn(me(), 'new'),
    });
    startSession(tokens(me(), 'old'));

    await expect(apiGet('/api/v1/things')).rejects.toHaveProperty('problem.status', 401);
    expect(backend.callsTo('GET /api/v1/things')).toHaveLength(2);
    expect(backend.callsTo(REFRESH)).toHaveLength(1);
  });

  it('becomes anonymous when the refresh fails', async () => {
    const backend = mockBackend({ 'GET /api/v1/things': () => problemResponse(401, 'Unauthorized') });
    startSession(tokens(me(), 'old'));

    await expect(apiGet('/api/v1/things')).rejects.toHaveProperty('problem.status', 401);

    expect(backend.callsTo('GET /api/v1/things')).toHaveLength(1);
    expect(getAccessToken()).toBeNull();
    expect(getSessionState().status).toBe('anonymous');
  });

  it('does not refresh for a 401 when there is no session', async () => {
    const backend = mockBackend({ 'GET /api/v1/things': () => problemResponse(401, 'Unauthorized') });
    await expect(apiGet('/api/v1/things')).rejects.toHaveProperty('problem.status', 401);
    expect(backend.callsTo(REFRESH)).toHaveLength(0);
  });

  it('sends the user to /login?next=<path> when the session cannot be renewed', async () => {
    let refreshes = 0;
    const backend = mockBackend({
      [REFRESH]: () => {
        refreshes += 1;
        return refreshes === 1 ? jsonResponse(tokens(me(), 'old')) : problemResponse(401, 'Unauthorized');
      },
      'GET /api/v1/me': () => problemResponse(401, 'Unauthorized'),
    });
    renderApp('/organisations/mine?tab=1');

    expect(await screen.findByRole('heading', { level: 1, name: '登录' })).toBeDefined();
    expect(backend.callsTo(REFRESH)).toHaveLength(2);
    expect(screen.getByTestId('nav-login')).toBeDefined();
    // After logging in, the user comes back to where they were.
    backend.fetchMock.mockClear();
    mockBackend({
      'POST /api/v1/auth/login': signedIn(me(), 'fresh'),
      'GET /api/v1/me': () => jsonResponse(me()),
    });
    fireEvent.change(screen.getByTestId('login-email'), { target: { value: 'li.hua@example.cn' } });
    fireEvent.change(screen.getByTestId('login-password'), { target: { value: 'correct horse battery' } });
    fireEvent.click(screen.getByTestId('login-submit'));
    expect(await screen.findByRole('heading', { level: 1, name: '我的机构' })).toBeDefined();
  });
});

describe('scheduled refresh', () => {
  it('renews the token shortly before it expires', async () => {
    vi.useFakeTimers();
    const backend = mockBackend({ [REFRESH]: [signedIn(me(), 'first', 600), signedIn(me(), 'second', 600)] });
    await act(() => restoreSession());
    expect(getAccessToken()).toBe('first');

    await act(() => vi.advanceTimersByTimeAsync(600_000 - REFRESH_MARGIN_MS - 1));
    expect(backend.callsTo(REFRESH)).toHaveLength(1);

    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(backend.callsTo(REFRESH)).toHaveLength(2);
    expect(getAccessToken()).toBe('second');
  });

  it('ends the session when the scheduled refresh is rejected', async () => {
    vi.useFakeTimers();
    mockBackend({ [REFRESH]: [signedIn(me(), 'first', 600), () => problemResponse(401, 'Unauthorized')] });
    await act(() => restoreSession());

    await act(() => vi.advanceTimersByTimeAsync(600_000));
    expect(getSessionState().status).toBe('anonymous');
    expect(getAccessToken()).toBeNull();
  });

  it('refreshes at most a minute early, and at half the lifetime for short tokens', () => {
    expect(refreshDelayMs(600)).toBe(540_000);
    expect(refreshDelayMs(60)).toBe(30_000);
  });
});

describe('logout', () => {
  it('posts the CSRF header and bearer token, then becomes anonymous', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(me(), 'tok'),
      'POST /api/v1/auth/logout': () => new Response(null, { status: 204 }),
    });
    renderApp('/status');
    await screen.findByTestId('user-menu-name');

    fireEvent.click(screen.getByTestId('nav-logout'));

    expect(await screen.findByTestId('nav-login')).toBeDefined();
    const [logout] = backend.callsTo('POST /api/v1/auth/logout');
    expect(logout!.headers.get('X-Requested-With')).toBe('czt-web');
    expect(logout!.headers.get('Authorization')).toBe('Bearer tok');
    expect(getAccessToken()).toBeNull();
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('一个平台'));
  });
});
