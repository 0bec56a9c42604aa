import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { useResource } from '../../api/useResource';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { contentTitle, kindLabel } from '../catalog/labels';
import { cityLabel, organisationName } from '../identity/labels';
import { InterestAction } from './InterestAction';
import { amountRange, chainLabel, qualificationLabel, stageLabel } from './labels';
import { MatchExplanation, MatchScore } from './MatchExplanation';
import { candidateId, fetchEntryMatches, keepNew, MATCHES_PAGE_SIZE, type EngagementRequest, type EntryList, type Match } from './matchingApi';

/** One list of the panel: where it comes from and what its rows offer to do. */
interface MatchSection {
  key: string;
  list: EntryList;
  /** `source` of `/needs`: technology needs posted as entries, or written in firms' profiles. */
  source?: 'ENTRY' | 'FIRM';
  title: MessageKey;
  empty: MessageKey;
}

/** The lists an entry's owner sees, by the entry's kind. */
function sectionsOf(kind: string): MatchSection[] {
  switch (kind) {
    case 'FINANCING':
      return [{ key: 'firms', list: 'firms', title: 'entryMatches.firms', empty: 'entryMatches.emptyFirms' }];
    case 'TECH_OFFERING':
      // An offering's needs are both: firms' profiles (approach the firm) and TECH_NEED entries (answer them).
      return [
        { key: 'firms', list: 'needs', source: 'FIRM', title: 'entryMatches.firms', empty: 'entryMatches.emptyFirms' },
        { key: 'needs', list: 'needs', source: 'ENTRY', title: 'entryMatches.needs', empty: 'entryMatches.emptyNeeds' },
      ];
    case 'TECH_NEED':
      return [{ key: 'offerings', list: 'offerings', title: 'entryMatches.offerings', empty: 'entryMatches.emptyOfferings' }];
    default:
      return [];
  }
}

/** Whether an entry of this kind has matches for its owner to see. */
export const hasEntryMatches = (kind: string) => sectionsOf(kind).length > 0;

/**
 * On an entry's page, for the members of the organisation that owns it: the firms a
 * financing entry suits, the firms and technology needs an offering answers, or the
 * offerings that answer a technology need, each scored and explained, with a way to start
 * an engagement.
 */
export function EntryMatchesPanel({ entryId, kind, ownerId }: { entryId: string; kind: string; ownerId: string }) {
  const { t } = useI18n();
  const sections = sectionsOf(kind);
  if (sections.length === 0) {
    return null;
  }
  return (
    <section className="panel entry-matches" aria-labelledby="entry-matches-title" data-testid="entry-matches-panel">
      <div className="panel__head">
        <h2 id="entry-matches-title">{t('entryMatches.title')}</h2>
      </div>
      <p className="muted">{t('entryMatches.intro')}</p>
      {sections.map((section) => (
        <EntryMatchList key={section.key} entryId={entryId} kind={kind} ownerId={ownerId} section={section} />
      ))}
    </section>
  );
}

function EntryMatchList({ entryId, kind, ownerId, section }: { entryId: string; kind: string; ownerId: string; section: MatchSection }) {
  const { t, locale } = useI18n();
  const [page, setPage] = useState(0);
  const [remembered] = useState(() => new Set<string>());
  const load = useCallback(
    async (signal: AbortSignal) => keepNew(await fetchEntryMatches(entryId, section.list, { source: section.source, page }, signal), remembered),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- locale: the explanations come in the UI's language (Accept-Language)
    [entryId, section.list, section.source, page, locale, remembered],
  );
  const matches = useResource(load);
  const data = matches.data;
  const headingId = `entry-matches-${section.key}`;

  return (
    <section aria-labelledby={headingId} data-testid={`entry-matches-${section.key}`}>
      <h3 id={headingId}>{t(section.title)}</h3>
      {matches.problem && <ProblemAlert problem={matches.problem} />}
      {matches.loading && !data && (
        <p role="status" className="muted">
          {t('list.loading')}
        </p>
      )}
      {data && !matches.problem && data.items.length === 0 && <p className="muted">{t(section.empty)}</p>}
      {data && !matches.problem && data.items.length > 0 && (
        <ul className="item-list">
          {data.items.map((match) => (
            <EntryMatchRow
              key={candidateId(match)}
              match={match}
              entryId={entryId}
              kind={kind}
              ownerId={ownerId}
            />
          ))}
        </ul>
      )}
      {data && data.total > MATCHES_PAGE_SIZE && (
        <Pagination page={data.page} size={data.size || MATCHES_PAGE_SIZE} total={data.total} onPage={setPage} label={t(section.title)} />
      )}
    </section>
  );
}

