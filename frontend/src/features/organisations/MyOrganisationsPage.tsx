import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { problemOf, type ProblemDetail } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import { useAuth } from '../identity/AuthProvider';
import { membershipRoleLabel, organisationName, organisationTypeLabel } from '../identity/labels';
import { createOrganisation } from './api';
import { OrganisationForm } from './OrganisationForm';
import { VerificationBadge } from './VerificationBadge';

export function MyOrganisationsPage() {
  const { t, locale } = useI18n();
  usePageTitle('myOrganisations.title');
  const { user, reloadUser } = useAuth();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<ProblemDetail | null>(null);

  // The memberships in the session may be stale (someone may have added us meanwhile).
  useEffect(() => {
    const controller = new AbortController();
    reloadUser(controller.signal).catch((error: unknown) => {
      if (!controller.signal.aborted) {
        setProblem(problemOf(error));
      }
    });
    return () => controller.abort();
  }, [reloadUser]);

  const memberships = user?.memberships ?? [];

  return (
    <section className="page my-organisations" aria-labelledby="my-organisations-title">
      <header className="page-header">
        <div>
          <h1 id="my-organisations-title">{t('myOrganisations.title')}</h1>
          <p className="page-header__intro">{t('myOrganisations.intro')}</p>
        </div>
      </header>
      {problem && <ProblemAlert problem={problem} />}

      {memberships.length === 0 ? (
        <p className="empty" data-testid="my-organisations-empty">
          {t('myOrganisations.empty')}
        </p>
      ) : (
        <ul className="item-list" data-testid="my-organisations-list">
          {memberships.map((membership) => (
            <li key={membership.organisationId} className="item" data-testid={`membership-${membership.organisationId}`}>
              <div className="item__head">
                <h2 className="item__title">
                  <Link to={`/organisations/${encodeURIComponent(membership.organisationId)}`}>
                    {organisationName(locale, membership)}
                  </Link>
                </h2>
                <VerificationBadge status={membership.verificationStatus} />
              </div>
              <p className="item__meta">
                {organisationTypeLabel(t, membership.type)} · {t('myOrganisations.myRole')}
                {membershipRoleLabel(t, membership.role)}
              </p>
            </li>
          ))}
        </ul>
      )}

      <section className="panel" aria-labelledby="create-organisation-title">
        <h2 id="create-organisation-title">{t('organisation.createTitle')}</h2>
        <p className="muted">{t('organisation.createIntro')}</p>
        <OrganisationForm
          idPrefix="org-create"
          submitLabel={t('organisation.create')}
          onSubmit={async (input) => {
            const created = await createOrganisation(input);
            await reloadUser().catch(() => undefined);
            navigate(`/organisations/${encodeURIComponent(created.id)}`, { state: { created: true } });
          }}
        />
      </section>
    </section>
  );
}
