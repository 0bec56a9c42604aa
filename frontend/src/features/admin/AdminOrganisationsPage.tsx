import { useCallback, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { problemOf, type ProblemDetail } from '../../api/client';
import { useResource } from '../../api/useResource';
import { ActionLabel } from '../../components/ActionLabel';
import { SuccessMessage, useFocusById } from '../../components/forms';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../i18n/format';
import { cityLabel, organisationName, organisationTypeLabel, verificationLabel } from '../identity/labels';
import { checkCreditCode } from '../organisations/creditCode';
import { verificationStatuses, type Organisation, type VerificationStatus } from '../organisations/types';
import { VerificationBadge } from '../organisations/VerificationBadge';
import { ADMIN_PAGE_SIZE, fetchAdminOrganisations, rejectOrganisation, verifyOrganisation } from './api';
import { useListParams } from './useListParams';

const KEYS = ['status', 'query'] as const;

function isStatus(value: string): value is VerificationStatus {
  return (verificationStatuses as readonly string[]).includes(value);
}

/** The verification queue: new organisations wait as UNVERIFIED until an admin decides. */
export function AdminOrganisationsPage() {
  const { t } = useI18n();
  usePageTitle('adminOrganisations.title');
  const { page, values, setFilters, setPage } = useListParams(KEYS, { status: 'UNVERIFIED' });
  const status = isStatus(values.status) ? values.status : 'UNVERIFIED';
  const [statusChoice, setStatusChoice] = useState<VerificationStatus>(status);
  const [query, setQuery] = useState(values.query);
  const load = useCallback(
    (signal: AbortSignal) => fetchAdminOrganisations({ status, query: values.query, page }, signal),
    [status, values.query, page],
  );
  const organisations = useResource(load);
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const replace = (updated: Organisation) =>
    organisations.update((data) => ({ ...data, items: data.items.map((row) => (row.id === updated.id ? updated : row)) }));

  const filter = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ status: statusChoice, query: query.trim() });
  };

  const data = organisations.data;

  return (
    <section className="page admin" aria-labelledby="admin-organisations-title" aria-busy={organisations.loading}>
      <header className="page-header">
        <div>
          <h1 id="admin-organisations-title">{t('adminOrganisations.title')}</h1>
          <p className="page-header__intro">{t('adminOrganisations.intro')}</p>
        </div>
      </header>

      <form className="filters" role="search" onSubmit={filter} aria-label={t('adminOrganisations.filterLabel')}>
        <div className="field">
          <label htmlFor="admin-organisations-status" className="field__label">
            {t('adminOrganisations.status')}
          </label>
          <select
            id="admin-organisations-status"
            className="field__control"
            value={statusChoice}
            onChange={(event) => isStatus(event.target.value) && setStatusChoice(event.target.value)}
            data-testid="admin-organisations-status"
          >
            {verificationStatuses.map((option) => (
              <option key={option} value={option}>
                {verificationLabel(t, option)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="admin-organisations-query" className="field__label">
            {t('adminOrganisations.query')}
          </label>
          <input
            id="admin-organisations-query"
            type="search"
            className="field__control"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            data-testid="admin-organisations-query"
          />
        </div>
        <button type="submit" className="button" data-testid="admin-organisations-filter">
          {t('form.filter')}
        </button>
      </form>

      {problem && (
        <div data-testid="admin-organisations-problem">
          <ProblemAlert problem={problem} />
        </div>
      )}
      {notice && <SuccessMessage testId="admin-organisations-notice">{notice}</SuccessMessage>}
      {organisations.problem && <ProblemAlert problem={organisations.problem} />}
      {organisations.loading && !data && (
        <p role="status" className="muted">
          {t('list.loading')}
        </p>
      )}
      {data && data.items.length === 0 && (
        <p className="empty" data-testid="admin-organisations-empty">
          {t(status === 'UNVERIFIED' ? 'adminOrganisations.queueEmpty' : 'list.empty')}
        </p>
      )}
      {data && data.items.length > 0 && (
        <ul className="item-list" data-testid="admin-organisations-list">
          {data.items.map((organisation) => (
            <OrganisationReview
              key={organisation.id}
              organisation={organisation}
              onDecided={(updated, message) => {
                replace(updated);
                setProblem(null);
                setNotice(message);
              }}
              onProblem={(found) => {
                setNotice(null);
                setProblem(found);
              }}
            />
          ))}
        </ul>
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

function OrganisationReview({
  organisation,
  onDecided,
  onProblem,
}: {
  organisation: Organisation;
  onDecided: (updated: Organisation, message: string) => void;
  onProblem: (problem: ProblemDetail) => void;
}) {
  const { t, locale } = useI18n();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const focusById = useFocusById();
  const id = organisation.id;
  const name = organisationName(locale, organisation);
  const creditCheck = organisation.creditCode ? checkCreditCode(organisation.creditCode) : undefined;

  const decide = async (action: () => Promise<Organisation>, messageKey: 'adminOrganisations.verified' | 'adminOrganisations.rejected') => {
    setBusy(true);
    try {
      const updated = await action();
      setRejecting(false);
      setReason('');
      onDecided(updated, t(messageKey, { name: organisationName(locale, updated) }));
    } catch (error) {
      onProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  const submitRejection = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setReasonError(t('adminOrganisations.reasonRequired'));
      document.getElementById(`admin-org-reason-${id}`)?.focus();
      return;
    }
    setReasonError(null);
    void decide(() => rejectOrganisation(id, reason.trim()), 'adminOrganisations.rejected');
  };

  return (
    <li className="item" data-testid={`admin-org-${id}`}>
      <div className="item__head">
        <h2 className="item__title">
          <Link to={`/organisations/${encodeURIComponent(id)}`}>{name}</Link>
        </h2>
        <VerificationBadge status={organisation.verificationStatus} testId={`admin-org-status-${id}`} />
      </div>
      <p className="item__meta" lang={locale === 'en' ? 'zh-CN' : 'en'}>
        {locale === 'en' ? organisation.nameZh : organisation.nameEn}
      </p>
      <dl className="facts facts--compact">
        <div>
          <dt>{t('organisation.type')}</dt>
          <dd>{organisationTypeLabel(t, organisation.type)}</dd>
        </div>
        <div>
          <dt>{t(organisation.cities.length > 1 ? 'organisation.citiesPark' : 'organisation.city')}</dt>
          <dd>
            {organisation.cities.map((city) => cityLabel(t, city)).join('、')}
            {organisation.district ? ` · ${organisation.district}` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('organisation.creditCode')}</dt>
          <dd>
            {organisation.creditCode ? (
              <>
                <span className="mono">{organisation.creditCode}</span>{' '}
                {creditCheck && creditCheck !== 'valid' && (
                  <span className="field__check field__check--warn" data-testid={`admin-org-credit-warning-${id}`}>
                    {t(`organisation.creditCodeCheck.${creditCheck}`)}
                  </span>
                )}
              </>
            ) : (
              '—'
            )}
          </dd>
        </div>
        {organisation.website && (
          <div>
            <dt>{t('organisation.website')}</dt>
            <dd className="break">{organisation.website}</dd>
          </div>
        )}
        {organisation.contact && (
          <div>
            <dt>{t('organisation.contact')}</dt>
            <dd>
              {[organisation.contact.name, organisation.contact.phone, organisation.contact.email, organisation.contact.address]
                .filter(Boolean)
                .join(' · ') || '—'}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('organisation.createdAt')}</dt>
          <dd>{formatDateTime(locale, organisation.createdAt)}</dd>
        </div>
        {organisation.rejectionReason && (
          <div>
            <dt>{t('organisation.rejectedBecause')}</dt>
            <dd>{organisation.rejectionReason}</dd>
          </div>
        )}
      </dl>

      {rejecting ? (
        <form className="form" noValidate onSubmit={submitRejection} data-testid={`admin-org-reject-form-${id}`}>
          <div className={reasonError ? 'field field--invalid' : 'field'}>
            <label htmlFor={`admin-org-reason-${id}`} className="field__label">
              {t('adminOrganisations.reason')}
            </label>
            <p id={`admin-org-reason-${id}-hint`} className="field__hint">
              {t('adminOrganisations.reasonHint')}
            </p>
            <textarea
              id={`admin-org-reason-${id}`}
              className="field__control"
              rows={3}
              maxLength={1000}
              required
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={`admin-org-reason-${id}-hint${reasonError ? ` admin-org-reason-${id}-error` : ''}`}
              data-testid={`admin-org-reason-${id}`}
            />
            {reasonError && (
              <p id={`admin-org-reason-${id}-error`} className="field__error" data-testid="field-error-reason">
                {reasonError}
              </p>
            )}
          </div>
          <div className="form__actions">
            <button type="submit" className="button button--danger" disabled={busy} data-testid={`admin-org-reject-confirm-${id}`}>
              {t('adminOrganisations.rejectConfirm')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setRejecting(false);
                setReasonError(null);
                focusById(`admin-org-reject-${id}`);
              }}
              data-testid={`admin-org-reject-cancel-${id}`}
            >
              {t('form.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="form__actions">
          {organisation.verificationStatus !== 'VERIFIED' && (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void decide(() => verifyOrganisation(id), 'adminOrganisations.verified')}
              data-testid={`admin-org-verify-${id}`}
            >
              <ActionLabel text={t('adminOrganisations.verify')} name={name} />
            </button>
          )}
          {organisation.verificationStatus !== 'REJECTED' && (
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              id={`admin-org-reject-${id}`}
              onClick={() => {
                setRejecting(true);
                focusById(`admin-org-reason-${id}`);
              }}
              data-testid={`admin-org-reject-${id}`}
            >
              <ActionLabel text={t('adminOrganisations.reject')} name={name} />
            </button>
          )}
        </div>
      )}
    </li>
  );
}
