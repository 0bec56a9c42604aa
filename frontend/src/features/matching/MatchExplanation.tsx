import { useI18n } from '../../i18n/I18nProvider';
import { criterionLabel } from './labels';
import type { Match } from './matchingApi';

/** The score out of 100, and whether the match is new to the viewer's side. */
export function MatchScore({ match, testPrefix, id }: { match: Match; testPrefix: string; id: string }) {
  const { t } = useI18n();
  return (
    <span className="match__score">
      <span className="badge badge--up" data-testid={`${testPrefix}-score-${id}`}>
        {t('matching.score', { score: Math.round(match.score) })}
      </span>
      {match.new && (
        <span className="badge badge--text badge--neutral" data-testid={`${testPrefix}-new-${id}`}>
          {t('matching.new')}
        </span>
      )}
    </span>
  );
}

/**
 * Why it matches: every criterion the engine checked, met or missed, in words. Hard criteria
 * filter (a listed match meets them all); soft ones earn the points of the score.
 */
export function MatchExplanation({ match, testPrefix, id }: { match: Match; testPrefix: string; id: string }) {
  const { t } = useI18n();
  return (
    <div className="match__explanation" data-testid={`${testPrefix}-explanation-${id}`}>
      <p className="match__explanation-title">{t('matching.why')}</p>
      <ul className="match__criteria">
        {match.criteria.map((criterion) => (
          <li
            key={criterion.criterion}
            className={criterion.met ? 'match__criterion match__criterion--met' : 'match__criterion match__criterion--missed'}
            data-met={criterion.met ? 'true' : 'false'}
            data-testid={`${testPrefix}-criterion-${id}-${criterion.criterion}`}
          >
            <span className="match__mark" aria-hidden="true">
              {criterion.met ? '✓' : '✗'}
            </span>{' '}
            <span className="visually-hidden">{t(criterion.met ? 'matching.met' : 'matching.missed')}: </span>
            <strong>{criterionLabel(t, criterion.criterion)}</strong>
            {' — '}
            <span>{criterion.explanation}</span>{' '}
            <span className="muted">
              {criterion.hard || criterion.weight === null
                ? t('matching.required')
                : t('matching.points', { points: criterion.points ?? 0, weight: criterion.weight })}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
