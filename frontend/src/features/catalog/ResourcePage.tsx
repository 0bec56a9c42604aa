import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { useResource } from '../../api/useResource';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';
import { ServiceAdvisoryPanel } from '../engagement/ServiceAdvisoryPanel';
import { useAuth } from '../identity/AuthProvider';
import { organisationName } from '../identity/labels';
import { EntryMatchesPanel } from '../matching/EntryMatchesPanel';
import { fetchResource } from './api';
import { ContentFacts } from './ContentFacts';
import { ImageGallery } from './ImageGallery';
import { contentSummary, contentTitle, kindLabel } from './labels';

/** One published resource: its common fields, the fields of its kind, contact and owner. */
export function ResourcePage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const { user, hasRole } = useAuth();
  const load = useCallback((signal: AbortSignal) => fetchResource(id, signal), [id]);
  const resource = useResource(load);
  const data = resource.loading ? undefined : resource.data;
  usePageTitle(data ? 'resource.pageTitle' : 'resource.title', { title: data ? contentTitle(locale, data.content) : '' });

  if (resource.loading) {
    return (
      <p role="status" className="muted" data-testid="resource-loading">
        {t('list.loading')}
      </p>
    );
  }
  if (resource.problem || !data) {
    const notFound = resource.problem?.status === 404;
    return (
      <section className="page page--narrow" aria-labelledby="resource-error-title" data-testid={notFound ? 'resource-not-found' : 'resource-error'}>
        {notFound && (
          <p className="not-found__code" aria-hidden="true">
            404
          </p>
        )}
        <h1 id="resource-error-title">{t(notFound ? 'resource.notFound' : 'resource.title')}</h1>
        {notFound ? <p>{t('resource.notFoundBody')}</p> : resource.problem && <ProblemAlert problem={resource.problem} />}
        <p>
          <Link to="/search">{t('resource.backToSearch')}</Link>
        </p>
      </section>
    );
  }

  const { content, owner } = data;
  const title = contentTitle(locale, content);
  const otherTitle = locale === 'en' ? content.titleZh : content.titleEn;
  const summary = contentSummary(locale, content);

  return (
    <article className="page resource" aria-labelledby="resource-title" data-testid="resource-page">
      <header className="page-header">
        <div>
          <p className="resource__kind">
            <span className="badge badge--neutral" data-testid="resource-kind">
              {kindLabel(t, data.kind)}
            </span>
          </p>
          <h1 id="resource-title" data-testid="resource-title">
            {title}
          </h1>
          {otherTitle && otherTitle !== title && (
            <p className="page-header__intro" lang={locale === 'en' ? 'zh-CN' : 'en'}>
              {otherTitle}
            </p>
          )}
        </div>
      </header>

      <ImageGallery imageIds={content.imageIds ?? []} title={title} />

      {summary && <p className="resource__summary">{summary}</p>}

      {data.kind === 'INSTRUMENT' && (
        <p className="resource__book">
          <Link to={`/instruments/${encodeURIComponent(data.id)}/book`} className="button" data-testid="resource-book">
            {t('resource.book')}
          </Link>
          {(hasRole('ADMIN') || user?.memberships.some((membership) => membership.organisationId === owner.id)) && (
            <>
              {' '}
              <Link
                to={`/staff/instruments/${encodeURIComponent(data.id)}`}
                className="button button--secondary"
                data-testid="resource-booking-settings"
              >
                {t('resource.bookingSettings')}
              </Link>
            </>
          )}
        </p>
      )}

      <section className="panel" aria-labelledby="resource-details-title">
        <div className="panel__head">
          <h2 id="resource-details-title">{t('resource.details')}</h2>
        </div>
        <dl className="facts">
          <div data-testid="resource-owner">
            <dt>{t('resource.owner')}</dt>
            <dd>
              <Link to={`/organisations/${encodeURIComponent(owner.id)}`}>{organisationName(locale, owner)}</Link>
              {owner.verified && <span className="badge badge--up resource__verified">{t('verification.VERIFIED')}</span>}
            </dd>
          </div>
          {data.publishedAt && (
            <div>
              <dt>{t('resource.publishedAt')}</dt>
              <dd>{formatDate(locale, data.publishedAt)}</dd>
            </div>
          )}
        </dl>
        <ContentFacts content={content} testId="resource-facts" />
      </section>

      {user?.memberships.some((membership) => membership.organisationId === owner.id) && (
        <EntryMatchesPanel entryId={data.id} kind={data.kind} ownerId={owner.id} />
      )}
      {data.kind === 'SERVICE' && <ServiceAdvisoryPanel entryId={data.id} ownerId={owner.id} />}

      <p>
        <Link to="/search">{t('resource.backToSearch')}</Link>
      </p>
    </article>
  );
}
