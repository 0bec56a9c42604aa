import { useCallback, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { problemOf, type ProblemDetail } from '../../api/client';
import { useResource } from '../../api/useResource';
import { ActionLabel } from '../../components/ActionLabel';
import { SuccessMessage, useFocusById } from '../../components/forms';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../i18n/format';
import type { MessageKey } from '../../i18n/messages';
import { useAuth } from '../identity/AuthProvider';
import { enumLabel } from '../identity/labels';
import { contentTitle, kindLabel } from './labels';
import { OrganisationPicker } from './OrganisationPicker';
import { chosenMembership, publishableKinds, publishingMemberships } from './publishers';
import { entryAction, ENTRIES_PAGE_SIZE, fetchEntries, type EntryAction } from './publishingApi';
import type { CatalogEntry, ResourceKind } from './types';

const statusBadge: Record<string, string> = { DRAFT: 'badge--neutral', PUBLISHED: 'badge--up', ARCHIVED: 'badge--text' };
const reviewBadge: Record<string, string> = { EDITING: 'badge--text', PENDING: 'badge--neutral', REJECTED: 'badge--down' };

const actionMessages: Record<EntryAction, MessageKey> = {
  submit: 'publish.submitted',
  withdraw: 'publish.withdrawn',
  archive: 'publish.archived',
};

/** `/publish`: the entries of an organisation the user publishes for, with what can be done to each. */
export function MyEntriesPage() {
  const { t, locale } = useI18n();
  usePageTitle('publish.title');
  const { user } = useAuth();
  const [searchParams, setSearchParams] = useSearchParams();
  const memberships = publishingMemberships(user);
  const membership = chosenMembership(memberships, searchParams.get('organisationId'));
  // The kinds this organisation lets the user write; a firm's member writes its needs only.
  const kinds = membership ? publishableKinds(user, membership) : [];
  const organisationId = membership?.organisationId ?? '';
  const page = Math.max(0, Number(searchParams.get('page')) || 0);
  const location = useLocation();
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);

  const load = useCallback(
    (signal: AbortSignal) => (organisationId ? fetchEntries(organisationId, page, signal) : Promise.resolve(null)),
    [organisationId, page],
  );
  const entries = useResource(load);
  const data = entries.data;

  if (!membership) {
    return (
      <section className="page page--narrow" aria-labelledby="publish-title">
        <h1 id="publish-title">{t('publish.title')}</h1>
        <div className="empty" data-testid="publish-no-organisation">
          <p>{t('publish.noOrganisation')}</p>
          <p>
            <Link to="/organisations/mine">{t('publish.noOrganisationLink')}</Link>
          </p>
        </div>
      </section>
    );
  }

  const setParams = (change: (params: URLSearchParams) => void) =>
    setSearchParams((previous) => {
      const params = new URLSearchParams(previous);
      change(params);
      return params;
    });

  const replaceEntry = (entry: CatalogEntry) =>
    entries.update((current) => (current ? { ...current, items: current.items.map((item) => (item.id === entry.id ? entry : item)) } : current));

  return (
    <section className="page publish" aria-labelledby="publish-title" aria-busy={entries.loading}>
      <header className="page-header">
        <div>
          <h1 id="publish-title">{t('publish.title')}</h1>
          <p className="page-header__intro">{t('publish.intro')}</p>
        </div>
      </header>

      <div className="publish__toolbar">
        <OrganisationPicker
          memberships={memberships}
          value={organisationId}
          onChange={(id) =>
            setParams((params) => {
              params.set('organisationId', id);
              params.delete('page');
            })
          }
        />
        <NewEntryForm organisationId={organisationId} kinds={kinds} />
        <p>
          <Link to={`/publish/import?organisationId=${encodeURIComponent(organisationId)}`} data-testid="publish-import-link">
            {t('publish.importLink')}
          </Link>
        </p>
      </div>

      {membership.verificationStatus !== 'VERIFIED' && (
        <p className="notice" data-testid="publish-unverified">
          {t('publish.unverified')}
        </p>
      )}
      {notice && <SuccessMessage testId="publish-notice">{notice}</SuccessMessage>}
      {problem && (
        <div data-testid="publish-problem">
          <ProblemAlert problem={problem} />
        </div>
      )}
      {entries.problem && <ProblemAlert problem={entries.problem} />}
      {entries.loading && !data && (
        <p role="status" className="muted">
          {t('list.loading')}
        </p>
      )}
      {data && data.items.length === 0 && (
        <div className="empty" data-testid="publish-empty">
          <p>{t('publish.empty')}</p>
          <p>{t('publish.emptyHint')}</p>
        </div>
      )}
      {data && data.items.length > 0 && (
        <ul className="item-list" data-testid="publish-entries">
          {data.items.map((entry) => (
            <EntryItem
              key={entry.id}
              entry={entry}
              onChanged={(changed, action) => {
                replaceEntry(changed);
                setProblem(null);
                setNotice(t(actionMessages[action], { title: contentTitle(locale, changed.draft) }));
              }}
              onProblem={(found) => {
                setNotice(null);
                setProblem(found);
              }}
            />
          ))}
        </ul>
      )}
      {data && data.total > 0 && (
        <Pagination
          page={data.page}
          size={data.size || ENTRIES_PAGE_SIZE}
          total={data.total}
          onPage={(next) => setParams((params) => params.set('page', String(next)))}
          label={t('pagination.label')}
        />
      )}
    </section>
  );
}

