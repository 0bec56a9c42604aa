import { useCallback } from 'react';
import { Link } from 'react-router';
import { useResource } from '../../api/useResource';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import { useListParams } from '../admin/useListParams';
import { BOOKING_PAGE_SIZE, fetchBookings } from './bookingApi';
import { BookingSummary } from './BookingSummary';
import { CalendarFeedPanel } from './CalendarFeedPanel';
import { MyWaitlist } from './MyWaitlist';
import { StatusFilter } from './StatusFilter';

const KEYS = ['status'] as const;

/** `/bookings`: the bookings I requested, the times I wait for and my calendar feed. */
export function MyBookingsPage() {
  const { t } = useI18n();
  usePageTitle('booking.mine.title');
  const { page, values, setFilters, setPage } = useListParams(KEYS);
  const load = useCallback(
    (signal: AbortSignal) => fetchBookings({ scope: 'mine', status: values.status, page }, signal),
    [values.status, page],
  );
  const bookings = useResource(load);
  const data = bookings.data;

  return (
    <section className="page bookings" aria-labelledby="my-bookings-title" aria-busy={bookings.loading}>
      <header className="page-header">
        <div>
          <h1 id="my-bookings-title">{t('booking.mine.title')}</h1>
          <p className="page-header__intro">{t('booking.mine.intro')}</p>
        </div>
      </header>
      <div className="filters">
        <StatusFilter id="my-bookings-status" value={values.status} onChange={(status) => setFilters({ status })} />
      </div>
      {bookings.problem && <ProblemAlert problem={bookings.problem} />}
      {bookings.loading && !data && (
        <p role="status" className="muted">
          {t('list.loading')}
        </p>
      )}
      {data && data.items.length === 0 && (
        <p className="empty" data-testid="my-bookings-empty">
          {t('booking.mine.empty')} <Link to="/search?kind=INSTRUMENT">{t('booking.mine.findInstruments')}</Link>
        </p>
      )}
      {data && data.items.length > 0 && (
        <ul className="item-list" data-testid="my-bookings-list">
          {data.items.map((booking) => (
            <li key={booking.id} className="item" data-testid={`booking-${booking.id}`}>
              <BookingSummary booking={booking} />
            </li>
          ))}
        </ul>
      )}
      {data && (
        <Pagination page={data.page} size={data.size || BOOKING_PAGE_SIZE} total={data.total} onPage={setPage} label={t('pagination.label')} />
      )}
      <MyWaitlist />
      <CalendarFeedPanel />
    </section>
  );
}
