import { useCallback } from 'react';
import { Link } from 'react-router';
import { useResource } from '../../api/useResource';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import { formatShanghaiDateTime } from '../../i18n/format';
import { useListParams } from '../admin/useListParams';
import { ENGAGEMENT_PAGE_SIZE, fetchEngagements } from './engagementApi';
import {
  advisoryTypeLabel,
  engagementBadgeClass,
  engagementKindLabel,
  engagementStatusLabel,
  otherParty,
  partyName,
  sideLabel,
  subjectTitle,
} from './labels';
import { activeStatuses, endedStatuses, engagementKinds, engagementStatuses, sides, type EngagementStatus } from './types';

const KEYS = ['status', 'kind', 'side'] as const;

/** The status filter's value → the statuses asked for: one, or the groups "under way" and "ended". */
function statusesOf(value: string): readonly EngagementStatus[] {
  if (value === 'ACTIVE') {
    return activeStatuses;
  }
  if (value === 'ENDED') {
    return endedStatuses;
  }
  return (engagementStatuses as readonly string[]).includes(value) ? [value as EngagementStatus] : [];
}

/** `/engagements`: my engagements on either side, the most recent activity first. */
export function MyEngagementsPage() {
  const { t, locale } = useI18n();
  usePageTitle('engagement.mine.title');
  const { page, values, setFilters, setPage } = useListParams(KEYS);
  const load = useCallback(
    (signal: AbortSignal) =>
      fetchEngagements({ statuses: statusesOf(values.status), kind: values.kind, side: values.side, page }, signal),
    [values.status, values.kind, values.side, page],
  );
  const engagements = useResource(load);
  const data = engagements.data;

  return (
    <section className="page engagements" aria-labelledby="my-engagements-title" aria-busy={engagements.loading}>
      <header className="page-header">
        <div>
          <h1 id="my-engagements-title">{t('engagement.mine.title')}</h1>
          <p className="page-header__intro">{t('engagement.mine.intro')}</p>
        </div>
      </header>
      <div className="filters">
        <div className="field">
          <label htmlFor="engagements-status" className="field__label">
            {t('engagement.filter.status')}
          </label>
          <select
            id="engagements-status"
            className="field__control"
            value={values.status}
            onChange={(event) => setFilters({ status: event.target.value })}
            data-testid="engagements-status"
          >
            <option value="">{t('engagement.filter.allStatuses')}</option>
            <option value="ACTIVE">{t('engagement.filter.active')}</option>
            <option value="ENDED">{t('engagement.filter.ended')}</option>
            {engagementStatuses.map((status) => (
              <option key={status} value={status}>
                {engagementStatusLabel(t, status)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="engagements-kind" className="field__label">
            {t('engagement.filter.kind')}
          </label>
          <select
            id="engagements-kind"
            className="field__control"
            value={values.kind}
            onChange={(event) => setFilters({ kind: event.target.value })}
            data-testid="engagements-kind"
          >
            <option value="">{t('engagement.filter.allKinds')}</option>
            {engagementKinds.map((kind) => (
              <option key={kind} value={kind}>
                {engagementKindLabel(t, kind)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="engagements-side" className="field__label">
            {t('engagement.filter.side')}
          </label>
          <select
            id="engagements-side"
            className="field__control"
            value={values.side}
            onChange={(event) => setFilters({ side: event.target.value })}
            data-testid="engagements-side"
          >
            <option value="">{t('engagement.filter.bothSides')}</option>
            {sides.map((side) => (
              <option key={side} value={side}>
                {sideLabel(t, side)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {engagements.problem && <ProblemAlert problem={engagements.problem} />}
      {engagements.loading && !data && (
        <p role="status" className="muted">
          {t('list.loading')}
        </p>
      )}
      {data && data.items.length === 0 && (
        <p className="empty" data-testid="my-engagements-empty">
          {t('engagement.mine.empty')} <Link to="/experts">{t('engagement.mine.findExperts')}</Link>
        </p>
      )}
      {data && data.items.length > 0 && (
        <ul className="item-list" data-testid="my-engagements-list">
          {data.items.map((engagement) => (
            <li key={engagement.id} className="item" data-testid={`engagement-${engagement.id}`}>
              <div className="item__head">
                <h2 className="item__title">
                  <Link to={`/engagements/${encodeURIComponent(engagement.id)}`} data-testid={`engagement-link-${engagement.id}`}>
                    {subjectTitle(locale, engagement.subject)}
                  </Link>
                </h2>
                <span className={engagementBadgeClass(engagement.status)} data-testid={`engagement-status-${engagement.id}`} data-status={engagement.status}>
                  {engagementStatusLabel(t, engagement.status)}
                </span>
              </div>
              <p className="item__meta">
                <span data-testid={`engagement-other-${engagement.id}`}>
                  {t('engagement.list.with', { name: partyName(locale, otherParty(engagement)) })}
                </span>
                {' · '}
                <span data-testid={`engagement-kind-${engagement.id}`}>
                  {engagementKindLabel(t, engagement.kind)}
                  {engagement.service && ` · ${advisoryTypeLabel(t, engagement.service)}`}
                </span>
                {engagement.side && (
                  <>
                    {' · '}
                    <span>{t('engagement.list.mySide', { side: sideLabel(t, engagement.side) })}</span>
                  </>
                )}
                {' · '}
                <span data-testid={`engagement-activity-${engagement.id}`}>
                  {t('engagement.list.lastActivity', { date: formatShanghaiDateTime(locale, engagement.lastActivityAt) })}
                </span>
              </p>
            </li>
          ))}
        </ul>
      )}
      {data && (
        <Pagination page={data.page} size={data.size || ENGAGEMENT_PAGE_SIZE} total={data.total} onPage={setPage} label={t('pagination.label')} />
      )}
    </section>
  );
}
