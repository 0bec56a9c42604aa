import { useCallback, useState, type FormEvent } from 'react';
import { problemOf, type ProblemDetail } from '../../api/client';
import { useResource } from '../../api/useResource';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import { formatFen } from '../catalog/labels';
import { downloadWithToken } from '../booking/bookingApi';
import { addDays, localMidnightMs, localToday } from '../booking/localTime';
import { useAuth } from '../identity/AuthProvider';
import { cityLabel, organisationName } from '../identity/labels';
import { BarChart } from './BarChart';
import {
  crossCityPath,
  fetchCrossCity,
  fetchRevenue,
  fetchUtilisation,
  revenuePath,
  utilisationPath,
} from './reportsApi';

/**
 * The API reads a local date as that day's midnight (Asia/Shanghai), as availability does, so
 * the end of an inclusive range of days is sent as the next day.
 */
export function dayAfter(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(localMidnightMs(date)) ? addDays(date, 1) : date;
}

interface Filters {
  organisationId: string;
  from: string;
  to: string;
  year: string;
}

/** `/reports`: utilisation, revenue and (admins) cross-city flows, as charts, tables and CSV. */
export function ReportsPage() {
  const { t, locale } = useI18n();
  usePageTitle('reports.title');
  const { user, hasRole } = useAuth();
  const memberships = user?.memberships ?? [];
  const isAdmin = hasRole('ADMIN');
  const [initial] = useState<Filters>(() => {
    const today = localToday();
    return { organisationId: memberships[0]?.organisationId ?? '', from: addDays(today, -30), to: today, year: today.slice(0, 4) };
  });
  const [draft, setDraft] = useState<Filters>(initial);
  const [filters, setFilters] = useState<Filters>(initial);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ ...draft, organisationId: draft.organisationId.trim() });
  };

  return (
    <section className="page reports" aria-labelledby="reports-title">
      <header className="page-header">
        <div>
          <h1 id="reports-title">{t('reports.title')}</h1>
          <p className="page-header__intro">{t('reports.intro')}</p>
        </div>
      </header>
      <form className="filters" onSubmit={apply} aria-label={t('reports.filters')} data-testid="reports-filters">
        {isAdmin || memberships.length === 0 ? (
          <div className="field">
            <label htmlFor="reports-organisation" className="field__label">
              {t('reports.organisation')}
            </label>
            <input
              id="reports-organisation"
              className="field__control"
              list="reports-organisations"
              value={draft.organisationId}
              onChange={(event) => setDraft({ ...draft, organisationId: event.target.value })}
              data-testid="reports-organisation"
            />
            <datalist id="reports-organisations">
              {memberships.map((membership) => (
                <option key={membership.organisationId} value={membership.organisationId}>
                  {organisationName(locale, membership)}
                </option>
              ))}
            </datalist>
          </div>
        ) : (
          <div className="field">
            <label htmlFor="reports-organisation" className="field__label">
              {t('reports.organisation')}
            </label>
            <select
              id="reports-organisation"
              className="field__control"
              value={draft.organisationId}
              onChange={(event) => setDraft({ ...draft, organisationId: event.target.value })}
              data-testid="reports-organisation"
            >
              {memberships.map((membership) => (
                <option key={membership.organisationId} value={membership.organisationId}>
                  {organisationName(locale, membership)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="reports-from" className="field__label">
            {t('reports.from')}
          </label>
          <input id="reports-from" type="date" className="field__control" value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.target.value })} data-testid="reports-from" />
        </div>
        <div className="field">
          <label htmlFor="reports-to" className="field__label">
            {t('reports.to')}
          </label>
          <input id="reports-to" type="date" className="field__control" value={draft.to} onChange={(event) => setDraft({ ...draft, to: event.target.value })} data-testid="reports-to" />
        </div>
        <div className="field">
          <label htmlFor="reports-year" className="field__label">
            {t('reports.year')}
          </label>
          <input id="reports-year" inputMode="numeric" className="field__control" value={draft.year} onChange={(event) => setDraft({ ...draft, year: event.target.value })} data-testid="reports-year" />
        </div>
        <button type="submit" className="button" data-testid="reports-apply">
          {t('reports.show')}
        </button>
      </form>
      {filters.organisationId ? (
        <>
          <UtilisationReport organisationId={filters.organisationId} from={filters.from} to={dayAfter(filters.to)} />
          <RevenueReport organisationId={filters.organisationId} year={filters.year} />
        </>
      ) : (
        <p className="empty">{t('reports.chooseOrganisation')}</p>
      )}
      {isAdmin && <CrossCityReport from={filters.from} to={dayAfter(filters.to)} />}
    </section>
  );
}

/** A button that downloads a report as CSV with the session's token. */
function CsvDownload({ path, filename, testId }: { path: string; filename: string; testId: string }) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  return (
    <>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => {
          setProblem(null);
          downloadWithToken(path, filename).catch((error: unknown) => setProblem(problemOf(error)));
        }}
        data-testid={testId}
      >
        {t('reports.csv')}
      </button>
      {problem && <ProblemAlert problem={problem} />}
    </>
  );
}

