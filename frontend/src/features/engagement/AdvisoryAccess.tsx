import { Link, useLocation } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider';
import { loginPath, useAuth } from '../identity/AuthProvider';
import { firmMemberships } from './AdvisoryRequestForm';

/**
 * Who may request advice: members of a firm. Anonymous people are offered the login page
 * (which brings them back); signed-in people without a firm are told why they cannot.
 * Answers null when the caller may request (or while the session is unknown).
 */
export function AdvisoryAccess({ testId }: { testId: string }) {
  const { t } = useI18n();
  const { status, user } = useAuth();
  const location = useLocation();
  if (status === 'unknown' || firmMemberships(user?.memberships).length > 0) {
    return null;
  }
  if (status === 'anonymous' || !user) {
    return (
      <p className="muted" data-testid={`${testId}-login`}>
        <Link to={loginPath(`${location.pathname}${location.search}`)}>{t('advisory.signIn')}</Link>
      </p>
    );
  }
  return (
    <p className="muted" data-testid={`${testId}-no-firm`}>
      {t('advisory.noFirm')} <Link to="/organisations/mine">{t('advisory.myOrganisations')}</Link>
    </p>
  );
}

/** Whether the signed-in person may request advice (belongs to a firm). */
export function useMayRequestAdvice(): boolean {
  const { user } = useAuth();
  return firmMemberships(user?.memberships).length > 0;
}