/**
 * What starting an engagement with this candidate means for the entry's owner: approaching
 * a firm about the entry, answering a firm's technology need for the offering's owner, or —
 * for a technology need — the firm approaching the offering.
 */
function engagementFor(match: Match, entryId: string, kind: string, ownerId: string): { request: Omit<EngagementRequest, 'message'>; label: MessageKey } | null {
  if (match.firm) {
    return {
      request: { kind: kind === 'FINANCING' ? 'FINANCING' : 'TECHNOLOGY', subjectId: entryId, firmId: match.firm.organisation.id },
      label: 'entryMatches.approachFirm',
    };
  }
  if (!match.entry) {
    return null;
  }
  if (kind === 'TECH_NEED') {
    return { request: { kind: 'TECHNOLOGY', subjectId: match.entry.id, firmId: ownerId }, label: 'matching.expressInterest' };
  }
  return { request: { kind: 'TECHNOLOGY', subjectId: match.entry.id, organisationId: ownerId }, label: 'entryMatches.answerNeed' };
}

function EntryMatchRow({ match, entryId, kind, ownerId }: { match: Match; entryId: string; kind: string; ownerId: string }) {
  const { t, locale } = useI18n();
  const id = candidateId(match);
  const engagement = engagementFor(match, entryId, kind, ownerId);
  const firm = match.firm;
  const entry = match.entry;
  const name = firm ? organisationName(locale, firm.organisation) : entry ? contentTitle(locale, entry) : id;
  const city = firm?.city ?? entry?.city;
  const district = firm?.district ?? entry?.district;
  const place = [city ? cityLabel(t, city) : null, district].filter(Boolean).join(' · ');
  const chains = firm?.industryChains ?? entry?.industryChains ?? [];
  const amounts = firm?.fundingNeed ? amountRange(t, locale, firm.fundingNeed.amountMinFen, firm.fundingNeed.amountMaxFen) : null;

  return (
    <li className="item match" data-testid={`entry-match-row-${id}`}>
      <div className="item__head">
        <h4 className="item__title" data-testid={`entry-match-title-${id}`}>
          {firm ? (
            <Link to={`/organisations/${encodeURIComponent(firm.organisation.id)}`}>{name}</Link>
          ) : (
            <Link to={`/resources/${encodeURIComponent(id)}`}>{name}</Link>
          )}
        </h4>
        <MatchScore match={match} testPrefix="entry-match" id={id} />
      </div>
      <p className="item__meta">
        {entry && <span className="badge badge--text badge--neutral">{kindLabel(t, entry.kind)}</span>}
        {entry && <span>{organisationName(locale, entry.organisation)}</span>}
        {firm && <span>{stageLabel(t, firm.stage)}</span>}
        {place && <span>{place}</span>}
        {chains.length > 0 && <span>{chains.map((chain) => chainLabel(t, chain)).join('、')}</span>}
      </p>
      {firm && (
        <dl className="facts facts--compact" data-testid={`entry-match-card-${id}`}>
          <div>
            <dt>{t('firmProfile.products')}</dt>
            <dd>{firm.products}</dd>
          </div>
          {firm.qualifications.length > 0 && (
            <div>
              <dt>{t('firmProfile.section.qualifications')}</dt>
              <dd>{firm.qualifications.map((qualification) => qualificationLabel(t, qualification)).join('、')}</dd>
            </div>
          )}
          {amounts && (
            <div>
              <dt>{t('entryMatches.seeks')}</dt>
              <dd>{amounts}</dd>
            </div>
          )}
          {firm.technologyNeeds && (
            <div>
              <dt>{t('firmProfile.technologyNeeds')}</dt>
              <dd>{firm.technologyNeeds}</dd>
            </div>
          )}
        </dl>
      )}
      <MatchExplanation match={match} testPrefix="entry-match" id={id} />
      {engagement && (
        <div className="item__actions">
          <InterestAction testPrefix="entry-match" id={id} name={name} openLabel={engagement.label} request={engagement.request} />
        </div>
      )}
    </li>
  );
}