/** Starts a new entry of one of the kinds the user may write for the organisation. */
function NewEntryForm({ organisationId, kinds }: { organisationId: string; kinds: readonly ResourceKind[] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [chosenKind, setKind] = useState<ResourceKind>('INSTRUMENT');
  const kind = kinds.includes(chosenKind) ? chosenKind : kinds[0]!;
  return (
    <form
      className="publish__new"
      onSubmit={(event) => {
        event.preventDefault();
        navigate(`/publish/new?kind=${kind}&organisationId=${encodeURIComponent(organisationId)}`);
      }}
    >
      <div className="field">
        <label htmlFor="publish-new-kind" className="field__label">
          {t('publish.newKind')}
        </label>
        <select
          id="publish-new-kind"
          className="field__control"
          value={kind}
          onChange={(event) => setKind(event.target.value as ResourceKind)}
          data-testid="publish-new-kind"
        >
          {kinds.map((option) => (
            <option key={option} value={option}>
              {kindLabel(t, option)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" data-testid="publish-new">
        {t('publish.new')}
      </button>
    </form>
  );
}

function EntryItem({
  entry,
  onChanged,
  onProblem,
}: {
  entry: CatalogEntry;
  onChanged: (entry: CatalogEntry, action: EntryAction) => void;
  onProblem: (problem: ProblemDetail) => void;
}) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [confirmArchive, setConfirmArchive] = useState(false);
  const focusById = useFocusById();
  const id = entry.id;
  const title = contentTitle(locale, entry.draft);
  const archived = entry.status === 'ARCHIVED';
  const pending = entry.review === 'PENDING';

  const run = async (action: EntryAction) => {
    setBusy(true);
    try {
      onChanged(await entryAction(id, action), action);
    } catch (error) {
      onProblem(problemOf(error));
    } finally {
      setBusy(false);
      setConfirmArchive(false);
    }
  };

  return (
    <li className="item publish-entry" data-testid={`publish-entry-${id}`}>
      <div className="item__head">
        <h2 className="item__title">{title}</h2>
        <span className="badge badge--neutral">{kindLabel(t, entry.kind)}</span>
      </div>
      <p className="item__meta">
        <span className={`badge ${statusBadge[entry.status] ?? 'badge--neutral'}`} data-testid={`publish-entry-status-${id}`}>
          {enumLabel(t, 'entryStatus', entry.status)}
        </span>
        <span className={`badge ${reviewBadge[entry.review] ?? 'badge--neutral'}`} data-testid={`publish-entry-review-${id}`}>
          {enumLabel(t, 'reviewState', entry.review)}
        </span>
        <span>{t('publish.updatedAt', { time: formatDateTime(locale, entry.updatedAt) })}</span>
      </p>
      {entry.review === 'REJECTED' && entry.rejectionReason && (
        <div className="notice notice--error" data-testid={`publish-entry-rejection-${id}`}>
          <p className="notice__title">{t('publish.rejectionReason')}</p>
          <p>{entry.rejectionReason}</p>
        </div>
      )}
      {entry.status === 'PUBLISHED' && entry.review !== 'EDITING' && <p className="muted">{t('publish.publishedStaysVisible')}</p>}

      {confirmArchive ? (
        <div className="form__actions" role="group" aria-label={t('publish.archiveConfirmLabel', { title })}>
          <span>{t('publish.archiveQuestion')}</span>
          <button
            type="button"
            id={`publish-archive-confirm-${id}`}
            className="button button--danger button--small"
            disabled={busy}
            onClick={() => void run('archive')}
            data-testid={`publish-archive-confirm-${id}`}
          >
            {t('publish.archiveConfirm')}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              setConfirmArchive(false);
              focusById(`publish-archive-${id}`);
            }}
          >
            {t('form.cancel')}
          </button>
        </div>
      ) : (
        <div className="form__actions">
          {!archived && !pending && (
            <Link className="button button--small" to={`/publish/entries/${encodeURIComponent(id)}`} data-testid={`publish-edit-${id}`}>
              <ActionLabel text={t('publish.edit')} name={title} />
            </Link>
          )}
          {!archived && !pending && (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={busy}
              onClick={() => void run('submit')}
              data-testid={`publish-submit-${id}`}
            >
              <ActionLabel text={t('publish.submit')} name={title} />
            </button>
          )}
          {pending && (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={busy}
              onClick={() => void run('withdraw')}
              data-testid={`publish-withdraw-${id}`}
            >
              <ActionLabel text={t('publish.withdraw')} name={title} />
            </button>
          )}
          {entry.status === 'PUBLISHED' && (
            <Link className="button button--secondary button--small" to={`/resources/${encodeURIComponent(id)}`} data-testid={`publish-view-${id}`}>
              <ActionLabel text={t('publish.viewPublic')} name={title} />
            </Link>
          )}
          {!archived && (
            <button
              type="button"
              id={`publish-archive-${id}`}
              className="button button--secondary button--small"
              disabled={busy}
              onClick={() => {
                setConfirmArchive(true);
                focusById(`publish-archive-confirm-${id}`);
              }}
              data-testid={`publish-archive-${id}`}
            >
              <ActionLabel text={t('publish.archive')} name={title} />
            </button>
          )}
        </div>
      )}
    </li>
  );
}
