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
}

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
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const ACCEPT = 'application/json, application/problem+json';

/**
 * The headers sent with every request. This is the one place to add authentication
 * (e.g. an `Authorization` header) when identity arrives.
 */
function requestHeaders(hasBody: boolean): Headers {
  const headers = new Headers({ Accept: ACCEPT });
  if (hasBody) {
    headers.set('Content-Type', 'application/json');
  }
  return headers;
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
  return problem;
}

function isAbort(error: unknown, signal?: AbortSignal): boolean {
  return signal?.aborted === true || (error instanceof DOMException && error.name === 'AbortError');
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}

/**
 * Sends a request to the backend (same origin) and returns its JSON body as `T`.
 * Throws `ApiProblemError` for any non-2xx answer not listed in `acceptStatus`, for
 * network failures (status 0) and for unreadable answers. Aborts are rethrown as they are.
 */
export async function apiRequest<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const { signal, acceptStatus = [] } = options;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: requestHeaders(body !== undefined),
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (isAbort(error, signal)) {
      throw error;
    }
    throw new ApiProblemError(synthesized('network', 0), { cause: error });
  }

  if (response.ok || acceptStatus.includes(response.status)) {
    if (response.status === 204) {
      return undefined as T;
    }
    try {
      return (await readJson(response)) as T;
    } catch (error) {
      if (isAbort(error, signal)) {
        throw error;
      }
      throw new ApiProblemError(synthesized('invalidResponse', response.status), { cause: error });
    }
  }

  if (!isJson(response)) {
    throw new ApiProblemError(synthesized('http', response.status));
  }
  let problemBody: unknown;
  try {
    problemBody = await readJson(response);
  } catch (error) {
    if (isAbort(error, signal)) {
      throw error;
    }
    throw new ApiProblemError(synthesized('http', response.status), { cause: error });
  }
  throw new ApiProblemError(toProblemDetail(problemBody, response.status));
}

export function apiGet<T>(path: string, options?: RequestOptions): Promise<T> {
  return apiRequest<T>('GET', path, undefined, options);
}

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
