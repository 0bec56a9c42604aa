import { useCallback, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useResource } from '../../api/useResource';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import { contentTitle, kindLabel } from '../catalog/labels';
import { searchCities } from '../catalog/types';
import { cityLabel, enumLabel, organisationName } from '../identity/labels';
import { InterestAction } from './InterestAction';
import { chainLabel } from './labels';
import { MatchExplanation, MatchScore } from './MatchExplanation';
import {
  candidateId,
  dealModes,
  fetchFirmMatches,
  fetchMyFirms,
  keepNew,
  financingKinds,
  industryChains,
  MATCHES_PAGE_SIZE,
  type FirmTab,
  type Match,
} from './matchingApi';

const tabs: readonly FirmTab[] = ['financing', 'offerings'];

/** The filters each tab's list takes (see `MatchingController`), besides the score. */
const tabFilters: Record<FirmTab, readonly string[]> = {
  financing: ['city', 'industryChain', 'financingKind'],
  offerings: ['city', 'industryChain', 'dealMode', 'minTrl'],
};

const filterOptions: Record<string, { options: readonly string[]; prefix: string }> = {
  city: { options: searchCities, prefix: 'city' },
  industryChain: { options: industryChains, prefix: 'industryChain' },
  financingKind: { options: financingKinds, prefix: 'financingKind' },
  dealMode: { options: dealModes, prefix: 'dealMode' },
  minTrl: { options: ['1', '2', '3', '4', '5', '6', '7', '8', '9'], prefix: '' },
  minScore: { options: ['20', '40', '60', '80'], prefix: '' },
};

/**
 * `/firms/:orgId/matches?tab=financing|offerings`: the financing entries and tech-transfer
 * offerings that match the firm's profile, best first, each with why it matches and a way
 * to express interest.
 */
export function FirmMatchesPage() {
  const { t, locale } = useI18n();
  const { orgId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab: FirmTab = params.get('tab') === 'offerings' ? 'offerings' : 'financing';
  const page = Math.max(0, Number(params.get('page')) || 0);
  usePageTitle('firmMatches.title');

  const filters = [...tabFilters[tab], 'minScore'];
  const query = Object.fromEntries(filters.map((name) => [name, params.get(name)]));
  const queryKey = JSON.stringify(query);
  const [remembered] = useState(() => new Set<string>());
  const load = useCallback(
    // The list is explained in the UI's language: it loads again when that changes.
    async (signal: AbortSignal) =>
      keepNew(await fetchFirmMatches(orgId, tab, { ...(JSON.parse(queryKey) as Record<string, string | null>), page }, signal), remembered),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- locale: the explanations come in the UI's language (Accept-Language)
    [orgId, tab, queryKey, page, locale, remembered],
  );
  const matches = useResource(load);
  const firms = useResource(useCallback((signal: AbortSignal) => fetchMyFirms(signal), []));
  const firm = firms.data?.find((item) => item.organisation.id === orgId)?.organisation;

  const update = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    change(next);
    next.delete('page');
    setParams(next);
  };
  const data = matches.data;
  const noProfile = matches.problem?.status === 409;

  return (
    <section className="page matches" aria-labelledby="firm-matches-title" aria-busy={matches.loading}>
      <header className="page-header">
        <div>
          <h1 id="firm-matches-title">{t('firmMatches.title')}</h1>
          {firm && (
            <p className="page-header__intro" data-testid="firm-matches-firm">
              {organisationName(locale, firm)}
            </p>
          )}
          <p className="page-header__intro">{t('firmMatches.intro')}</p>
        </div>
      </header>
      <p>
        <Link to={`/firms/${encodeURIComponent(orgId)}/profile`} data-testid="firm-matches-edit-profile">
          {t('firmMatches.editProfile')}
        </Link>
      </p>

      <div className="view-toggle" role="group" aria-label={t('firmMatches.tabs')}>
        {tabs.map((option) => (
          <button
            key={option}
            type="button"
            className={tab === option ? 'button button--small' : 'button button--secondary button--small'}
            aria-pressed={tab === option}
            onClick={() => setParams(new URLSearchParams({ tab: option }))}
            data-testid={`match-tab-${option}`}
          >
            {t(option === 'financing' ? 'firmMatches.tab.financing' : 'firmMatches.tab.offerings')}
          </button>
        ))}
      </div>

      <div className="filters" role="search" aria-label={t('firmMatches.filters')}>
        {filters.map((name) => (
          <MatchFilter key={name} name={name} value={params.get(name) ?? ''} onChange={(value) => update((next) => (value ? next.set(name, value) : next.delete(name)))} />
        ))}
      </div>

      {noProfile && (
        <div className="notice" data-testid="match-no-profile">
          <p>{t('firmMatches.noProfile')}</p>
          <p>
            <Link to={`/firms/${encodeURIComponent(orgId)}/profile`} className="button">
              {t('firmMatches.writeProfile')}
            </Link>
          </p>
        </div>
      )}
      {matches.problem && !noProfile && <ProblemAlert problem={matches.problem} />}
      {matches.loading && (
        <p role="status" className="muted">
          {t('list.loading')}
        </p>
      )}
      {data && !matches.problem && data.items.length === 0 && (
        <p className="empty" data-testid="match-empty">
          {t(tab === 'financing' ? 'firmMatches.emptyFinancing' : 'firmMatches.emptyOfferings')}
        </p>
      )}
      {data && !matches.problem && data.items.length > 0 && (
        <>
          <ul className="item-list" data-testid="match-list">
            {data.items.map((match) => (
              <FirmMatchRow key={candidateId(match)} match={match} tab={tab} orgId={orgId} />
            ))}
          </ul>
          {data.total > MATCHES_PAGE_SIZE && (
            <Pagination
              page={data.page}
              size={data.size || MATCHES_PAGE_SIZE}
              total={data.total}
              onPage={(next) => {
                const search = new URLSearchParams(params);
                search.set('page', String(next));
                setParams(search);
              }}
              label={t('firmMatches.pages')}
            />
          )}
        </>
      )}
    </section>
  );
}

