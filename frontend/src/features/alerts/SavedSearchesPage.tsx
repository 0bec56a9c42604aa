import { useCallback, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { problemOf, type ProblemDetail } from '../../api/client';
import { useResource } from '../../api/useResource';
import { ActionLabel } from '../../components/ActionLabel';
import { FormAlert, splitProblem, SuccessMessage, TextField, useFocusById, type FieldErrors } from '../../components/forms';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import { formatShanghaiDateTime } from '../../i18n/format';
import { contentTitle, kindLabel } from '../catalog/labels';
import { cityLabel } from '../identity/labels';
import {
  deleteSavedSearch,
  fetchSavedSearches,
  fetchSavedSearchHits,
  HITS_PAGE_SIZE,
  searchPath,
  updateSavedSearch,
  type SavedSearch,
  type SavedSearchHit,
} from './alertsApi';
import { describeQuery } from './labels';

/**
 * `/saved-searches`: my saved searches, each with what it searches for, its new results,
 * and rename, email digest on/off, delete and open.
 */
export function SavedSearchesPage() {
  const { t } = useI18n();
  usePageTitle('savedSearches.title');
  const load = useCallback((signal: AbortSignal) => fetchSavedSearches(signal), []);
  const searches = useResource(load);
  const [deleted, setDeleted] = useState<string | null>(null);
  const data = searches.data;

  const replace = (changed: SavedSearch) =>
    searches.update((current) => current.map((item) => (item.id === changed.id ? changed : item)));
  const remove = (gone: SavedSearch) => {
    searches.update((current) => current.filter((item) => item.id !== gone.id));
    setDeleted(gone.name);
  };

  return (
    <section className="page saved-searches" aria-labelledby="saved-searches-title" aria-busy={searches.loading}>
      <header className="page-header">
        <div>
          <h1 id="saved-searches-title">{t('savedSearches.title')}</h1>
          <p className="page-header__intro">{t('savedSearches.intro')}</p>
        </div>
      </header>
      {deleted && <SuccessMessage testId="saved-search-deleted">{t('savedSearches.deleted', { name: deleted })}</SuccessMessage>}
      {searches.problem && <ProblemAlert problem={searches.problem} />}
      {searches.loading && !data && (
        <p role="status" className="muted">
          {t('list.loading')}
        </p>
      )}
      {data && data.length === 0 && (
        <div className="empty" data-testid="saved-searches-empty">
          <p>{t('savedSearches.empty')}</p>
          <p>
            <Link to="/search" className="button">
              {t('savedSearches.goSearch')}
            </Link>
          </p>
        </div>
      )}
      {data && data.length > 0 && (
        <ul className="item-list" data-testid="saved-searches-list">
          {data.map((search) => (
            <SavedSearchItem key={search.id} search={search} onChanged={replace} onDeleted={remove} />
          ))}
        </ul>
      )}
    </section>
  );
}

function SavedSearchItem({
  search,
  onChanged,
  onDeleted,
}: {
  search: SavedSearch;
  onChanged: (search: SavedSearch) => void;
  onDeleted: (search: SavedSearch) => void;
}) {
  const { t, locale } = useI18n();
  const focusById = useFocusById();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(search.name);
  const [confirming, setConfirming] = useState(false);
  const [showHits, setShowHits] = useState(false);
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const id = search.id;

  const save = async (change: { name: string; emailDigest: boolean }) => {
    setBusy(true);
    setProblem(null);
    setFieldErrors({});
    try {
      onChanged(await updateSavedSearch(id, change));
      return true;
    } catch (error) {
      const split = splitProblem(problemOf(error), ['name']);
      setFieldErrors(split.fieldErrors);
      setProblem(split.rest);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const rename = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!name.trim()) {
      setFieldErrors({ name: t('form.required') });
      return;
    }
    if (await save({ name: name.trim(), emailDigest: search.emailDigest })) {
      setRenaming(false);
      focusById(`saved-search-rename-${id}`);
    }
  };

  const remove = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await deleteSavedSearch(id);
      onDeleted(search);
    } catch (error) {
      setProblem(problemOf(error));
      setBusy(false);
    }
  };

  return (
    <li className="item saved-search" data-testid={`saved-search-${id}`}>
      <div className="item__head">
        <h2 className="item__title" data-testid={`saved-search-name-${id}`}>
          {search.name}
        </h2>
        <span className="badge badge--text badge--neutral" data-testid={`saved-search-digest-state-${id}`}>
          {t(search.emailDigest ? 'savedSearches.digestOn' : 'savedSearches.digestOff')}
        </span>
      </div>
      <p data-testid={`saved-search-query-${id}`}>{describeQuery(t, search.query).join(' · ')}</p>
      <p className="item__meta">
        <span>{t('savedSearches.savedAt', { date: formatShanghaiDateTime(locale, search.createdAt) })}</span>
        <span data-testid={`saved-search-hits-count-${id}`}>
          {search.hitCount > 0 ? t('savedSearches.hitCount', { count: search.hitCount }) : t('savedSearches.noHits')}
        </span>
        {search.lastHitAt && <span>{t('savedSearches.lastHit', { date: formatShanghaiDateTime(locale, search.lastHitAt) })}</span>}
      </p>
      <FormAlert problem={problem} />
      {renaming && (
        <form className="item__actions" aria-label={t('savedSearches.rename')} onSubmit={(event) => void rename(event)} noValidate>
          <TextField
            id={`saved-search-new-name-${id}`}
            field="name"
            label={t('savedSearches.renameLabel')}
            error={fieldErrors.name}
            value={name}
            maxLength={100}
            required
            autoFocus
            onChange={(event) => setName(event.target.value)}
            testId={`saved-search-new-name-${id}`}
          />
          <div className="form__actions">
            <button type="submit" className="button button--small" disabled={busy} data-testid={`saved-search-rename-save-${id}`}>
              {t('form.save')}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                setRenaming(false);
                setName(search.name);
                setFieldErrors({});
                focusById(`saved-search-rename-${id}`);
              }}
              data-testid={`saved-search-rename-cancel-${id}`}
            >
              {t('form.cancel')}
            </button>
          </div>
        </form>
      )}
      <div className="item__actions">
        <Link to={searchPath(search.query)} className="button button--small" data-testid={`saved-search-open-${id}`}>
          <ActionLabel text={t('savedSearches.open')} name={search.name} />
        </Link>
        <button
          type="button"
          className="button button--secondary button--small"
          aria-expanded={showHits}
          aria-controls={`saved-search-hits-${id}`}
          onClick={() => setShowHits((shown) => !shown)}
          data-testid={`saved-search-show-hits-${id}`}
        >
          <ActionLabel text={t(showHits ? 'savedSearches.hideHits' : 'savedSearches.showHits')} name={search.name} />
        </button>
        {!renaming && (
          <button
            type="button"
            id={`saved-search-rename-${id}`}
            className="button button--secondary button--small"
            disabled={busy}
            onClick={() => {
              setName(search.name);
              setRenaming(true);
            }}
            data-testid={`saved-search-rename-${id}`}
          >
            <ActionLabel text={t('savedSearches.rename')} name={search.name} />
          </button>
        )}
        <div className="choice">
          <input
            type="checkbox"
            id={`saved-search-digest-${id}`}
            checked={search.emailDigest}
            disabled={busy}
            onChange={(event) => void save({ name: search.name, emailDigest: event.target.checked })}
            data-testid={`saved-search-digest-${id}`}
          />
          <label htmlFor={`saved-search-digest-${id}`}>
            <ActionLabel text={t('savedSearches.digest')} name={search.name} />
          </label>
        </div>
        {confirming ? (
          <>
            <span id={`saved-search-delete-question-${id}`}>{t('savedSearches.deleteQuestion', { name: search.name })}</span>
            <button
              type="button"
              id={`saved-search-delete-confirm-${id}`}
              className="button button--danger button--small"
              disabled={busy}
              aria-describedby={`saved-search-delete-question-${id}`}
              onClick={() => void remove()}
              data-testid={`saved-search-delete-confirm-${id}`}
            >
              {t('savedSearches.confirmDelete')}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                setConfirming(false);
                focusById(`saved-search-delete-${id}`);
              }}
              data-testid={`saved-search-delete-cancel-${id}`}
            >
              {t('form.cancel')}
            </button>
          </>
        ) : (
          <button
            type="button"
            id={`saved-search-delete-${id}`}
            className="button button--secondary button--small"
            disabled={busy}
            onClick={() => {
              setConfirming(true);
              focusById(`saved-search-delete-confirm-${id}`);
            }}
            data-testid={`saved-search-delete-${id}`}
          >
            <ActionLabel text={t('savedSearches.delete')} name={search.name} />
          </button>
        )}
      </div>
      {showHits && <SavedSearchHits search={search} />}
    </li>
  );
}

