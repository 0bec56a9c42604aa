import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { problemOf, type ProblemDetail } from '../../api/client';
import { useResource, type Resource } from '../../api/useResource';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import { formatShanghaiRange } from '../../i18n/format';
import { formatFen, priceUnitLabel } from '../catalog/labels';
import { useAuth } from '../identity/AuthProvider';
import { BookingActions } from './BookingActions';
import { BookingDetails } from './BookingDetails';
import { bookingCalendarPath, downloadWithToken, fetchBooking, fetchStatement } from './bookingApi';
import { bookingStatusLabel, formatQuantity, statusBadgeClass } from './labels';
import type { Booking, Statement } from './types';

/** `/bookings/:id`: a booking, what may be done with it now, its statement and its .ics. */
export function BookingPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const { user } = useAuth();
  const load = useCallback((signal: AbortSignal) => fetchBooking(id, signal), [id]);
  const booking = useResource(load);
  const loadStatement = useCallback((signal: AbortSignal) => fetchStatement(id, signal), [id]);
  const statement = useResource(loadStatement);
  const [downloadProblem, setDownloadProblem] = useState<ProblemDetail | null>(null);
  usePageTitle('booking.detail.title');

  const changed = (updated: Booking) => {
    booking.update(() => updated);
    statement.reload();
  };

  const download = async () => {
    setDownloadProblem(null);
    try {
      await downloadWithToken(bookingCalendarPath(id), `booking-${id}.ics`);
    } catch (error) {
      setDownloadProblem(problemOf(error));
    }
  };

  if (booking.loading && !booking.data) {
    return (
      <p role="status" className="muted">
        {t('list.loading')}
      </p>
    );
  }
  if (!booking.data) {
    const notFound = booking.problem?.status === 404;
    return (
      <section className="page page--narrow" aria-labelledby="booking-detail-error" data-testid={notFound ? 'booking-not-found' : 'booking-error'}>
        <h1 id="booking-detail-error">{t(notFound ? 'booking.detail.notFound' : 'booking.detail.title')}</h1>
        {booking.problem && <ProblemAlert problem={booking.problem} />}
        <p>
          <Link to="/bookings">{t('booking.detail.back')}</Link>
        </p>
      </section>
    );
  }

  const data = booking.data;
  return (
    <article className="page booking-detail" aria-labelledby="booking-detail-title" data-testid="booking-page">
      <header className="page-header">
        <div>
          <p>
            <span className={statusBadgeClass(data.status)} data-testid="booking-status">
              {bookingStatusLabel(t, data.status)}
            </span>
          </p>
          <h1 id="booking-detail-title">{data.instrumentTitle}</h1>
          {data.start && data.end && <p className="page-header__intro">{formatShanghaiRange(locale, data.start, data.end)}</p>}
        </div>
      </header>
      {booking.problem && <ProblemAlert problem={booking.problem} />}

      {data.status === 'ADJUSTED' && data.proposal && (
        <section className="notice" aria-labelledby="booking-proposal-title" data-testid="booking-proposal">
          <h2 id="booking-proposal-title" className="notice__title">
            {t('booking.proposal.title')}
          </h2>
          {data.proposal.start && data.proposal.end && (
            <p>{t('booking.proposal.time', { time: formatShanghaiRange(locale, data.proposal.start, data.proposal.end) })}</p>
          )}
          {data.proposal.sampleCount !== null && <p>{t('booking.proposal.sampleCount', { count: data.proposal.sampleCount })}</p>}
          {data.proposal.note && <p>{t('booking.proposal.note', { note: data.proposal.note })}</p>}
        </section>
      )}

      <section className="panel" aria-labelledby="booking-actions-title">
        <div className="panel__head">
          <h2 id="booking-actions-title">{t('booking.detail.actions')}</h2>
        </div>
        <BookingActions booking={data} userId={user?.id} onChanged={changed} />
        {data.actions.length === 0 && <p className="muted">{t('booking.detail.noActions')}</p>}
        <p>
          <button type="button" className="button button--secondary button--small" onClick={() => void download()} data-testid="booking-ics">
            {t('booking.detail.downloadIcs')}
          </button>
        </p>
        {downloadProblem && <ProblemAlert problem={downloadProblem} />}
      </section>

      <section className="panel" aria-labelledby="booking-details-title">
        <div className="panel__head">
          <h2 id="booking-details-title">{t('booking.detail.details')}</h2>
        </div>
        <BookingDetails booking={data} />
      </section>

      <StatementPanel statement={statement} />

      <p>
        <Link to="/bookings">{t('booking.detail.back')}</Link>
      </p>
    </article>
  );
}

/** The booking's statement: lines, total, voucher subsidy and what is left to pay. */
function StatementPanel({ statement }: { statement: Resource<Statement> }) {
  const { t, locale } = useI18n();
  const data = statement.data;
  return (
    <section className="panel" aria-labelledby="booking-statement-title" data-testid="booking-statement">
      <div className="panel__head">
        <h2 id="booking-statement-title">{t('booking.statement.title')}</h2>
      </div>
      {statement.loading && !data && (
        <p role="status" className="muted">
          {t('list.loading')}
        </p>
      )}
      {statement.problem && <ProblemAlert problem={statement.problem} />}
      {data && (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('booking.statement.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('booking.statement.description')}</th>
                <th scope="col">{t('booking.statement.quantity')}</th>
                <th scope="col">{t('booking.statement.rate')}</th>
                <th scope="col">{t('booking.statement.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {data.lines.map((line, index) => (
                <tr key={index}>
                  <td data-label={t('booking.statement.description')}>{line.description}</td>
                  <td data-label={t('booking.statement.quantity')}>
                    {formatQuantity(locale, line.quantity)} {priceUnitLabel(t, line.unit)}
                  </td>
                  <td data-label={t('booking.statement.rate')}>{formatFen(locale, line.rateFen)}</td>
                  <td data-label={t('booking.statement.amount')}>{formatFen(locale, line.amountFen)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  {t('booking.statement.total')}
                </th>
                <td data-testid="statement-total">{formatFen(locale, data.totalFen)}</td>
              </tr>
              <tr>
                <th scope="row" colSpan={3}>
                  {t('booking.field.subsidy')}
                </th>
                <td data-testid="statement-subsidy">−{formatFen(locale, data.subsidyFen)}</td>
              </tr>
              <tr>
                <th scope="row" colSpan={3}>
                  {t('booking.field.payable')}
                </th>
                <td data-testid="statement-payable">
                  <strong>{formatFen(locale, data.payableFen)}</strong>
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
