import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { problemOf, type ProblemDetail } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import { useAuth } from '../identity/AuthProvider';
import { kindLabel } from './labels';
import { OrganisationPicker } from './OrganisationPicker';
import { chosenMembership, publishableKinds, publishingMemberships } from './publishers';
import { fetchImportJob, fetchImportTemplate, saveBlob, startImport, type TemplateFormat } from './publishingApi';
import type { ImportJob, ResourceKind } from './types';

/** How often a running import is asked about, in ms. */
export const IMPORT_POLL_MS = 500;

const ACCEPTED = ['.csv', '.xlsx'];

/** What a file is, for "the dry run was of this very file". */
const fileKey = (file: File) => `${file.name}:${file.size}:${file.lastModified}`;

interface Run {
  job: ImportJob;
  /** The file, kind and organisation it was started for. */
  key: string;
}

/**
 * `/publish/import`: bulk import from a CSV or Excel file. A dry run checks the file and
 * reports the rows' errors; only after a clean dry run of the same file can it be imported.
 */
export function ImportPage() {
  const { t } = useI18n();
  usePageTitle('import.title');
  const { user } = useAuth();
  const [searchParams, setSearchParams] = useSearchParams();
  const memberships = publishingMemberships(user);
  const membership = chosenMembership(memberships, searchParams.get('organisationId'));
  // The kinds this organisation lets the user write; a firm's member imports its needs only.
  const kinds = membership ? publishableKinds(user, membership) : [];
  const organisationId = membership?.organisationId ?? '';
  const [chosenKind, setKind] = useState<ResourceKind>('INSTRUMENT');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState(false);
  const [submitForReview, setSubmitForReview] = useState(true);
  const [dryRun, setDryRun] = useState<Run | null>(null);
  const [importRun, setImportRun] = useState<Run | null>(null);
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const [starting, setStarting] = useState(false);
  const polling = useRef<AbortController | null>(null);

  useEffect(() => () => polling.current?.abort(), []);

  if (!membership) {
    return (
      <section className="page page--narrow">
        <h1>{t('import.title')}</h1>
        <p className="empty">{t('publish.noOrganisation')}</p>
      </section>
    );
  }

  const kind = kinds.includes(chosenKind) ? chosenKind : kinds[0]!;
  const currentKey = file ? `${fileKey(file)}|${kind}|${organisationId}` : '';
  const running = starting || dryRun?.job.status === 'RUNNING' || importRun?.job.status === 'RUNNING';
  const cleanDryRun =
    dryRun !== null && dryRun.key === currentKey && dryRun.job.status === 'SUCCEEDED' && dryRun.job.errorCount === 0;

  /** Asks about the job until it has finished, reporting each answer. */
  const follow = async (job: ImportJob, report: (job: ImportJob) => void) => {
    polling.current?.abort();
    const controller = new AbortController();
    polling.current = controller;
    let current = job;
    report(current);
    while (current.status === 'RUNNING') {
      await new Promise((resolve) => setTimeout(resolve, IMPORT_POLL_MS));
      if (controller.signal.aborted) {
        return;
      }
      try {
        current = await fetchImportJob(job.id, controller.signal);
      } catch (error) {
        if (!controller.signal.aborted) {
          setProblem(problemOf(error));
        }
        return;
      }
      if (controller.signal.aborted) {
        return;
      }
      report(current);
    }
  };

  const start = async (asDryRun: boolean) => {
    if (!file) {
      setFileError(true);
      return;
    }
    const key = currentKey;
    setProblem(null);
    setStarting(true);
    if (asDryRun) {
      setDryRun(null);
      setImportRun(null);
    }
    try {
      const job = await startImport({ file, organisationId, kind, dryRun: asDryRun, submitForReview });
      setStarting(false);
      await follow(job, (next) => (asDryRun ? setDryRun : setImportRun)({ job: next, key }));
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setStarting(false);
    }
  };

  const chooseFile = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    const accepted = chosen !== null && ACCEPTED.some((extension) => chosen.name.toLowerCase().endsWith(extension));
    setFileError(chosen !== null && !accepted);
    setFile(accepted ? chosen : null);
    setImportRun(null);
  };

  const download = async (format: TemplateFormat) => {
    setProblem(null);
    try {
      saveBlob(await fetchImportTemplate(kind, format), `czt-import-${kind.toLowerCase()}.${format}`);
    } catch (error) {
      setProblem(problemOf(error));
    }
  };

  return (
    <section className="page import" aria-labelledby="import-title" aria-busy={running}>
      <header className="page-header">
        <div>
          <h1 id="import-title">{t('import.title')}</h1>
          <p className="page-header__intro">{t('import.intro')}</p>
        </div>
      </header>
      <p>
        <Link to={`/publish?organisationId=${encodeURIComponent(organisationId)}`}>{t('publish.backToEntries')}</Link>
      </p>

      <div className="form">
        <OrganisationPicker
          memberships={memberships}
          value={organisationId}
          onChange={(id) => setSearchParams({ organisationId: id })}
        />
        <div className="field">
          <label htmlFor="import-kind" className="field__label">
            {t('import.kind')}
          </label>
          <select
            id="import-kind"
            className="field__control"
            value={kind}
            disabled={running}
            onChange={(event) => setKind(event.target.value as ResourceKind)}
            data-testid="import-kind"
          >
            {kinds.map((option) => (
              <option key={option} value={option}>
                {kindLabel(t, option)}
              </option>
            ))}
          </select>
        </div>
        <p className="import__templates">
          <span>{t('import.templates')}</span>{' '}
          <button type="button" className="button button--secondary button--small" onClick={() => void download('csv')} data-testid="import-template-csv">
            {t('import.templateCsv')}
          </button>{' '}
          <button type="button" className="button button--secondary button--small" onClick={() => void download('xlsx')} data-testid="import-template-xlsx">
            {t('import.templateXlsx')}
          </button>
        </p>
        <div className={fileError ? 'field field--invalid' : 'field'}>
          <label htmlFor="import-file" className="field__label">
            {t('import.file')}
          </label>
          <p id="import-file-hint" className="field__hint">
            {t('import.fileHint')}
          </p>
          <input
            id="import-file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={running}
            onChange={chooseFile}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? 'import-file-hint import-file-error' : 'import-file-hint'}
            data-testid="import-file"
          />
          {fileError && (
            <p id="import-file-error" className="field__error" data-testid="import-file-error">
              {t('import.fileError')}
            </p>
          )}
        </div>
        <div className="form__actions">
          <button type="button" className="button" disabled={running} onClick={() => void start(true)} data-testid="import-dry-run">
            {t('import.dryRun')}
          </button>
        </div>
      </div>

      {problem && <ProblemAlert problem={problem} />}
      {dryRun && <JobReport job={dryRun.job} testId="import-dry-run-report" />}
      {dryRun && dryRun.key !== currentKey && dryRun.job.status !== 'RUNNING' && (
        <p className="notice" data-testid="import-stale">
          {t('import.stale')}
        </p>
      )}

      {cleanDryRun && (
        <div className="form import__run">
          <label className="field__check">
            <input
              type="checkbox"
              checked={submitForReview}
              disabled={running}
              onChange={(event) => setSubmitForReview(event.target.checked)}
              data-testid="import-submit-for-review"
            />{' '}
            {t('import.submitForReview')}
          </label>
          <div className="form__actions">
            <button type="button" className="button" disabled={running || importRun !== null} onClick={() => void start(false)} data-testid="import-run">
              {t('import.run', { count: dryRun.job.totalRows })}
            </button>
          </div>
        </div>
      )}
      {importRun && <JobReport job={importRun.job} testId="import-report" />}
      {importRun?.job.status === 'SUCCEEDED' && (
        <p>
          <Link to={`/publish?organisationId=${encodeURIComponent(organisationId)}`} data-testid="import-to-entries">
            {t('import.toEntries')}
          </Link>
        </p>
      )}
    </section>
  );
}

