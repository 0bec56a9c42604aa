import { describe, expect, it, vi } from 'vitest';
import { setActiveLocale } from '../i18n/messages';
import { jsonResponse } from '../test/render';
import { ApiProblemError, CLIENT_PROBLEM_TYPES, apiGet, apiPost, queryString, retryAfterSeconds } from './client';

function stubFetch(implementation: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>) {
  const fetchMock = vi.fn(implementation);
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function problemFrom(promise: Promise<unknown>): Promise<ApiProblemError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ApiProblemError);
  return error as ApiProblemError;
}

describe('API client', () => {
  it('GETs JSON from the same origin with the problem-aware Accept header', async () => {
    const fetchMock = stubFetch(async () => jsonResponse({ hello: 'world' }));

    await expect(apiGet<{ hello: string }>('/api/things')).resolves.toEqual({ hello: 'world' });

    const [path, init] = fetchMock.mock.calls[0]!;
    expect(path).toBe('/api/things');
    expect(init?.method).toBe('GET');
    expect(init?.credentials).toBe('same-origin');
    const headers = new Headers(init?.headers);
    expect(headers.get('Accept')).toBe('application/json, application/problem+json');
    expect(headers.has('Content-Type')).toBe(false);
  });

  it('POSTs a JSON body', async () => {
    const fetchMock = stubFetch(async () => jsonResponse({ id: 7 }, 201));

    await expect(apiPost('/api/things', { name: '质谱仪' })).resolves.toEqual({ id: 7 });

    const init = fetchMock.mock.calls[0]![1];
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"name":"质谱仪"}');
    expect(new Headers(init?.headers).get('Content-Type')).toBe('application/json');
  });

  it('turns a problem+json answer into an ApiProblemError with the typed problem', async () => {
    stubFetch(async () =>
      jsonResponse(
        {
          type: 'https://czt-exchange.cn/problems/validation',
          title: 'Bad Request',
          status: 400,
          detail: 'Invalid request content.',
          instance: '/api/bookings',
          errors: [{ field: 'start', message: 'must be in the future' }],
        },
        400,
        'application/problem+json',
      ),
    );

    const error = await problemFrom(apiPost('/api/bookings', {}));

    expect(error.problem).toEqual({
      type: 'https://czt-exchange.cn/problems/validation',
      title: 'Bad Request',
      status: 400,
      detail: 'Invalid request content.',
      instance: '/api/bookings',
      errors: [{ field: 'start', message: 'must be in the future' }],
    });
    expect(error.message).toBe('Bad Request: Invalid request content.');
  });

  it('keeps the members a problem adds beyond the standard ones as its extensions', async () => {
    stubFetch(async () =>
      jsonResponse(
        { type: 'about:blank', title: 'Engagement already under way', status: 409, engagementId: 'g-7', engagement: '/api/v1/engagements/g-7' },
        409,
        'application/problem+json',
      ),
    );

    const error = await problemFrom(apiPost('/api/v1/engagements', {}));

    expect(error.problem).toEqual({
      type: 'about:blank',
      title: 'Engagement already under way',
      status: 409,
      extensions: { engagementId: 'g-7', engagement: '/api/v1/engagements/g-7' },
    });
  });

  it('turns a network failure into a synthesized, localized problem with status 0', async () => {
    stubFetch(async () => {
      throw new TypeError('Failed to fetch');
    });

    const zh = await problemFrom(apiGet('/api/things'));
    expect(zh.problem).toMatchObject({ type: CLIENT_PROBLEM_TYPES.network, status: 0, title: '无法连接服务器' });
    expect(zh.cause).toBeInstanceOf(TypeError);

    setActiveLocale('en');
    const en = await problemFrom(apiGet('/api/things'));
    expect(en.problem.title).toBe('Cannot reach the server');
  });

  it('turns a non-JSON error page into a problem with the HTTP status', async () => {
    stubFetch(async () => new Response('<html>Bad Gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }));

    const error = await problemFrom(apiGet('/api/things'));

    expect(error.problem).toMatchObject({ type: CLIENT_PROBLEM_TYPES.http, status: 502, title: '请求失败' });
    expect(error.problem.detail).toContain('502');
  });

  it('returns the body of an accepted non-2xx status instead of throwing', async () => {
    stubFetch(async () => jsonResponse({ status: 'DOWN' }, 503));

    await expect(apiGet('/actuator/health', { acceptStatus: [503] })).resolves.toEqual({ status: 'DOWN' });
    await expect(apiGet('/actuator/health')).rejects.toBeInstanceOf(ApiProblemError);
  });

  it('returns undefined for 204 No Content', async () => {
    stubFetch(async () => new Response(null, { status: 204 }));
    await expect(apiPost('/api/things/7/like', {})).resolves.toBeUndefined();
  });

  it('rethrows aborts unchanged', async () => {
    stubFetch(async () => {
      throw new DOMException('The operation was aborted.', 'AbortError');
    });
    const controller = new AbortController();
    controller.abort();
    await expect(apiGet('/api/things', { signal: controller.signal })).rejects.toHaveProperty('name', 'AbortError');
  });
});

describe('API client headers and extensions', () => {
  it('sends the UI language as Accept-Language', async () => {
    const fetchMock = stubFetch(async () => jsonResponse({}));
    setActiveLocale('en');
    await apiGet('/api/things');
    expect(new Headers(fetchMock.mock.calls[0]![1]?.headers).get('Accept-Language')).toBe('en');
  });

  it('adds X-Requested-With only when asked (refresh, logout)', async () => {
    const fetchMock = stubFetch(async () => new Response(null, { status: 204 }));
    await apiPost('/api/v1/auth/logout', undefined, { csrf: true });
    await apiPost('/api/things', undefined);
    const [withCsrf, without] = fetchMock.mock.calls.map(([, init]) => new Headers(init?.headers));
    expect(withCsrf!.get('X-Requested-With')).toBe('czt-web');
    expect(without!.has('X-Requested-With')).toBe(false);
    expect(fetchMock.mock.calls[0]![1]?.body).toBeUndefined();
  });

  it('keeps the Retry-After seconds of a 429 on the problem', async () => {
    stubFetch(
      async () =>
        new Response(JSON.stringify({ title: 'Too Many Requests', status: 429 }), {
          status: 429,
          headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '30' },
        }),
    );
    const error = await problemFrom(apiPost('/api/v1/auth/login', {}));
    expect(error.problem.retryAfter).toBe(30);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2025-04-01T00:00:00Z');
    expect(retryAfterSeconds('120', now)).toBe(120);
    expect(retryAfterSeconds('Tue, 01 Apr 2025 00:01:30 GMT', now)).toBe(90);
    expect(retryAfterSeconds(null, now)).toBeUndefined();
    expect(retryAfterSeconds('soon', now)).toBeUndefined();
  });

  it('builds query strings from the given parameters only', () => {
    expect(queryString({ query: '质谱', type: '', page: 0, size: undefined })).toBe('?query=%E8%B4%A8%E8%B0%B1&page=0');
    expect(queryString({})).toBe('');
  });
});
