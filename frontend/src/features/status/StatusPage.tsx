import { useCallback, useEffect, useRef, useState } from 'react';
import { problemOf, type ProblemDetail } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import { componentNameKey, detailEntries, fetchHealth, statusTone, type HealthReport } from './health';
import { StatusBadge } from './StatusBadge';

/** How often the page asks the backend again while it is open. */
export const REFRESH_INTERVAL_MS = 15_000;

interface State {
  loading: boolean;
  report?: HealthReport;
  problem?: ProblemDetail;
  checkedAt?: Date;
}

export function StatusPage() {
  const { t, locale } = useI18n();
  usePageTitle('status.title');
  const [state, setState] = useState<State>({ loading: true });
  const inFlight = useRef<AbortController | null>(null);

  /** Asks for a fresh report; answers the next state, or nothing when superseded. */
  const check = useCallback(async (): Promise<State | undefined> => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    let next: State;
    try {
      next = { loading: false, report: await fetchHealth(controller.signal), checkedAt: new Date() };
    } catch (error) {
      next = { loading: false, problem: problemOf(error), checkedAt: new Date() };
    }
    return controller.signal.aborted ? undefined : next;
  }, []);

  const load = useCallback(() => {
    void check().then((next) => next && setState(next));
  }, [check]);

  useEffect(() => {
    load();
    const timer = window.setInterval(load, REFRESH_INTERVAL_MS);
    return () => {
      window.clearInterval(timer);
      inFlight.current?.abort();
    };
  }, [load]);

  const refresh = () => {
    setState((previous) => ({ ...previous, loading: true }));
    load();
  };

  const { report, problem, loading, checkedAt } = state;
  const components = Object.entries(report?.components ?? {});
  const tone = report ? statusTone(report.status) : undefined;
  const summaryKey = tone === 'up' ? 'status.overallUp' : tone === 'down' ? 'status.overallDown' : 'status.overallOther';

  return (
    <section className="page status" aria-labelledby="status-title" aria-busy={loading}>
      <header className="page-header">
        <div>
          <h1 id="status-title">{t('status.title')}</h1>
          <p className="page-header__intro">{t('status.intro')}</p>
        </div>
        <button type="button" className="button" onClick={refresh} data-testid="health-refresh">
          <svg
            aria-hidden="true"
            viewBox="0 0 24 24"
            width="18"
            height="18"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            className={loading ? 'spin' : undefined}
          >
            <path d="M20 11a8 8 0 1 0-2.3 5.7M20 4v7h-7" />
          </svg>
          {loading && (report || problem) ? t('status.refreshing') : t('status.refresh')}
        </button>
      </header>

      {loading && !report && !problem && (
        <p role="status" className="status__loading" data-testid="health-loading">
          {t('status.loading')}
        </p>
      )}

      {problem && <ProblemAlert problem={problem} />}

      {report && (
        <>
          <div className={`overall overall--${tone}`}>
            <div className="overall__line">
              <span className="overall__label">{t('status.overall')}</span>
              <StatusBadge status={report.status} testId="health-overall" />
            </div>
            <p className="overall__summary">{t(summaryKey)}</p>
          </div>

          <h2 className="status__subtitle">{t('status.componentsTitle')}</h2>
          {components.length === 0 ? (
            <p>{t('status.noComponents')}</p>
          ) : (
            <ul className="health-list">
              {components.map(([name, component]) => {
                const nameKey = componentNameKey(name);
                const details = detailEntries(name, component, locale);
                return (
                  <li
                    key={name}
                    className={`health-item health-item--${statusTone(component.status)}`}
                    data-testid={`health-component-${name}`}
                  >
                    <div className="health-item__head">
                      <h3 className="health-item__name">
                        {nameKey ? t(nameKey) : name}
                        {nameKey && t(nameKey).toLowerCase() !== name.toLowerCase() && <span className="health-item__id">{name}</span>}
                      </h3>
                      <StatusBadge status={component.status} testId={`health-status-${name}`} />
                    </div>
                    {details.length > 0 && (
                      <dl className="health-item__details">
                        {details.map((entry) => (
                          <div key={entry.key} className="health-item__detail">
                            <dt>{entry.key}</dt>
                            <dd>{entry.value}</dd>
                          </div>
                        ))}
                      </dl>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}

      {checkedAt && (
        <p className="status__checked" data-testid="health-checked-at">
          {t('status.lastChecked', {
            time: new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(checkedAt),
          })}
        </p>
      )}
    </section>
  );
}
