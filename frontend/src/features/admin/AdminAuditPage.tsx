import { useCallback, useState, type FormEvent } from 'react';
import { useResource } from '../../api/useResource';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../i18n/format';
import { auditTypeLabel } from '../identity/labels';
import { ADMIN_PAGE_SIZE, fetchAuditEvents } from './api';
import { auditEventTypes, type AuditEvent } from './types';
import { useListParams } from './useListParams';

const KEYS = ['type'] as const;

function detailText(value: unknown): string {
  if (value === null || value === undefined) {
    return '—';
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function Details({ details }: { details: AuditEvent['details'] }) {
  const entries = Object.entries(details ?? {});
  if (entries.length === 0) {
    return <>—</>;
  }
  return (
    <dl className="audit-details">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>{detailText(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The audit log, newest first, filterable by type. On phones the rows become cards. */
export function AdminAuditPage() {
  const { t, locale } = useI18n();
  usePageTitle('adminAudit.title');
  const { page, values, setFilters, setPage } = useListParams(KEYS);
  const [type, setType] = useState(values.type);
  const load = useCallback(
    (signal: AbortSignal) => fetchAuditEvents({ type: values.type, page }, signal),
    [values.type, page],
  );
  const events = useResource(load);
  const data = events.data;
  // A type in the address that the UI does not know is still offered, as sent.
  const typeOptions: string[] =
    values.type && !(auditEventTypes as readonly string[]).includes(values.type)
      ? [...auditEventTypes, values.type]
      : [...auditEventTypes];

  const filter = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ type });
  };

  return (
    <section className="page admin" aria-labelledby="admin-audit-title" aria-busy={events.loading}>
      <header className="page-header">
        <div>
          <h1 id="admin-audit-title">{t('adminAudit.title')}</h1>
          <p className="page-header__intro">{t('adminAudit.intro')}</p>
        </div>
      </header>

      <form className="filters" role="search" onSubmit={filter} aria-label={t('adminAudit.filterLabel')}>
        <div className="field">
          <label htmlFor="admin-audit-type" className="field__label">
            {t('adminAudit.type')}
          </label>
          <select
            id="admin-audit-type"
            className="field__control"
            value={type}
            onChange={(event) => setType(event.target.value)}
            data-testid="admin-audit-type"
          >
            <option value="">{t('adminAudit.allTypes')}</option>
            {typeOptions.map((option) => (
              <option key={option} value={option}>
                {auditTypeLabel(t, option)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button" data-testid="admin-audit-filter">
          {t('form.filter')}
        </button>
      </form>

      {events.problem && <ProblemAlert problem={events.problem} />}
      {events.loading && !data && (
        <p role="status" className="muted">
          {t('list.loading')}
        </p>
      )}
      {data && data.items.length === 0 && (
        <p className="empty" data-testid="admin-audit-empty">
          {t('list.empty')}
        </p>
      )}
      {data && data.items.length > 0 && (
        <table className="data-table" data-testid="admin-audit-table">
          <caption className="visually-hidden">{t('adminAudit.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('adminAudit.occurredAt')}</th>
              <th scope="col">{t('adminAudit.type')}</th>
              <th scope="col">{t('adminAudit.actor')}</th>
              <th scope="col">{t('adminAudit.subject')}</th>
              <th scope="col">{t('adminAudit.clientAddress')}</th>
              <th scope="col">{t('adminAudit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((event) => (
              <tr key={event.id} data-testid={`audit-event-${event.id}`}>
                <td data-label={t('adminAudit.occurredAt')}>
                  <time dateTime={event.occurredAt}>{formatDateTime(locale, event.occurredAt)}</time>
                </td>
                <td data-label={t('adminAudit.type')}>
                  <span className="cell__strong" data-testid={`audit-type-${event.id}`} title={event.type}>
                    {auditTypeLabel(t, event.type)}
                  </span>
                </td>
                <td data-label={t('adminAudit.actor')} className="break">
                  {event.actorEmail ?? event.actorId ?? t('adminAudit.noActor')}
                </td>
                <td data-label={t('adminAudit.subject')} className="break">
                  {event.subjectType || event.subjectId ? (
                    <>
                      {event.subjectType && <span className="cell__sub">{event.subjectType}</span>}
                      {event.subjectId && <span className="mono">{event.subjectId}</span>}
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td data-label={t('adminAudit.clientAddress')} className="mono">
                  {event.clientAddress ?? '—'}
                </td>
                <td data-label={t('adminAudit.details')} className="break">
                  <Details details={event.details} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && (
        <Pagination
          page={data.page}
          size={data.size || ADMIN_PAGE_SIZE}
          total={data.total}
          onPage={setPage}
          label={t('pagination.label')}
        />
      )}
    </section>
  );
}
