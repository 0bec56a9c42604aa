import { vi } from 'vitest';
import type { Me, TokenResponse } from '../features/identity/types';

/** A fetch Response with a JSON body. */
export function jsonResponse(body: unknown, status = 200, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

/** A problem+json response. */
export function problemResponse(
  status: number,
  title: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title, status, ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

export const noContent = () => new Response(null, { status: 204 });

/** What the mocked backend sees of one request. */
export interface MockRequest {
  method: string;
  /** Path and query, e.g. `/api/v1/admin/users?page=0`. */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
  /** The body as sent when it is not JSON text (e.g. FormData of an upload). */
  rawBody: unknown;
}

export type RouteHandler = (request: MockRequest) => Response | Promise<Response>;

function toRequest(input: RequestInfo | URL, init?: RequestInit): MockRequest {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
  const parsed = new URL(url, 'http://localhost');
  const text = typeof init?.body === 'string' ? init.body : undefined;
  return {
    method: init?.method ?? 'GET',
    url,
    path: parsed.pathname,
    query: parsed.searchParams,
    headers: new Headers(init?.headers),
    body: text ? JSON.parse(text) : undefined,
    rawBody: init?.body,
  };
}

/** The backend when nobody is logged in: refresh answers 401, anything else 404. */
export async function anonymousBackend(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = toRequest(input, init);
  if (request.path === '/api/v1/auth/refresh') {
    return problemResponse(401, 'Unauthorized');
  }
  return problemResponse(404, 'Not Found');
}

/**
 * Stubs `fetch` with a backend made of routes keyed `"METHOD /path"` (the query is not part
 * of the key). A handler may be a list: each call takes the next one, the last repeats.
 * The refresh route defaults to 401 (anonymous); unknown routes answer 404.
 */
export function mockBackend(routes: Record<string, RouteHandler | RouteHandler[]>) {
  const calls: MockRequest[] = [];
  const counters = new Map<string, number>();
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = toRequest(input, init);
    calls.push(request);
    const key = `${request.method} ${request.path}`;
    const route = routes[key];
    if (!route) {
      return anonymousBackend(input, init);
    }
    if (Array.isArray(route)) {
      const index = counters.get(key) ?? 0;
      counters.set(key, index + 1);
      return route[Math.min(index, route.length - 1)]!(request);
    }
    return route(request);
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    fetchMock,
    calls,
    /** The requests to `"METHOD /path"`. */
    callsTo: (key: string) => calls.filter((call) => `${call.method} ${call.path}` === key),
  };
}

export function me(overrides: Partial<Me> = {}): Me {
  return {
    id: 'u-1',
    email: 'li.hua@example.cn',
    displayName: '李华',
    locale: 'zh-CN',
    roles: ['RESEARCHER'],
    createdAt: '2025-03-01T08:00:00Z',
    memberships: [],
    ...overrides,
  };
}

export function tokens(user: Me = me(), accessToken = 'token-1', expiresIn = 600): TokenResponse {
  return { accessToken, tokenType: 'Bearer', expiresIn, user };
}

/** A route answering a login/refresh with `tokens`. */
export const signedIn =
  (user: Me = me(), accessToken = 'token-1', expiresIn = 600): RouteHandler =>
  () =>
    jsonResponse(tokens(user, accessToken, expiresIn));

export const admin = (overrides: Partial<Me> = {}) =>
  me({ id: 'admin-1', email: 'admin@czt.example.cn', displayName: '平台管理员', roles: ['ADMIN'], ...overrides });
