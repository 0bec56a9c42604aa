import { useCallback, useState, type FormEvent } from 'react';
import { problemOf, type ProblemDetail } from '../../api/client';
import { useResource } from '../../api/useResource';
import { ActionLabel } from '../../components/ActionLabel';
import { SuccessMessage, useFocusById } from '../../components/forms';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../i18n/format';
import { useListParams } from '../admin/useListParams';
import { approveEntry, fetchReviewQueue, rejectEntry, REVIEW_PAGE_SIZE } from './api';
import { ContentFacts } from './ContentFacts';
import { contentSummary, contentTitle, kindLabel } from './labels';
import type { EntryContent, ReviewEntry } from './types';

const KEYS = [] as const;

/** The moderation queue: catalogue entries waiting for an administrator to approve or reject them. */
export function AdminCatalogPage() {
  const { t } = useI18n();
  usePageTitle('adminCatalog.title');
  const { page, setPage } = useListParams(KEYS);
  const load = useCallback((signal: AbortSignal) => fetchReviewQueue(page, signal), [page]);
  const queue = useResource(load);
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const data = queue.data;

  return (
    <section className="page admin" aria-labelledby="admin-catalog-title" aria-busy={queue.loading}>
      <header className="page-header">
        <div>
          <h1 id="admin-catalog-title">{t('adminCatalog.title')}</h1>
          <p className="page-header__intro">{t('adminCatalog.intro')}</p>
        </div>
      </header>

      {problem && (
        <div data-testid="admin-catalog-problem">
          <ProblemAlert problem={problem} />
        </div>
      )}
      {notice && <SuccessMessage testId="admin-catalog-notice">{notice}</SuccessMessage>}
      {queue.problem && <ProblemAlert problem={queue.problem} />}
      {queue.loading && !data && (
        <p role="status" className="muted">
          {t('list.loading')}
        </p>
      )}
      {data && data.items.length === 0 && (
        <p className="empty" data-testid="admin-catalog-empty">
          {t('adminCatalog.queueEmpty')}
        </p>
      )}
      {data && data.items.length > 0 && (
        <ul className="item-list" data-testid="admin-catalog-list">
          {data.items.map((entry) => (
            <EntryReview
              key={entry.id}
              entry={entry}
              onDecided={(message) => {
                queue.update((current) => ({
                  ...current,
                  items: current.items.filter((item) => item.id !== entry.id),
                  total: Math.max(0, current.total - 1),
                }));
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
          size={data.size || REVIEW_PAGE_SIZE}
          total={data.total}
          onPage={setPage}
          label={t('pagination.label')}
        />
      )}
    </section>
  );
}

function ContentView({ content, testId }: { content: EntryContent; testId: string }) {
  const { locale } = useI18n();
  const summary = contentSummary(locale, content);
  return (
    <div data-testid={testId}>
      <p className="cell__strong">{contentTitle(locale, content)}</p>
      {summary && <p>{summary}</p>}
      <ContentFacts content={content} />
    </div>
  );
}

function EntryReview({
  entry,
  onDecided,
  onProblem,
}: {
  entry: ReviewEntry;
  onDecided: (message: string) => void;
  onProblem: (problem: ProblemDetail) => void;
}) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const focusById = useFocusById();
  const id = entry.id;
  const title = contentTitle(locale, entry.draft);
  const reasonId = `review-reason-${id}`;

  const decide = async (action: () => Promise<unknown>, messageKey: 'adminCatalog.approved' | 'adminCatalog.rejected') => {
    setBusy(true);
    try {
      await action();
      onDecided(t(messageKey, { title }));
    } catch (error) {
      onProblem(problemOf(error));
      setBusy(false);
    }
  };

  const submitRejection = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setReasonError(t('adminCatalog.reasonRequired'));
      document.getElementById(reasonId)?.focus();
      return;
    }
    setReasonError(null);
    void decide(() => rejectEntry(id, reason.trim()), 'adminCatalog.rejected');
  };

  return (
    <li className="item" data-testid={`review-entry-${id}`}>
      <div className="item__head">
        <h2 className="item__title">{title}</h2>
        <span className="badge badge--neutral">{kindLabel(t, entry.kind)}</span>
      </div>
      <p className="item__meta">
        <span>{t('adminCatalog.submittedAt', { time: formatDateTime(locale, entry.submittedAt) })}</span>
        {entry.published && <span>{t('adminCatalog.isUpdate')}</span>}
      </p>

      <button
        type="button"
        className="button button--secondary button--small"
        aria-expanded={open}
        aria-controls={`review-details-${id}`}
        onClick={() => setOpen((value) => !value)}
        data-testid={`review-toggle-${id}`}
      >
        <ActionLabel text={t(open ? 'adminCatalog.hideDetails' : 'adminCatalog.showDetails')} name={title} />
      </button>
      {open && (
        <div id={`review-details-${id}`} className="review__details">
          <h3>{t('adminCatalog.draft')}</h3>
          <ContentView content={entry.draft} testId={`review-draft-${id}`} />
          <h3>{t('adminCatalog.published')}</h3>
          {entry.published ? (
            <ContentView content={entry.published} testId={`review-published-${id}`} />
          ) : (
            <p className="muted">{t('adminCatalog.notPublished')}</p>
          )}
        </div>
      )}

      {rejecting ? (
        <form className="form" noValidate onSubmit={submitRejection} data-testid={`review-reject-form-${id}`}>
          <div className={reasonError ? 'field field--invalid' : 'field'}>
            <label htmlFor={reasonId} className="field__label">
              {t('adminCatalog.reason')}
            </label>
            <p id={`${reasonId}-hint`} className="field__hint">
              {t('adminCatalog.reasonHint')}
            </p>
            <textarea
              id={reasonId}
              className="field__control"
              rows={3}
              maxLength={1000}
              required
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={`${reasonId}-hint${reasonError ? ` ${reasonId}-error` : ''}`}
              data-testid={reasonId}
            />
            {reasonError && (
              <p id={`${reasonId}-error`} className="field__error" data-testid="field-error-reason">
                {reasonError}
              </p>
            )}
          </div>
          <div className="form__actions">
            <button type="submit" className="button button--danger" disabled={busy} data-testid={`review-reject-confirm-${id}`}>
              {t('adminCatalog.rejectConfirm')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setRejecting(false);
                setReasonError(null);
                focusById(`review-reject-${id}`);
              }}
              data-testid={`review-reject-cancel-${id}`}
            >
              {t('form.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="form__actions">
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void decide(() => approveEntry(id), 'adminCatalog.approved')}
            data-testid={`review-approve-${id}`}
          >
            <ActionLabel text={t('adminCatalog.approve')} name={title} />
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            id={`review-reject-${id}`}
            onClick={() => {
              setRejecting(true);
              focusById(reasonId);
            }}
            data-testid={`review-reject-${id}`}
          >
            <ActionLabel text={t('adminCatalog.reject')} name={title} />
          </button>
        </div>
      )}
    </li>
  );
}
