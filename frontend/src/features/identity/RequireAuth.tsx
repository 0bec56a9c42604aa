import type { ReactNode } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import { loginPath, useAuth } from './AuthProvider';
import type { Role } from './types';

/** Shown to signed-in people who lack the role a page needs. */
export function ForbiddenPage() {
  const { t } = useI18n();
  usePageTitle('forbidden.title');
  return (
    <section className="page page--narrow not-found" aria-labelledby="forbidden-title" data-testid="forbidden">
      <p className="not-found__code" aria-hidden="true">
        403
      </p>
      <h1 id="forbidden-title">{t('forbidden.title')}</h1>
      <p>{t('forbidden.body')}</p>
      <p>
        <Link to="/" className="button">
          {t('notFound.back')}
        </Link>
      </p>
    </section>
  );
}

/** While the session is being restored on app start. */
export function SessionLoading() {
  const { t } = useI18n();
  return (
    <p role="status" className="muted" data-testid="session-loading">
      {t('auth.restoring')}
    </p>
  );
}

/**
 * Guards its children (or the nested routes): anonymous people go to
 * `/login?next=<here>`; with `role`, signed-in people without it see a 403 page.
 */
export function RequireAuth({ role, children }: { role?: Role; children?: ReactNode }) {
  const { status, hasRole } = useAuth();
  const location = useLocation();
  if (status === 'unknown') {
    return <SessionLoading />;
  }
  if (status === 'anonymous') {
    return <Navigate to={loginPath(`${location.pathname}${location.search}`)} replace />;
  }
  if (role && !hasRole(role)) {
    return <ForbiddenPage />;
  }
  return children ?? <Outlet />;
}
