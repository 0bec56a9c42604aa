import { getActiveLocale, translate } from '../i18n/messages';

/** One rejected field, our extension to RFC 9457 problem details (`errors`). */
export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem detail as the backend sends it (`application/problem+json`). */
export interface ProblemDetail {
  type: string;
  title: string;
  /** The HTTP status; 0 when no response arrived (network failure). */
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  /**
   * Client-side addition: the seconds from the `Retry-After` header of the answer (e.g. of a
   * 429), when it sent one. Not part of the server's body.
   */
  retryAfter?: number;
  /**
   * The members of the server's body beyond those above (RFC 9457 extension members, e.g.
   * `engagementId` of a 409 that points to an existing engagement); absent when there are none.
   */
  extensions?: Record<string, unknown>;
}

/** The members every problem has; the rest of a server's problem body are its extensions. */
const STANDARD_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'instance', 'errors']);

/**
 * `type` of the problems this client makes up itself when the server sent none. The UI
 * knows them and can re-localize their texts when the language changes.
 */
export const CLIENT_PROBLEM_TYPES = {
  network: 'urn:czt:problem:network',
  http: 'urn:czt:problem:http',
  invalidResponse: 'urn:czt:problem:invalid-response',
} as const;

/** Thrown for every failed request; `problem` says what went wrong. */
export class ApiProblemError extends Error {
  readonly problem: ProblemDetail;

  constructor(problem: ProblemDetail, options?: { cause?: unknown }) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title, options);
    this.name = 'ApiProblemError';
    this.problem = problem;
  }
}

export interface RequestOptions {
  signal?: AbortSignal;
  /**
   * Non-2xx statuses whose JSON body is a normal answer rather than a problem, e.g. 503
   * from `/actuator/health`, which still carries the health report.
   */
  acceptStatus?: readonly number[];
  /**
   * Sends `X-Requested-With: czt-web`, which the backend requires on the cookie-authenticated
   * auth endpoints (refresh, logout) as its CSRF defence.
   */
  csrf?: boolean;
  /** Sends no `Authorization` header even when a session is held (login, register, refresh). */
  anonymous?: boolean;
  /** Does not try to renew the session and retry when the answer is 401. */
  noRenew?: boolean;
  /** The `Accept` header, when the answer is not JSON (files). */
  accept?: string;
}

/**
 * How the client takes part in the session without knowing it: the identity feature
 * installs these hooks (see `features/identity/session.ts`).
 */
export interface AuthHooks {
  /** The access token to send as `Authorization: Bearer …`, or null when anonymous. */
  accessToken(): string | null;
  /**
   * Called once when a request sent with `usedToken` was answered 401: renews the session
   * (deduplicated) and answers whether the request should be retried with the new token.
   * It never throws; when it answers false the session is over.
   */
  renew(usedToken: string): Promise<boolean>;
}

let authHooks: AuthHooks | null = null;

export function setAuthHooks(hooks: AuthHooks | null): void {
  authHooks = hooks;
}

/** The value of `X-Requested-With` on refresh and logout. */
export const CSRF_HEADER_VALUE = 'czt-web';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const ACCEPT = 'application/json, application/problem+json';

/**
 * The headers sent with every request: the one place where authentication is added
 * (`Authorization: Bearer …` while a session is held, `X-Requested-With` where asked for).
 * `Accept-Language` lets the server localize the messages of its problems.
 */
function requestHeaders(body: unknown, options: RequestOptions, accessToken: string | null): Headers {
  const headers = new Headers({ Accept: options.accept ?? ACCEPT, 'Accept-Language': getActiveLocale() });
  // FormData sets its own multipart Content-Type (with the boundary).
  if (body !== undefined && !(body instanceof FormData)) {
    headers.set('Content-Type', 'application/json');
  }
  if (accessToken && !options.anonymous) {
    headers.set('Authorization', `Bearer ${accessToken}`);
  }
  if (options.csrf) {
    headers.set('X-Requested-With', CSRF_HEADER_VALUE);
  }
  return headers;
}

/** Seconds from a `Retry-After` header (delay-seconds or an HTTP date), if any. */
export function retryAfterSeconds(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) {
    return undefined;
  }
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed);
  }
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

function synthesized(kind: keyof typeof CLIENT_PROBLEM_TYPES, status: number): ProblemDetail {
  const locale = getActiveLocale();
  return {
    type: CLIENT_PROBLEM_TYPES[kind],
    title: translate(locale, `problem.${kind}.title`),
    status,
    detail: translate(locale, `problem.${kind}.detail`, { status }),
  };
}

/** The (localized) problem for a 2xx answer whose body is not what was expected. */
export function invalidResponseProblem(status: number): ProblemDetail {
  return synthesized('invalidResponse', status);
}

