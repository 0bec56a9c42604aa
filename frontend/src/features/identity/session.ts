import { ApiProblemError, apiPost, setAuthHooks } from '../../api/client';
import type { Me, TokenResponse } from './types';

/**
 * The session of this browser tab.
 *
 * The access token lives only in this module (memory), never in localStorage or
 * sessionStorage, so a script injected into the page cannot read it from storage and it is
 * gone when the tab closes. The refresh token is an HttpOnly cookie that only the browser
 * sees; `POST /api/v1/auth/refresh` trades it for a new access token (and a new cookie).
 *
 * Refreshes are deduplicated: the server rotates the refresh token on every use and treats a
 * second use of the same one as theft (REFRESH_TOKEN_REUSED), so two concurrent refreshes
 * from this tab would end the session.
 */

export const REFRESH_PATH = '/api/v1/auth/refresh';

/** How long before the access token expires it is renewed (at most half its lifetime). */
export const REFRESH_MARGIN_MS = 60_000;
/** After a refresh that failed for lack of network, try again this much later. */
export const REFRESH_RETRY_MS = 15_000;

export type SessionStatus = 'unknown' | 'anonymous' | 'signedIn';

export interface SessionState {
  /** `unknown` until the refresh on app start has answered. */
  status: SessionStatus;
  user: Me | null;
}

const UNKNOWN: SessionState = { status: 'unknown', user: null };
const ANONYMOUS: SessionState = { status: 'anonymous', user: null };

let state: SessionState = UNKNOWN;
let accessToken: string | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshInFlight: Promise<RefreshOutcome> | null = null;
let expiredHandler: (() => void) | null = null;
/** Bumped by `resetSession`, so that answers to requests from before it are ignored. */
let generation = 0;
const listeners = new Set<() => void>();

type RefreshOutcome = 'renewed' | 'rejected' | 'failed';

function setState(next: SessionState): void {
  state = next;
  for (const listener of listeners) {
    listener();
  }
}

/** For `useSyncExternalStore`. */
export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getSessionState(): SessionState {
  return state;
}

export function getAccessToken(): string | null {
  return accessToken;
}

function cancelScheduledRefresh(): void {
  if (refreshTimer !== undefined) {
    clearTimeout(refreshTimer);
    refreshTimer = undefined;
  }
}

function scheduleRefresh(delayMs: number): void {
  cancelScheduledRefresh();
  refreshTimer = setTimeout(() => {
    refreshTimer = undefined;
    const tokenBefore = accessToken;
    void refreshSession().then((outcome) => {
      if (accessToken !== tokenBefore) {
        return; // a login or another refresh has taken over
      }
      if (outcome === 'rejected') {
        // The session is over; guarded pages send the user to the login page.
        endSession();
      } else if (outcome === 'failed' && accessToken) {
        scheduleRefresh(REFRESH_RETRY_MS);
      }
    });
  }, delayMs);
}

/** The delay before renewing a token that expires in `expiresIn` seconds. */
export function refreshDelayMs(expiresIn: number): number {
  const lifetime = Math.max(0, expiresIn) * 1000;
  return Math.max(lifetime - REFRESH_MARGIN_MS, lifetime / 2);
}

/** Holds the token and user of a login or refresh answer and schedules the next refresh. */
export function startSession(response: TokenResponse): void {
  accessToken = response.accessToken;
  scheduleRefresh(refreshDelayMs(response.expiresIn));
  setState({ status: 'signedIn', user: response.user });
}

/** Replaces the signed-in user (after `GET`/`PATCH /api/v1/me`). */
export function updateSessionUser(user: Me): void {
  if (state.status === 'signedIn') {
    setState({ status: 'signedIn', user });
  }
}

/** Forgets the token and the user: anonymous from now on. */
export function endSession(): void {
  accessToken = null;
  cancelScheduledRefresh();
  if (state.status !== 'anonymous') {
    setState(ANONYMOUS);
  }
}

/** Whether a login or refresh answer has what a session needs (a proxy may answer anything). */
export function isTokenResponse(value: unknown): value is TokenResponse {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Partial<TokenResponse>;
  return (
    typeof candidate.accessToken === 'string' &&
    candidate.accessToken.length > 0 &&
    typeof candidate.expiresIn === 'number' &&
    typeof candidate.user === 'object' &&
    candidate.user !== null &&
    Array.isArray(candidate.user.roles)
  );
}

/**
 * The server's answer when another tab refreshed with the same cookie a moment earlier: that
 * tab's answer has set the new cookie, so one more try a little later succeeds.
 */
export const CONCURRENT_REFRESH_PROBLEM = 'urn:czt:problem:refresh-concurrent';

const CONCURRENT_REFRESH_RETRY_MS = 300;

function doRefresh(retried = false): Promise<RefreshOutcome> {
  const started = generation;
  return apiPost<TokenResponse>(REFRESH_PATH, undefined, { csrf: true, anonymous: true, noRenew: true }).then(
    (response) => {
      if (!isTokenResponse(response) || started !== generation) {
        return 'failed' as const;
      }
      startSession(response);
      return 'renewed' as const;
    },
    (error: unknown) => {
      if (!retried && error instanceof ApiProblemError && error.problem.type === CONCURRENT_REFRESH_PROBLEM) {
        return new Promise<void>((resolve) => setTimeout(resolve, CONCURRENT_REFRESH_RETRY_MS)).then(() =>
          doRefresh(true),
        );
      }
      if (error instanceof ApiProblemError && error.problem.status >= 400 && error.problem.status < 500) {
        return 'rejected' as const;
      }
      return 'failed' as const;
    },
  );
}

/**
 * Trades the refresh cookie for a new access token. Concurrent callers share one request.
 * `renewed` holds the new session; `rejected` (4xx, e.g. 401 without a valid cookie) and
 * `failed` (network, 5xx) change nothing: the caller decides.
 */
export function refreshSession(): Promise<RefreshOutcome> {
  if (!refreshInFlight) {
    refreshInFlight = doRefresh().finally(() => {
      refreshInFlight = null;
    });
  }
  return refreshInFlight;
}

/** On app start: signed in if the refresh cookie still holds, otherwise anonymous, silently. */
export async function restoreSession(): Promise<void> {
  if (state.status !== 'unknown') {
    return;
  }
  const started = generation;
  const outcome = await refreshSession();
  if (outcome !== 'renewed' && state.status === 'unknown' && started === generation) {
    setState(ANONYMOUS);
  }
}

/** Called when a held session could not be renewed after a 401 (the UI sends the user to log in). */
export function setSessionExpiredHandler(handler: (() => void) | null): void {
  expiredHandler = handler;
}

/**
 * The API client's 401 hook: one (shared) refresh, then retry. If another request already
 * renewed the token the failed one was sent with, just retry with the new token.
 */
async function renewAfterUnauthorized(usedToken: string): Promise<boolean> {
  if (accessToken && accessToken !== usedToken) {
    return true;
  }
  if (!accessToken) {
    return false;
  }
  const outcome = await refreshSession();
  if (outcome === 'renewed') {
    return true;
  }
  // Concurrent requests share the refresh; only the first to get here ends the session.
  const wasSignedIn = state.status === 'signedIn';
  endSession();
  if (wasSignedIn) {
    expiredHandler?.();
  }
  return false;
}

setAuthHooks({ accessToken: getAccessToken, renew: renewAfterUnauthorized });

/** Back to the state of a fresh page load (tests). */
export function resetSession(): void {
  generation += 1;
  accessToken = null;
  cancelScheduledRefresh();
  refreshInFlight = null;
  expiredHandler = null;
  listeners.clear();
  state = UNKNOWN;
}
