import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider';
import * as api from './api';
import {
  endSession,
  getSessionState,
  restoreSession,
  setSessionExpiredHandler,
  startSession,
  subscribeSession,
  updateSessionUser,
  type SessionStatus,
} from './session';
import type { Me, Role } from './types';

export interface Auth {
  status: SessionStatus;
  user: Me | null;
  hasRole: (role: Role) => boolean;
  /**
   * Logs in (throws `ApiProblemError` on failure). By default the UI switches to the user's
   * preferred language.
   */
  login: (email: string, password: string, options?: { applyLocale?: boolean }) => Promise<Me>;
  /** Ends the session on the server and here; never throws. */
  logout: () => Promise<void>;
  /** Reads `GET /api/v1/me` again (e.g. after membership changes). */
  reloadUser: (signal?: AbortSignal) => Promise<Me>;
  /** Takes a `Me` the server answered (e.g. after `PATCH /api/v1/me`). */
  setUser: (user: Me) => void;
}

const AuthContext = createContext<Auth | null>(null);

const LOGIN_PATHS = ['/login', '/register'];

/** `/login?next=<path>`, to come back to `path` after logging in. */
export function loginPath(next: string): string {
  return next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login';
}

/**
 * The `next` parameter, if it is a path of this app; anything else (other sites,
 * protocol-relative `//host`, the login pages themselves) gives `/`.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return '/';
  }
  const path = next.split(/[?#]/, 1)[0] ?? '';
  return LOGIN_PATHS.includes(path) ? '/' : next;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const session = useSyncExternalStore(subscribeSession, getSessionState, getSessionState);
  const { setLocale } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const here = useRef('/');
  useEffect(() => {
    here.current = `${location.pathname}${location.search}`;
  }, [location]);

  useEffect(() => {
    void restoreSession();
  }, []);

  useEffect(() => {
    setSessionExpiredHandler(() => {
      const path = here.current.split('?', 1)[0] ?? '';
      if (!LOGIN_PATHS.includes(path)) {
        navigate(loginPath(here.current), { replace: true });
      }
    });
    return () => setSessionExpiredHandler(null);
  }, [navigate]);

  const login = useCallback<Auth['login']>(
    async (email, password, options = {}) => {
      const tokens = await api.login(email, password);
      startSession(tokens);
      if (options.applyLocale !== false) {
        setLocale(tokens.user.locale);
      }
      return tokens.user;
    },
    [setLocale],
  );

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } catch {
      // The local session ends anyway; the server's expires on its own.
    }
    endSession();
  }, []);

  const reloadUser = useCallback(async (signal?: AbortSignal) => {
    const user = await api.fetchMe(signal);
    updateSessionUser(user);
    return user;
  }, []);

  const value = useMemo<Auth>(
    () => ({
      status: session.status,
      user: session.user,
      hasRole: (role) => session.user?.roles.includes(role) ?? false,
      login,
      logout,
      reloadUser,
      setUser: updateSessionUser,
    }),
    [session, login, logout, reloadUser],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) {
    throw new Error('useAuth must be used inside <AuthProvider>');
  }
  return auth;
}
