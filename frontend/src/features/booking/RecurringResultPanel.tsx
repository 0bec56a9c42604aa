import { Link } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider';
import { formatShanghaiRange } from '../../i18n/format';
import { bookingStatusLabel, statusBadgeClass } from './labels';
import type { RecurringResult } from './types';

/** What a weekly request gave: the occurrences booked (links) and each refused one with why. */
export function RecurringResultPanel({ result }: { result: RecurringResult }) {
  const { t, locale } = useI18n();
  return (
    <section className="panel recurring-result" aria-labelledby="recurring-result-title" data-testid="recurring-result">
      <h2 id="recurring-result-title" tabIndex={-1}>
        {t('booking.recurring.result.title')}
      </h2>
      <p role="status" data-testid="recurring-result-summary">
        {t('booking.recurring.result.summary', { booked: result.booked.length, refused: result.refused.length })}
      </p>
      {result.booked.length > 0 && (
        <>
          <h3>{t('booking.recurring.result.booked')}</h3>
          <ul className="item-list" data-testid="recurring-booked">
            {result.booked.map((booking) => (
              <li key={booking.id} className="item" data-testid={`recurring-booked-${booking.id}`}>
                <Link to={`/bookings/${encodeURIComponent(booking.id)}`} data-testid={`recurring-booked-link-${booking.id}`}>
                  {formatShanghaiRange(locale, booking.start, booking.end)}
                </Link>{' '}
                <span className={statusBadgeClass(booking.status)}>{bookingStatusLabel(t, booking.status)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {result.refused.length > 0 && (
        <>
          <h3>{t('booking.recurring.result.refused')}</h3>
          <ul className="item-list" data-testid="recurring-refused">
            {result.refused.map((refusal, index) => (
              <li key={`${refusal.start}-${index}`} className="item" data-testid={`recurring-refused-${index}`}>
                <p className="item__title">{formatShanghaiRange(locale, refusal.start, refusal.end)}</p>
                <p className="field__error" data-testid={`recurring-refused-detail-${index}`}>
                  {refusal.detail}
                </p>
                {refusal.conflict && (
                  <p className="item__meta">
                    {t('booking.recurring.result.conflict', {
                      time: formatShanghaiRange(locale, refusal.conflict.start, refusal.conflict.end),
                    })}
                  </p>
                )}
                {refusal.errors && refusal.errors.length > 0 && (
                  <ul className="problem__fields" data-testid={`recurring-refused-errors-${index}`}>
                    {refusal.errors.map((error, at) => (
                      <li key={`${error.field}-${at}`}>
                        <code className="problem__field">{error.field}</code> <span>{error.message}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
