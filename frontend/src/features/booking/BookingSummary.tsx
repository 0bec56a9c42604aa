import { Link } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider';
import { formatShanghaiRange } from '../../i18n/format';
import { formatFen } from '../catalog/labels';
import { bookingModeLabel, bookingStatusLabel, statusBadgeClass } from './labels';
import type { Booking } from './types';

/** The head of a booking in a list: instrument (linking to the booking), status, time or samples, cost. */
export function BookingSummary({ booking, showRequester = false }: { booking: Booking; showRequester?: boolean }) {
  const { t, locale } = useI18n();
  const when =
    booking.start && booking.end
      ? formatShanghaiRange(locale, booking.start, booking.end)
      : booking.sample
        ? t('booking.list.samples', { count: booking.sample.count })
        : '—';
  return (
    <>
      <div className="item__head">
        <h2 className="item__title">
          <Link to={`/bookings/${encodeURIComponent(booking.id)}`} data-testid={`booking-link-${booking.id}`}>
            {booking.instrumentTitle}
          </Link>
        </h2>
        <span className={statusBadgeClass(booking.status)} data-testid={`booking-status-${booking.id}`}>
          {bookingStatusLabel(t, booking.status)}
        </span>
      </div>
      <p className="item__meta">
        <span>{bookingModeLabel(t, booking.mode)}</span>
        {' · '}
        <span data-testid={`booking-when-${booking.id}`}>{when}</span>
        {' · '}
        <span>
          {booking.payableFen !== null
            ? t('booking.list.payable', { amount: formatFen(locale, booking.payableFen) })
            : t('booking.list.estimate', { amount: formatFen(locale, booking.estimate.amountFen) })}
        </span>
        {showRequester && (
          <>
            {' · '}
            <span>{t('booking.list.requester', { name: booking.requester.displayName })}</span>
          </>
        )}
      </p>
    </>
  );
}
