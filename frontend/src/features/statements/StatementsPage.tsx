import { useCallback, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { problemOf, type ProblemDetail } from '../../api/client';
import { useResource } from '../../api/useResource';
import { SelectField, TextField, type FieldErrors } from '../../components/forms';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import { formatMonth, formatShanghaiDate } from '../../i18n/format';
import { downloadWithToken, fetchMonthlyStatement, monthlyStatementPath } from '../booking/bookingApi';
import { bookingModeLabel, formatQuantity } from '../booking/labels';
import { isMonth, localMonth } from '../booking/localTime';
import { formatFen, priceUnitLabel } from '../catalog/labels';
import { useAuth } from '../identity/AuthProvider';
import { organisationName } from '../identity/labels';

interface Filters {
  organisationId: string;
  month: string;
}

/** `/statements`: an organisation's monthly statement of bookings, as a table and as CSV. */
export function StatementsPage() {
  const { t, locale } = useI18n();
  usePageTitle('statements.title');
  const { user, hasRole } = useAuth();
  const memberships = user?.memberships ?? [];
  const isAdmin = hasRole('ADMIN');
  const [initial] = useState<Filters>(() => ({ organisationId: memberships[0]?.organisationId ?? '', month: localMonth() }));
  const [draft, setDraft] = useState<Filters>(initial);
  const [filters, setFilters] = useState<Filters>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const organisationId = draft.organisationId.trim();
    const found: FieldErrors = {};
    if (!organisationId) found.organisationId = t('statements.chooseOrganisation');
    if (!isMonth(draft.month)) found.month = t('statements.monthInvalid');
    setErrors(found);
    if (Object.keys(found).length === 0) {
      setFilters({ organisationId, month: draft.month });
    }
  };

  // Admins may look at any organisation (by its ID); members choose one of their own.
  const organisationField =
    isAdmin || memberships.length === 0 ? (
      <>
        <TextField
          id="statements-organisation"
          field="organisationId"
          label={t('statements.organisation')}
          hint={isAdmin ? t('statements.organisationIdHint') : undefined}
          list="statements-organisations"
          value={draft.organisationId}
          onChange={(event) => setDraft({ ...draft, organisationId: event.target.value })}
          error={errors.organisationId}
          testId="statements-organisation"
        />
        <datalist id="statements-organisations">
          {memberships.map((membership) => (
            <option key={membership.organisationId} value={membership.organisationId}>
              {organisationName(locale, membership)}
            </option>
          ))}
        </datalist>
      </>
    ) : (
      <SelectField
        id="statements-organisation"
        field="organisationId"
        label={t('statements.organisation')}
        value={draft.organisationId}
        onChange={(event) => setDraft({ ...draft, organisationId: event.target.value })}
        error={errors.organisationId}
        testId="statements-organisation"
      >
        {memberships.map((membership) => (
          <option key={membership.organisationId} value={membership.organisationId}>
            {organisationName(locale, membership)}
          </option>
        ))}
      </SelectField>
    );

  return (
    <section className="page statements" aria-labelledby="statements-title">
      <header className="page-header">
        <div>
          <h1 id="statements-title">{t('statements.title')}</h1>
          <p className="page-header__intro">{t('statements.intro')}</p>
        </div>
      </header>
      {memberships.length === 0 && !isAdmin ? (
        <p className="empty" data-testid="statements-no-organisations">
          {t('statements.noOrganisations')}
        </p>
      ) : (
        <>
          <form className="filters" onSubmit={apply} aria-label={t('statements.filters')} noValidate data-testid="statements-filters">
            {organisationField}
            <TextField
              id="statements-month"
              field="month"
              type="month"
              label={t('statements.month')}
              value={draft.month}
              onChange={(event) => setDraft({ ...draft, month: event.target.value })}
              error={errors.month}
              testId="statements-month"
            />
            <button type="submit" className="button" data-testid="statements-apply">
              {t('statements.show')}
            </button>
          </form>
          {filters.organisationId ? (
            <MonthlyStatementView organisationId={filters.organisationId} month={filters.month} />
          ) : (
            <p className="empty">{t('statements.chooseOrganisation')}</p>
          )}
        </>
      )}
    </section>
  );
}