const percent = (locale: string, value: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
const hours = (locale: string, value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);

function UtilisationReport({ organisationId, from, to }: { organisationId: string; from: string; to: string }) {
  const { t, locale } = useI18n();
  const load = useCallback((signal: AbortSignal) => fetchUtilisation({ organisationId, from, to }, signal), [organisationId, from, to]);
  const report = useResource(load);
  const rows = report.data?.instruments ?? [];
  return (
    <section className="panel" aria-labelledby="utilisation-title" data-testid="report-utilisation">
      <div className="panel__head">
        <h2 id="utilisation-title">{t('reports.utilisation.title')}</h2>
        <CsvDownload path={utilisationPath({ organisationId, from, to }, true)} filename={`utilisation-${from}-${to}.csv`} testId="utilisation-csv" />
      </div>
      {report.problem && <ProblemAlert problem={report.problem} />}
      {report.loading && !report.data && (
        <p role="status" className="muted">
          {t('list.loading')}
        </p>
      )}
      {report.data && rows.length === 0 && <p className="empty">{t('list.empty')}</p>}
      {rows.length > 0 && (
        <>
          <BarChart
            title={t('reports.utilisation.title')}
            description={t('reports.utilisation.chartDescription')}
            series={[
              { key: 'booked', label: t('reports.utilisation.booked'), className: 'chart__bar--booked' },
              { key: 'used', label: t('reports.utilisation.used'), className: 'chart__bar--used' },
              { key: 'idle', label: t('reports.utilisation.idle'), className: 'chart__bar--idle' },
            ]}
            groups={rows.map((row) => ({ label: row.title, values: { booked: row.bookedHours, used: row.usedHours, idle: row.idleHours } }))}
            format={(value) => hours(locale, value)}
            testId="utilisation-chart"
          />
          <div className="table-scroll">
            <table className="data-table" data-testid="utilisation-table">
              <caption className="visually-hidden">{t('reports.utilisation.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reports.instrument')}</th>
                  <th scope="col">{t('reports.utilisation.open')}</th>
                  <th scope="col">{t('reports.utilisation.booked')}</th>
                  <th scope="col">{t('reports.utilisation.used')}</th>
                  <th scope="col">{t('reports.utilisation.idle')}</th>
                  <th scope="col">{t('reports.bookings')}</th>
                  <th scope="col">{t('reports.utilisation.noShowRate')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.instrumentId} data-testid={`utilisation-${row.instrumentId}`}>
                    <th scope="row">{row.title}</th>
                    <td data-label={t('reports.utilisation.open')}>{hours(locale, row.openHours)}</td>
                    <td data-label={t('reports.utilisation.booked')}>{hours(locale, row.bookedHours)}</td>
                    <td data-label={t('reports.utilisation.used')}>{hours(locale, row.usedHours)}</td>
                    <td data-label={t('reports.utilisation.idle')}>{hours(locale, row.idleHours)}</td>
                    <td data-label={t('reports.bookings')}>{row.bookings}</td>
                    <td data-label={t('reports.utilisation.noShowRate')}>
                      {percent(locale, row.noShowRate)} ({row.noShows})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function RevenueReport({ organisationId, year }: { organisationId: string; year: string }) {
  const { t, locale } = useI18n();
  const load = useCallback((signal: AbortSignal) => fetchRevenue({ organisationId, year }, signal), [organisationId, year]);
  const report = useResource(load);
  const months = report.data?.months ?? [];
  const yuan = (fen: number) => formatFen(locale, fen);
  return (
    <section className="panel" aria-labelledby="revenue-title" data-testid="report-revenue">
      <div className="panel__head">
        <h2 id="revenue-title">{t('reports.revenue.title', { year })}</h2>
        <CsvDownload path={revenuePath({ organisationId, year }, true)} filename={`revenue-${year}.csv`} testId="revenue-csv" />
      </div>
      {report.problem && <ProblemAlert problem={report.problem} />}
      {report.data && months.length === 0 && <p className="empty">{t('list.empty')}</p>}
      {months.length > 0 && (
        <>
          <BarChart
            title={t('reports.revenue.title', { year })}
            description={t('reports.revenue.chartDescription')}
            series={[
              { key: 'payable', label: t('booking.field.payable'), className: 'chart__bar--payable' },
              { key: 'subsidy', label: t('booking.field.subsidy'), className: 'chart__bar--subsidy' },
            ]}
            groups={months.map((month) => ({ label: month.month, values: { payable: month.payableFen, subsidy: month.subsidyFen } }))}
            format={yuan}
            testId="revenue-chart"
          />
          <div className="table-scroll">
            <table className="data-table" data-testid="revenue-table">
              <caption className="visually-hidden">{t('reports.revenue.title', { year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reports.month')}</th>
                  <th scope="col">{t('reports.bookings')}</th>
                  <th scope="col">{t('booking.field.charge')}</th>
                  <th scope="col">{t('booking.field.subsidy')}</th>
                  <th scope="col">{t('booking.field.payable')}</th>
                </tr>
              </thead>
              <tbody>
                {months.map((month) => (
                  <tr key={month.month} data-testid={`revenue-${month.month}`}>
                    <th scope="row">{month.month}</th>
                    <td data-label={t('reports.bookings')}>{month.bookings}</td>
                    <td data-label={t('booking.field.charge')}>{yuan(month.chargeFen)}</td>
                    <td data-label={t('booking.field.subsidy')}>{yuan(month.subsidyFen)}</td>
                    <td data-label={t('booking.field.payable')}>{yuan(month.payableFen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function CrossCityReport({ from, to }: { from: string; to: string }) {
  const { t, locale } = useI18n();
  const load = useCallback((signal: AbortSignal) => fetchCrossCity({ from, to }, signal), [from, to]);
  const report = useResource(load);
  const flows = report.data?.flows ?? [];
  return (
    <section className="panel" aria-labelledby="cross-city-title" data-testid="report-cross-city">
      <div className="panel__head">
        <h2 id="cross-city-title">{t('reports.crossCity.title')}</h2>
        <CsvDownload path={crossCityPath({ from, to }, true)} filename={`cross-city-${from}-${to}.csv`} testId="cross-city-csv" />
      </div>
      {report.problem && <ProblemAlert problem={report.problem} />}
      {report.data && flows.length === 0 && <p className="empty">{t('list.empty')}</p>}
      {flows.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" data-testid="cross-city-table">
            <caption className="visually-hidden">{t('reports.crossCity.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.crossCity.from')}</th>
                <th scope="col">{t('reports.crossCity.to')}</th>
                <th scope="col">{t('reports.bookings')}</th>
                <th scope="col">{t('reports.crossCity.hours')}</th>
              </tr>
            </thead>
            <tbody>
              {flows.map((flow) => (
                <tr key={`${flow.fromCity}-${flow.toCity}`}>
                  <td data-label={t('reports.crossCity.from')}>{cityLabel(t, flow.fromCity)}</td>
                  <td data-label={t('reports.crossCity.to')}>{cityLabel(t, flow.toCity)}</td>
                  <td data-label={t('reports.bookings')}>{flow.bookings}</td>
                  <td data-label={t('reports.crossCity.hours')}>{hours(locale, flow.hours)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