function MatchFilter({ name, value, onChange }: { name: string; value: string; onChange: (value: string) => void }) {
  const { t } = useI18n();
  const { options, prefix } = filterOptions[name]!;
  const label = (option: string) =>
    name === 'minTrl' ? t('matching.filter.trlOption', { trl: option }) : name === 'minScore' ? t('matching.filter.scoreOption', { score: option }) : enumLabel(t, prefix, option);
  const id = `match-filter-${name}`;
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {enumLabel(t, 'matching.filter', name)}
      </label>
      <select id={id} className="field__control" value={value} onChange={(event) => onChange(event.target.value)} data-testid={id}>
        <option value="">{t('matching.filter.any')}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {label(option)}
          </option>
        ))}
      </select>
    </div>
  );
}

function FirmMatchRow({ match, tab, orgId }: { match: Match; tab: FirmTab; orgId: string }) {
  const { t, locale } = useI18n();
  const entry = match.entry;
  if (!entry) {
    return null;
  }
  const id = entry.id;
  const title = contentTitle(locale, entry);
  const summary = locale === 'en' && entry.summaryEn?.trim() ? entry.summaryEn : entry.summaryZh;
  const place = [entry.city ? cityLabel(t, entry.city) : null, entry.district].filter(Boolean).join(' · ');
  return (
    <li className="item match" data-testid={`match-row-${id}`}>
      <div className="item__head">
        <h2 className="item__title">
          <Link to={`/resources/${encodeURIComponent(id)}`} data-testid={`match-title-${id}`}>
            {title}
          </Link>
        </h2>
        <MatchScore match={match} testPrefix="match" id={id} />
      </div>
      <p className="item__meta">
        <span className="badge badge--text badge--neutral">{kindLabel(t, entry.kind)}</span>
        <span>{organisationName(locale, entry.organisation)}</span>
        {place && <span>{place}</span>}
        {(entry.industryChains ?? []).length > 0 && <span>{(entry.industryChains ?? []).map((chain) => chainLabel(t, chain)).join('、')}</span>}
      </p>
      {summary && <p>{summary}</p>}
      <MatchExplanation match={match} testPrefix="match" id={id} />
      <div className="item__actions">
        <InterestAction
          testPrefix="match"
          id={id}
          name={title}
          openLabel="matching.expressInterest"
          request={{ kind: tab === 'financing' ? 'FINANCING' : 'TECHNOLOGY', subjectId: id, firmId: orgId }}
        />
      </div>
    </li>
  );
}
