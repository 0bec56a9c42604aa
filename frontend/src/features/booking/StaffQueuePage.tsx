import { useCallback } from 'react';
import { useResource } from '../../api/useResource';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import { useListParams } from '../admin/useListParams';
import { useAuth } from '../identity/AuthProvider';
import { Link } from 'react-router';
import { BookingActions } from './BookingActions';
import { BOOKING_PAGE_SIZE, fetchBookings } from './bookingApi';
import { BookingSummary } from './BookingSummary';
import { StatusFilter } from './StatusFilter';
import type { Booking } from './types';

const KEYS = ['status', 'instrumentId'] as const;
/** The queue opens on what waits for a decision; `status=ALL` shows every status. */
const DEFAULTS = { status: 'PENDING' };

/** `/staff/bookings`: the bookings of the instruments my organisations host. */
export function StaffQueuePage() {
  const { t } = useI18n();
  usePageTitle('booking.staff.title');
  const { user } = useAuth();
  const { page, values, setFilters, setPage } = useListParams(KEYS, DEFAULTS);
  const status = values.status === 'ALL' ? '' : values.status;
  const load = useCallback(
    (signal: AbortSignal) => fetchBookings({ scope: 'staff', status, instrumentId: values.instrumentId, page }, signal),
    [status, values.instrumentId, page],
  );
  const bookings = useResource(load);
  const data = bookings.data;

  const replace = (updated: Booking) =>
    bookings.update((current) => ({ ...current, items: current.items.map((item) => (item.id === updated.id ? updated : item)) }));

  // The instruments to filter by: those in the current page, and the one filtered by.
  const instruments = new Map<string, string>();
  if (values.instrumentId) {
    instruments.set(values.instrumentId, values.instrumentId);
  }
  for (const item of data?.items ?? []) {
    instruments.set(item.instrumentId, item.instrumentTitle);
  }

  return (
    <section className="page bookings" aria-labelledby="staff-bookings-title" aria-busy={bookings.loading}>
      <header className="page-header">
        <div>
          <h1 id="staff-bookings-title">{t('booking.staff.title')}</h1>
          <p className="page-header__intro">{t('booking.staff.intro')}</p>
        </div>
      </header>
      <div className="filters" role="search" aria-label={t('booking.staff.filters')}>
        <StatusFilter
          id="staff-bookings-status"
          value={status}
          onChange={(next) => setFilters({ status: next || 'ALL' })}
        />
        <div className="field">
          <label htmlFor="staff-bookings-instrument" className="field__label">
            {t('booking.staff.instrument')}
          </label>
          <select
            id="staff-bookings-instrument"
            className="field__control"
            value={values.instrumentId}
            onChange={(event) => setFilters({ instrumentId: event.target.value })}
            data-testid="staff-bookings-instrument"
          >
            <option value="">{t('booking.staff.allInstruments')}</option>
            {[...instruments].map(([instrumentId, title]) => (
              <option key={instrumentId} value={instrumentId}>
                {title}
              </option>
            ))}
          </select>
        </div>
      </div>
      {bookings.problem && <ProblemAlert problem={bookings.problem} />}
      {bookings.loading && !data && (
        <p role="status" className="muted">
          {t('list.loading')}
        </p>
      )}
      {data && data.items.length === 0 && <p className="empty">{t('list.empty')}</p>}
      {data && data.items.length > 0 && (
        <ul className="item-list" data-testid="staff-bookings-list">
          {data.items.map((booking) => (
            <li key={booking.id} className="item" data-testid={`staff-booking-${booking.id}`}>
              <BookingSummary booking={booking} showRequester />
              {booking.note && <p className="muted">{t('booking.staff.note', { note: booking.note })}</p>}
              {booking.checkInCode && (
                <p data-testid={`staff-booking-code-${booking.id}`}>
                  {t('booking.field.checkInCode')}: <code className="mono">{booking.checkInCode}</code>
                </p>
              )}
              <p>
                <Link to={`/staff/instruments/${encodeURIComponent(booking.instrumentId)}`}>{t('booking.staff.settings')}</Link>
              </p>
              <BookingActions booking={booking} userId={user?.id} onChanged={replace} idPrefix={`staff-${booking.id}`} />
            </li>
          ))}
        </ul>
      )}
      {data && (
        <Pagination page={data.page} size={data.size || BOOKING_PAGE_SIZE} total={data.total} onPage={setPage} label={t('pagination.label')} />
      )}
    </section>
  );
}