function isJson(response: Response): boolean {
  const contentType = response.headers.get('Content-Type') ?? '';
  return /^application\/([\w.+-]+\+)?json\b/i.test(contentType.trim());
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldErrors(value: unknown): FieldError[] | undefined {
  if (!Array.isArray(value)) {
    return undefined;
  }
  return value
    .filter(isRecord)
    .map((error) => ({ field: String(error.field ?? ''), message: String(error.message ?? '') }));
}

/** Reads a problem body defensively: the server (or a proxy in front of it) may send anything. */
export function toProblemDetail(body: unknown, httpStatus: number): ProblemDetail {
  if (!isRecord(body)) {
    return synthesized('http', httpStatus);
  }
  const fallback = synthesized('http', httpStatus);
  const problem: ProblemDetail = {
    type: typeof body.type === 'string' ? body.type : 'about:blank',
    title: typeof body.title === 'string' && body.title ? body.title : fallback.title,
    status: typeof body.status === 'number' ? body.status : httpStatus,
  };
  if (typeof body.detail === 'string') {
    problem.detail = body.detail;
  }
  if (typeof body.instance === 'string') {
    problem.instance = body.instance;
  }
  const errors = fieldErrors(body.errors);
  if (errors) {
    problem.errors = errors;
  }
  const extensions = Object.entries(body).filter(([name]) => !STANDARD_MEMBERS.has(name));
  if (extensions.length > 0) {
    problem.extensions = Object.fromEntries(extensions);
  }
  return problem;
}

function isAbort(error: unknown, signal?: AbortSignal): boolean {
  return signal?.aborted === true || (error instanceof DOMException && error.name === 'AbortError');
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}

async function send(
  method: Method,
  path: string,
  body: unknown,
  options: RequestOptions,
  accessToken: string | null,
): Promise<Response> {
  const { signal } = options;
  try {
    return await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: requestHeaders(body, options, accessToken),
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (isAbort(error, signal)) {
      throw error;
    }
    throw new ApiProblemError(synthesized('network', 0), { cause: error });
  }
}

function withRetryAfter(problem: ProblemDetail, response: Response): ProblemDetail {
  const retryAfter = retryAfterSeconds(response.headers.get('Retry-After'));
  return retryAfter === undefined ? problem : { ...problem, retryAfter };
}

/**
 * Sends a request to the backend (same origin) and returns its JSON body as `T`.
 * Throws `ApiProblemError` for any non-2xx answer not listed in `acceptStatus`, for
 * network failures (status 0) and for unreadable answers. Aborts are rethrown as they are.
 *
 * When a request sent with an access token is answered 401, the session is renewed once
 * (see `AuthHooks.renew`) and the request is sent again once.
 */
async function exchange(method: Method, path: string, body: unknown, options: RequestOptions): Promise<Response> {
  const { signal, acceptStatus = [] } = options;
  const usedToken = options.anonymous ? null : (authHooks?.accessToken() ?? null);
  let response = await send(method, path, body, options, usedToken);

  if (response.status === 401 && usedToken && authHooks && !options.noRenew) {
    if (await authHooks.renew(usedToken)) {
      response = await send(method, path, body, options, authHooks.accessToken());
    }
  }

  if (response.ok || acceptStatus.includes(response.status)) {
    return response;
  }

  if (!isJson(response)) {
    throw new ApiProblemError(withRetryAfter(synthesized('http', response.status), response));
  }
  let problemBody: unknown;
  try {
    problemBody = await readJson(response);
  } catch (error) {
    if (isAbort(error, signal)) {
      throw error;
    }
    throw new ApiProblemError(withRetryAfter(synthesized('http', response.status), response), { cause: error });
  }
  throw new ApiProblemError(withRetryAfter(toProblemDetail(problemBody, response.status), response));
}

/**
 * Sends a request to the backend (same origin) and returns its JSON body as `T`.
 * Throws `ApiProblemError` for any non-2xx answer not listed in `acceptStatus`, for
 * network failures (status 0) and for unreadable answers. Aborts are rethrown as they are.
 * A `FormData` body is sent as multipart/form-data (the browser sets its Content-Type).
 *
 * When a request sent with an access token is answered 401, the session is renewed once
 * (see `AuthHooks.renew`) and the request is sent again once.
 */
export async function apiRequest<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const response = await exchange(method, path, body, options);
  if (response.status === 204) {
    return undefined as T;
  }
  try {
    return (await readJson(response)) as T;
  } catch (error) {
    if (isAbort(error, options.signal)) {
      throw error;
    }
    throw new ApiProblemError(synthesized('invalidResponse', response.status), { cause: error });
  }
}

/** GETs a file (an image, a download) with the session's token, as a Blob. */
export async function apiBlob(path: string, options: RequestOptions = {}): Promise<Blob> {
  const response = await exchange('GET', path, undefined, { accept: '*/*', ...options });
  return response.blob();
}

export function apiGet<T>(path: string, options?: RequestOptions): Promise<T> {
  return apiRequest<T>('GET', path, undefined, options);
}

/** POSTs `body` as JSON; pass `undefined` to send no body. */
export function apiPost<T>(path: string, body: unknown, options?: RequestOptions): Promise<T> {
  return apiRequest<T>('POST', path, body, options);
}

export function apiPut<T>(path: string, body: unknown, options?: RequestOptions): Promise<T> {
  return apiRequest<T>('PUT', path, body, options);
}

export function apiPatch<T>(path: string, body: unknown, options?: RequestOptions): Promise<T> {
  return apiRequest<T>('PATCH', path, body, options);
}

export function apiDelete<T = void>(path: string, options?: RequestOptions): Promise<T> {
  return apiRequest<T>('DELETE', path, undefined, options);
}

/** Turns anything a request threw into a problem to show. */
export function problemOf(error: unknown): ProblemDetail {
  if (error instanceof ApiProblemError) {
    return error.problem;
  }
  return synthesized('network', 0);
}

/** The HTTP status of what a request threw (0 for network failures and non-API errors). */
export function statusOf(error: unknown): number {
  return error instanceof ApiProblemError ? error.problem.status : 0;
}

/** One page of a paged list as the API answers it. */
export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

/** `?a=1&b=x` from the defined, non-empty parameters (empty string when there are none). */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