function JobReport({ job, testId }: { job: ImportJob; testId: string }) {
  const { t } = useI18n();
  if (job.status === 'RUNNING') {
    return (
      <div className="import__progress" data-testid={`${testId}-running`}>
        <label htmlFor={`${testId}-progress`}>{t('import.progress', { processed: job.processedRows, total: job.totalRows })}</label>
        <progress id={`${testId}-progress`} max={job.totalRows || 1} value={job.totalRows ? job.processedRows : undefined} />
      </div>
    );
  }
  const failed = job.status === 'FAILED' || job.errorCount > 0;
  return (
    <section className="panel" aria-live="polite" data-testid={testId}>
      {!failed ? (
        <p role="status" className="success" data-testid={`${testId}-success`}>
          {job.dryRun ? t('import.dryRunClean', { count: job.totalRows }) : t(job.submitForReview ? 'import.doneSubmitted' : 'import.done', { count: job.createdCount })}
        </p>
      ) : (
        <>
          <p className="notice notice--error" data-testid={`${testId}-failed`}>
            {job.dryRun ? t('import.dryRunErrors', { count: job.errorCount, total: job.totalRows }) : t('import.failed', { count: job.errorCount, created: job.createdCount })}
          </p>
          {job.errors.length > 0 && (
            <div className="table-scroll">
              <table className="data-table" data-testid={`${testId}-errors`}>
                <caption className="visually-hidden">{t('import.errorsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('import.row')}</th>
                    <th scope="col">{t('import.column')}</th>
                    <th scope="col">{t('import.message')}</th>
                  </tr>
                </thead>
                <tbody>
                  {job.errors.map((error, index) => (
                    <tr key={`${error.row}-${error.column ?? ''}-${index}`}>
                      <td>{error.row ?? '—'}</td>
                      <td>{error.column ?? '—'}</td>
                      <td>{error.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {job.errorCount > job.errors.length && (
            <p className="muted" data-testid={`${testId}-more`}>
              {t('import.moreErrors', { count: job.errorCount - job.errors.length })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
