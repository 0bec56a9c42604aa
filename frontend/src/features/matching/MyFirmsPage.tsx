import { useCallback } from 'react';
import { Link } from 'react-router';
import { useResource } from '../../api/useResource';
import { ActionLabel } from '../../components/ActionLabel';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import { formatShanghaiDateTime } from '../../i18n/format';
import { organisationName } from '../identity/labels';
import { fetchMyFirms } from './matchingApi';

/** `/firms`: the firms I belong to, each with its profile's state, its editor and its matches. */
export function MyFirmsPage() {
  const { t, locale } = useI18n();
  usePageTitle('myFirms.title');
  const load = useCallback((signal: AbortSignal) => fetchMyFirms(signal), []);
  const firms = useResource(load);
  const data = firms.data;

  return (
    <section className="page" aria-labelledby="my-firms-title" aria-busy={firms.loading}>
      <header className="page-header">
        <div>
          <h1 id="my-firms-title">{t('myFirms.title')}</h1>
          <p className="page-header__intro">{t('myFirms.intro')}</p>
        </div>
      </header>
      {firms.problem && <ProblemAlert problem={firms.problem} />}
      {firms.loading && !data && (
        <p role="status" className="muted">
          {t('list.loading')}
        </p>
      )}
      {data && data.length === 0 && (
        <div className="empty" data-testid="my-firms-empty">
          <p>{t('myFirms.empty')}</p>
          <p>
            <Link to="/organisations/mine">{t('myFirms.goOrganisations')}</Link>
          </p>
        </div>
      )}
      {data && data.length > 0 && (
        <ul className="item-list" data-testid="my-firms-list">
          {data.map((firm) => {
            const id = firm.organisation.id;
            const name = organisationName(locale, firm.organisation);
            return (
              <li key={id} className="item" data-testid={`my-firm-${id}`}>
                <div className="item__head">
                  <h2 className="item__title">
                    <Link to={`/organisations/${encodeURIComponent(id)}`}>{name}</Link>
                  </h2>
                  <span className="badge badge--text badge--neutral" data-testid={`my-firm-state-${id}`}>
                    {t(!firm.hasProfile ? 'myFirms.noProfile' : firm.discoverable ? 'myFirms.discoverable' : 'myFirms.hidden')}
                  </span>
                </div>
                {firm.updatedAt && (
                  <p className="item__meta">{t('myFirms.updatedAt', { date: formatShanghaiDateTime(locale, firm.updatedAt) })}</p>
                )}
                {!firm.hasProfile && <p className="muted">{t('myFirms.writeFirst')}</p>}
                <div className="item__actions">
                  <Link
                    to={`/firms/${encodeURIComponent(id)}/profile`}
                    className="button button--small"
                    data-testid={`membership-firm-profile-${id}`}
                  >
                    <ActionLabel text={t(firm.hasProfile ? 'myFirms.editProfile' : 'myFirms.createProfile')} name={name} />
                  </Link>
                  <Link
                    to={`/firms/${encodeURIComponent(id)}/matches`}
                    className="button button--secondary button--small"
                    data-testid={`firm-matches-${id}`}
                  >
                    <ActionLabel text={t('myFirms.matches')} name={name} />
                  </Link>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