function MonthlyStatementView({ organisationId, month }: { organisationId: string; month: string }) {
  const { t, locale } = useI18n();
  const load = useCallback((signal: AbortSignal) => fetchMonthlyStatement(organisationId, month, signal), [organisationId, month]);
  const statement = useResource(load);
  const [csvProblem, setCsvProblem] = useState<ProblemDetail | null>(null);
  const data = statement.problem ? undefined : statement.data;
  const yuan = (fen: number) => formatFen(locale, fen);

  const downloadCsv = () => {
    setCsvProblem(null);
    downloadWithToken(monthlyStatementPath(organisationId, month, true), `statement-${month}.csv`).catch((error: unknown) =>
      setCsvProblem(problemOf(error)),
    );
  };

  return (
    <section className="panel" aria-labelledby="statement-title" aria-busy={statement.loading} data-testid="monthly-statement">
      <div className="panel__head">
        <h2 id="statement-title">{t('statements.heading', { month: formatMonth(locale, month) })}</h2>
        <button type="button" className="button button--secondary button--small" onClick={downloadCsv} data-testid="statements-csv">
          {t('statements.csv')}
        </button>
      </div>
      {csvProblem && <ProblemAlert problem={csvProblem} />}
      {statement.problem && <ProblemAlert problem={statement.problem} />}
      {statement.loading && !data && (
        <p role="status" className="muted">
          {t('list.loading')}
        </p>
      )}
      {data && data.lines.length === 0 && (
        <p className="empty" data-testid="statements-empty">
          {t('statements.empty')}
        </p>
      )}
      {data && data.lines.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" data-testid="statements-table">
            <caption className="visually-hidden">{t('statements.heading', { month: formatMonth(locale, month) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('statements.date')}</th>
                <th scope="col">{t('statements.instrument')}</th>
                <th scope="col">{t('statements.mode')}</th>
                <th scope="col">{t('statements.quantity')}</th>
                <th scope="col">{t('statements.unit')}</th>
                <th scope="col">{t('statements.rate')}</th>
                <th scope="col">{t('statements.amount')}</th>
                <th scope="col">{t('statements.subsidy')}</th>
                <th scope="col">{t('statements.payable')}</th>
              </tr>
            </thead>
            <tbody>
              {data.lines.map((line, index) => (
                <tr key={`${line.bookingId}-${index}`} data-testid={`statement-line-${line.bookingId}`}>
                  <td data-label={t('statements.date')} data-testid={`statement-date-${line.bookingId}`}>
                    {formatShanghaiDate(locale, line.date)}
                  </td>
                  <th scope="row" data-label={t('statements.instrument')}>
                    <Link to={`/bookings/${encodeURIComponent(line.bookingId)}`} data-testid={`statement-link-${line.bookingId}`}>
                      {line.description}
                    </Link>
                  </th>
                  <td data-label={t('statements.mode')}>{bookingModeLabel(t, line.mode)}</td>
                  <td data-label={t('statements.quantity')}>{line.quantity === null ? '—' : formatQuantity(locale, line.quantity)}</td>
                  <td data-label={t('statements.unit')}>{priceUnitLabel(t, line.unit)}</td>
                  <td data-label={t('statements.rate')}>{yuan(line.rateFen)}</td>
                  <td data-label={t('statements.amount')}>{yuan(line.amountFen)}</td>
                  <td data-label={t('statements.subsidy')}>{line.subsidyFen > 0 ? `−${yuan(line.subsidyFen)}` : yuan(0)}</td>
                  <td data-label={t('statements.payable')}>{yuan(line.payableFen)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={8}>
                  {t('statements.total')}
                </th>
                <td data-testid="statement-total">{yuan(data.totalFen)}</td>
              </tr>
              <tr>
                <th scope="row" colSpan={8}>
                  {t('statements.subsidy')}
                </th>
                <td data-testid="statement-subsidy">−{yuan(data.subsidyFen)}</td>
              </tr>
              <tr>
                <th scope="row" colSpan={8}>
                  {t('statements.payable')}
                </th>
                <td data-testid="statement-payable">
                  <strong>{yuan(data.payableFen)}</strong>
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
