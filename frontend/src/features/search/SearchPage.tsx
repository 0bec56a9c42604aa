import { lazy, Suspense, useCallback, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { problemOf, type ProblemDetail } from '../../api/client';
import { useResource } from '../../api/useResource';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import type { Locale, MessageKey } from '../../i18n/messages';
import { SaveSearchPanel } from '../alerts/SaveSearchPanel';
import { searchQuery, searchResources } from '../catalog/api';
import { Highlight } from '../catalog/Highlight';
import { contentTitle, formatFen, kindLabel, sortLabel } from '../catalog/labels';
import { searchSorts, type FacetBucket, type SearchHit } from '../catalog/types';
import { cityLabel, enumLabel, organisationName } from '../identity/labels';
import { DistanceControls } from './DistanceControls';
import { SearchBox } from './SearchBox';

/** The map brings Leaflet: loaded only when the map view is chosen. */
const ResultsMap = lazy(() => import('./ResultsMap'));

/** The facets shown as checkbox lists: the search parameter, its heading and how a value is labelled. */
const facetGroups = [
  { key: 'kind', title: 'search.facet.kind', prefix: 'resourceKind' },
  { key: 'city', title: 'search.facet.city', prefix: 'city' },
  { key: 'industryChain', title: 'search.facet.industryChain', prefix: 'industryChain' },
  // Shown only when technology needs are among the results (a facet without values hides).
  { key: 'needType', title: 'search.facet.needType', prefix: 'needType' },
] as const satisfies readonly { key: string; title: MessageKey; prefix: string }[];

type FacetKey = (typeof facetGroups)[number]['key'];

interface MorePages {
  /** The search (request query without cursor) these pages belong to. */
  key: string;
  items: SearchHit[];
  next: string | null;
}

/**
 * Searches the catalogue. The query, the filters and the sort order live in the address
 * (`/search?q=质谱&kind=INSTRUMENT&city=CHANGSHA`), so a search can be shared and the back
 * button returns to the previous one. Further pages are appended with the `next` cursor.
 */
export function SearchPage() {
  const { t, locale } = useI18n();
  usePageTitle('search.title');
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q') ?? '';
  const near = searchParams.get('near');
  const sortParam = searchParams.get('sort') ?? 'RELEVANCE';
  const sort = sortParam === 'DISTANCE' && !near ? 'RELEVANCE' : sortParam;
  const view = searchParams.get('view') === 'map' ? 'map' : 'list';
  const tags = searchParams.getAll('tag');
  const key = searchQuery(searchParams);

  const load = useCallback((signal: AbortSignal) => searchResources(new URLSearchParams(key), null, signal), [key]);
  const results = useResource(load);
  const [more, setMore] = useState<MorePages | null>(null);
  const [moreProblem, setMoreProblem] = useState<{ key: string; problem: ProblemDetail } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [filtersOpen, setFiltersOpen] = useState(false);

  const data = results.data;
  const extra = more?.key === key ? more : null;
  const firstItems = data?.items;
  const extraItems = extra?.items;
  const items = useMemo(() => [...(firstItems ?? []), ...(extraItems ?? [])], [firstItems, extraItems]);
  const next = extra ? extra.next : (data?.next ?? null);
  const hasFilters = facetGroups.some((group) => searchParams.getAll(group.key).length > 0) || tags.length > 0;

  const update = (change: (params: URLSearchParams) => void) =>
    setSearchParams((previous) => {
      const params = new URLSearchParams(previous);
      change(params);
      return params;
    });

  const searchFor = (text: string) => {
    const value = text.trim();
    update((params) => (value ? params.set('q', value) : params.delete('q')));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    searchFor(String(new FormData(event.currentTarget).get('q') ?? ''));
  };

  /** A tag chosen in the type-ahead: filter by it instead of searching words. */
  const filterByTag = (tag: string) =>
    update((params) => {
      params.delete('q');
      if (!params.getAll('tag').includes(tag)) {
        params.append('tag', tag);
      }
    });

  const removeTag = (tag: string) =>
    update((params) => {
      const rest = params.getAll('tag').filter((item) => item !== tag);
      params.delete('tag');
      rest.forEach((item) => params.append('tag', item));
    });

  const measureFrom = (origin: string | null, point: string | null) =>
    update((params) => {
      if (origin && point) {
        params.set('from', origin);
        params.set('near', point);
        params.set('sort', 'DISTANCE');
      } else {
        params.delete('from');
        params.delete('near');
        params.delete('radiusKm');
        if (params.get('sort') === 'DISTANCE') {
          params.delete('sort');
        }
      }
    });

  const sorts = near ? [...searchSorts, 'DISTANCE'] : searchSorts;

  const toggle = (group: FacetKey, value: string) =>
    update((params) => {
      const values = params.getAll(group);
      params.delete(group);
      const chosen = values.includes(value) ? values.filter((item) => item !== value) : [...values, value];
      chosen.forEach((item) => params.append(group, item));
    });

  const clearFilters = () =>
    update((params) => {
      facetGroups.forEach((group) => params.delete(group.key));
      params.delete('tag');
    });

  const loadMore = async () => {
    if (!next) {
      return;
    }
    setLoadingMore(true);
    setMoreProblem(null);
    try {
      const page = await searchResources(new URLSearchParams(key), next);
      setMore((previous) => ({
        key,
        items: [...(previous?.key === key ? previous.items : []), ...page.items],
        next: page.next ?? null,
      }));
    } catch (error) {
      setMoreProblem({ key, problem: problemOf(error) });
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <section className="page search" aria-labelledby="search-title" aria-busy={results.loading || loadingMore}>
      <header className="page-header">
        <div>
          <h1 id="search-title">{t('search.title')}</h1>
          <p className="page-header__intro">{t('search.intro')}</p>
        </div>
      </header>

      <form className="search__form" role="search" onSubmit={submit} aria-label={t('search.formLabel')}>
        <label htmlFor="search-q" className="visually-hidden">
          {t('search.queryLabel')}
        </label>
        <SearchBox key={q} defaultValue={q} onSearchText={searchFor} onTag={filterByTag} />
        <button type="submit" className="button" data-testid="search-submit">
          {t('form.search')}
        </button>
      </form>
      {tags.length > 0 && (
        <ul className="search__chips" aria-label={t('search.activeTags')} data-testid="search-tags">
          {tags.map((tag) => (
            <li key={tag}>
              <button type="button" className="button button--secondary button--small" onClick={() => removeTag(tag)} data-testid={`search-tag-${tag}`}>
                {t('search.tagChip', { tag })} <span aria-hidden="true">×</span>
                <span className="visually-hidden">{t('search.removeTag')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}

      <div className="search__layout">
        <div className="search__side">
          <button
            type="button"
            className="button button--secondary search__filters-toggle"
            aria-expanded={filtersOpen}
            aria-controls="search-facets"
            onClick={() => setFiltersOpen((open) => !open)}
            data-testid="search-filters-toggle"
          >
            {t('search.filters')}
          </button>
          <div
            id="search-facets"
            className={filtersOpen ? 'search__facets search__facets--open' : 'search__facets'}
            data-testid="search-facets"
          >
            {facetGroups.map((group) => (
              <FacetList
                key={group.key}
                group={group.key}
                title={t(group.title)}
                buckets={data?.facets?.[group.key] ?? []}
                selected={searchParams.getAll(group.key)}
                label={(value) => enumLabel(t, group.prefix, value)}
                onToggle={(value) => toggle(group.key, value)}
              />
            ))}
            {hasFilters && (
              <button type="button" className="button button--secondary button--small" onClick={clearFilters} data-testid="search-clear-filters">
                {t('search.clearFilters')}
              </button>
            )}
          </div>
        </div>

        <div className="search__results">
          <div className="search__bar">
            <p className="search__total" aria-live="polite" data-testid="search-total">
              {data ? t('search.total', { total: data.total }) : ''}
            </p>
            <div className="search__sort">
              <label htmlFor="search-sort" className="field__label">
                {t('search.sort')}
              </label>
              <select
                id="search-sort"
                className="field__control"
                value={sort}
                onChange={(event) =>
                  update((params) =>
                    event.target.value === 'RELEVANCE' ? params.delete('sort') : params.set('sort', event.target.value),
                  )
                }
                data-testid="search-sort"
              >
                {sorts.map((option) => (
                  <option key={option} value={option}>
                    {sortLabel(t, option)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="search__bar search__bar--secondary">
            <DistanceControls
              origin={near ? searchParams.get('from') ?? 'HERE' : null}
              radiusKm={searchParams.get('radiusKm')}
              onChange={measureFrom}
              onRadius={(km) => update((params) => (km ? params.set('radiusKm', km) : params.delete('radiusKm')))}
            />
            <div className="view-toggle" role="group" aria-label={t('search.view.label')}>
              {(['list', 'map'] as const).map((option) => (
                <button
                  key={option}
                  type="button"
                  className={view === option ? 'button button--small' : 'button button--secondary button--small'}
                  aria-pressed={view === option}
                  onClick={() => update((params) => (option === 'map' ? params.set('view', 'map') : params.delete('view')))}
                  data-testid={`search-view-${option}`}
                >
                  {t(option === 'map' ? 'search.view.map' : 'search.view.list')}
                </button>
              ))}
            </div>
          </div>
          <SaveSearchPanel params={searchParams} />

          {results.problem && <ProblemAlert problem={results.problem} />}
          {results.loading && !data && (
            <p role="status" className="muted">
              {t('list.loading')}
            </p>
          )}
          {data && !results.problem && items.length === 0 && (
            <div className="empty" data-testid="search-empty">
              <p>{t('search.empty')}</p>
              {hasFilters && <p>{t('search.emptyFiltersHint')}</p>}
            </div>
          )}
          {items.length > 0 && !results.problem && view === 'map' && (
            <Suspense
              fallback={
                <p role="status" className="muted">
                  {t('search.map.loading')}
                </p>
              }
            >
              <ResultsMap items={items} />
            </Suspense>
          )}
          {items.length > 0 && !results.problem && view === 'list' && (
            <ol className="item-list search__list" data-testid="search-results">
              {items.map((hit) => (
                <SearchResult key={hit.id} hit={hit} locale={locale} />
              ))}
            </ol>
          )}
          {moreProblem?.key === key && <ProblemAlert problem={moreProblem.problem} />}
          {next && !results.problem && (
            <p className="search__more">
              <button
                type="button"
                className="button button--secondary"
                disabled={loadingMore}
                onClick={() => void loadMore()}
                data-testid="search-load-more"
              >
                {t(loadingMore ? 'list.loading' : 'search.loadMore')}
              </button>
            </p>
          )}
        </div>
      </div>
    </section>
  );
}

function FacetList({
  group,
  title,
  buckets,
  selected,
  label,
  onToggle,
}: {
  group: string;
  title: string;
  buckets: readonly FacetBucket[];
  selected: readonly string[];
  label: (value: string) => string;
  onToggle: (value: string) => void;
}) {
  // A chosen value stays listed (to be unchosen) even when the answer has no bucket for it.
  const shown = [...buckets, ...selected.filter((value) => !buckets.some((bucket) => bucket.value === value)).map((value) => ({ value, count: 0 }))];
  if (shown.length === 0) {
    return null;
  }
  return (
    <fieldset className="fieldset facet" data-testid={`facet-${group}`}>
      <legend>{title}</legend>
      <ul className="facet__list">
        {shown.map((bucket) => {
          const id = `facet-${group}-${bucket.value}`;
          return (
            <li key={bucket.value} className="facet__item">
              <input
                type="checkbox"
                id={id}
                checked={selected.includes(bucket.value)}
                onChange={() => onToggle(bucket.value)}
                data-testid={id}
              />
              <label htmlFor={id}>
                {label(bucket.value)} <span className="facet__count">({bucket.count})</span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

function hitTitle(locale: Locale, hit: SearchHit): ReactNode {
  const english = locale === 'en' && Boolean(hit.titleEn?.trim());
  const fragment = (english ? hit.highlights?.titleEn : hit.highlights?.titleZh)?.[0];
  return fragment ? <Highlight fragment={fragment} /> : contentTitle(locale, hit);
}

function hitSummary(hit: SearchHit): ReactNode {
  const fragments = hit.highlights?.summaryZh;
  if (fragments && fragments.length > 0) {
    return fragments.map((fragment, index) => (
      <span key={index}>
        {index > 0 && ' … '}
        <Highlight fragment={fragment} />
      </span>
    ));
  }
  return hit.summaryZh;
}

function SearchResult({ hit, locale }: { hit: SearchHit; locale: Locale }) {
  const { t } = useI18n();
  const summary = hitSummary(hit);
  const place = [hit.city ? cityLabel(t, hit.city) : null, hit.district].filter(Boolean).join(' · ');
  return (
    <li className="item search-result" data-testid={`search-result-${hit.id}`}>
      {hit.coverImageUrl && (
        <img className="search-result__cover" src={hit.coverImageUrl} alt="" loading="lazy" data-testid={`search-result-cover-${hit.id}`} />
      )}
      <div className="item__head">
        <h2 className="item__title">
          <Link to={`/resources/${encodeURIComponent(hit.id)}`} data-testid={`search-result-title-${hit.id}`}>
            {hitTitle(locale, hit)}
          </Link>
        </h2>
        <span className="badge badge--neutral" data-testid={`search-result-kind-${hit.id}`}>
          {kindLabel(t, hit.kind)}
        </span>
      </div>
      {summary && (
        <p className="search-result__summary" lang="zh-CN">
          {summary}
        </p>
      )}
      <p className="item__meta">
        {hit.organisation && <span>{organisationName(locale, hit.organisation)}</span>}
        {place && <span>{place}</span>}
        {hit.priceFen != null && (
          <span data-testid={`search-result-price-${hit.id}`}>{t('search.price', { price: formatFen(locale, hit.priceFen) })}</span>
        )}
        {hit.distanceKm != null && <span>{t('search.distance', { km: hit.distanceKm.toFixed(1) })}</span>}
      </p>
    </li>
  );
}
