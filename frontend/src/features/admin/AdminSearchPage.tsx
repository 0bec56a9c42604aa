import { useCallback, useEffect, useState } from 'react';
import { problemOf, type ProblemDetail } from '../../api/client';
import { useResource } from '../../api/useResource';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../i18n/format';
import { enumLabel } from '../identity/labels';
import { fetchSearchStatus, startReindex, type ReindexProgress } from './searchApi';

/** How often the page looks again: often while a rebuild runs, now and then otherwise. */
const POLL_RUNNING_MS = 1000;
const POLL_IDLE_MS = 10000;

/**
 * The search index as operators see it: outbox lag, cluster health, documents, and the
 * latest rebuild with its progress; and the button that starts a rebuild.
 */
export function AdminSearchPage() {
  const { t, locale } = useI18n();
  usePageTitle('adminSearch.title');
  const load = useCallback((signal: AbortSignal) => fetchSearchStatus(signal), []);
  const status = useResource(load);
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const [starting, setStarting] = useState(false);
  const running = status.data?.reindex?.state === 'RUNNING';
  const { reload } = status;

  useEffect(() => {
    const timer = window.setTimeout(reload, running ? POLL_RUNNING_MS : POLL_IDLE_MS);
    return () => window.clearTimeout(timer);
  }, [reload, running, status.data]);

  async function rebuild() {
    setStarting(true);
    setProblem(null);
    try {
      const progress = await startReindex();
      status.update((current) => ({ ...current, reindex: progress }));
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setStarting(false);
    }
  }

  const data = status.data;
  return (
    <section className="page admin" aria-labelledby="admin-search-title">
      <header className="page-header">
        <div>
          <h1 id="admin-search-title">{t('adminSearch.title')}</h1>
          <p className="page-header__intro">{t('adminSearch.intro')}</p>
        </div>
        <button type="button" onClick={rebuild} disabled={starting || running} data-testid="admin-search-reindex">
          {t('adminSearch.reindex')}
        </button>
      </header>
      {problem && (
        <div data-testid="admin-search-problem">
          <ProblemAlert problem={problem} />
        </div>
      )}
      {status.problem && <ProblemAlert problem={status.problem} />}
      {!data && !status.problem && (
        <p role="status" className="muted">
          {t('list.loading')}
        </p>
      )}
      {data && (
        <dl className="facts" data-testid="admin-search-status">
          <dt>{t('adminSearch.outbox')}</dt>
          <dd data-testid="admin-search-outbox">
            {t('adminSearch.outboxValue', {
              pending: String(data.outbox.pending),
              age: String(data.outbox.oldestAgeSeconds),
            })}
          </dd>
          <dt>{t('adminSearch.health')}</dt>
          <dd>
            <span className={`badge badge--health-${data.clusterHealth.toLowerCase()}`} data-testid="admin-search-health">
              {data.clusterHealth === 'UNREACHABLE' ? t('adminSearch.unreachable') : data.clusterHealth}
            </span>
          </dd>
          <dt>{t('adminSearch.documents')}</dt>
          <dd data-testid="admin-search-documents">{data.documents < 0 ? '—' : data.documents.toLocaleString(locale)}</dd>
        </dl>
      )}
      {data && (
        <section aria-labelledby="admin-search-reindex-title">
          <h2 id="admin-search-reindex-title">{t('adminSearch.lastRebuild')}</h2>
          {data.reindex ? <Rebuild progress={data.reindex} /> : <p className="empty">{t('adminSearch.noRebuild')}</p>}
        </section>
      )}
    </section>
  );
}

function Rebuild({ progress }: { progress: ReindexProgress }) {
  const { t, locale } = useI18n();
  const percent = progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : progress.state === 'DONE' ? 100 : 0;
  return (
    <div data-testid="admin-search-rebuild">
      <p>
        <strong data-testid="admin-search-rebuild-state">{enumLabel(t, 'adminSearch.state', progress.state)}</strong>
        {' · '}
        {enumLabel(t, 'adminSearch.reason', progress.reason)}
        {progress.index ? ` · ${progress.index}` : ''}
      </p>
      <progress max={100} value={percent} aria-label={t('adminSearch.progress')} data-testid="admin-search-progress" />
      <p className="muted">
        {t('adminSearch.progressValue', { done: String(progress.done), total: String(progress.total) })}
        {' · '}
        {t('adminSearch.startedAt', { time: formatDateTime(locale, progress.startedAt) })}
        {progress.finishedAt ? ` · ${t('adminSearch.finishedAt', { time: formatDateTime(locale, progress.finishedAt) })}` : ''}
      </p>
      {progress.error && (
        <p role="alert" className="error" data-testid="admin-search-rebuild-error">
          {progress.error}
        </p>
      )}
    </div>
  );
}