/** The newest results a saved search found, a few at a time. */
function SavedSearchHits({ search }: { search: SavedSearch }) {
  const { t, locale } = useI18n();
  const [page, setPage] = useState(0);
  const load = useCallback((signal: AbortSignal) => fetchSavedSearchHits(search.id, page, signal), [search.id, page]);
  const hits = useResource(load);
  const data = hits.data;
  return (
    <section id={`saved-search-hits-${search.id}`} className="saved-search__hits" aria-label={t('savedSearches.hitsTitle', { name: search.name })} data-testid={`saved-search-hits-${search.id}`}>
      {hits.problem && <ProblemAlert problem={hits.problem} />}
      {hits.loading && !data && (
        <p role="status" className="muted">
          {t('list.loading')}
        </p>
      )}
      {data && data.items.length === 0 && <p className="muted">{t('savedSearches.hitsEmpty')}</p>}
      {data && data.items.length > 0 && (
        <ul className="saved-search__hit-list">
          {data.items.map((hit) => (
            <li key={hit.entryId} data-testid={`saved-search-hit-${hit.entryId}`}>
              <HitLine hit={hit} />{' '}
              <span className="muted">{t('savedSearches.foundAt', { date: formatShanghaiDateTime(locale, hit.foundAt) })}</span>
            </li>
          ))}
        </ul>
      )}
      {data && data.total > HITS_PAGE_SIZE && (
        <Pagination page={data.page} size={data.size || HITS_PAGE_SIZE} total={data.total} onPage={setPage} label={t('savedSearches.moreHits')} />
      )}
    </section>
  );
}

function HitLine({ hit }: { hit: SavedSearchHit }) {
  const { t, locale } = useI18n();
  if (!hit.published || !hit.titleZh) {
    return <span className="muted">{t('savedSearches.unavailable')}</span>;
  }
  const place = hit.city ? cityLabel(t, hit.city) : null;
  return (
    <>
      <Link to={`/resources/${encodeURIComponent(hit.entryId)}`}>{contentTitle(locale, { titleZh: hit.titleZh, titleEn: hit.titleEn })}</Link>{' '}
      {hit.kind && <span className="badge badge--text badge--neutral">{kindLabel(t, hit.kind)}</span>}
      {place && <span className="muted"> · {place}</span>}
    </>
  );
}
