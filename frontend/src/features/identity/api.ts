import { ApiProblemError, apiGet, apiPatch, apiPost, invalidResponseProblem } from '../../api/client';
import type { Locale } from '../../i18n/messages';
import { isTokenResponse } from './session';
import type { Me, RegistrationRequest, TokenResponse } from './types';

export const AUTH_PATHS = {
  register: '/api/v1/auth/register',
  login: '/api/v1/auth/login',
  logout: '/api/v1/auth/logout',
  me: '/api/v1/me',
  password: '/api/v1/me/password',
} as const;

/** 202 with the same message whether or not the email was free (no user enumeration). */
export function register(request: RegistrationRequest): Promise<{ message?: string }> {
  return apiPost(AUTH_PATHS.register, request, { anonymous: true, noRenew: true });
}

export async function login(email: string, password: string): Promise<TokenResponse> {
  const response = await apiPost<unknown>(AUTH_PATHS.login, { email, password }, { anonymous: true, noRenew: true });
  if (!isTokenResponse(response)) {
    throw new ApiProblemError(invalidResponseProblem(200));
  }
  return response;
}

/** Ends the session on the server (revokes the refresh cookie). */
export function logout(): Promise<void> {
  return apiPost<void>(AUTH_PATHS.logout, undefined, { csrf: true, noRenew: true });
}

export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return apiGet<Me>(AUTH_PATHS.me, { signal });
}

export function updateMe(changes: { displayName?: string; locale?: Locale }): Promise<Me> {
  return apiPatch<Me>(AUTH_PATHS.me, changes);
}

/** 204; the server ends all sessions of the user, so log in again afterwards. */
export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return apiPost<void>(AUTH_PATHS.password, { currentPassword, newPassword });
}
