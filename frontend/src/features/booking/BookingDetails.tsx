import { type ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider';
import { formatShanghaiDateTime, formatShanghaiRange } from '../../i18n/format';
import { formatFen } from '../catalog/labels';
import { organisationName } from '../identity/labels';
import { useAuth } from '../identity/AuthProvider';
import { EstimateText } from './EstimateText';
import { bookingModeLabel } from './labels';
import type { Booking } from './types';

function Fact({ name, label, children }: { name: string; label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '') {
    return null;
  }
  return (
    <div data-testid={`booking-fact-${name}`}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Everything the API says about a booking, as a definition list. */
export function BookingDetails({ booking }: { booking: Booking }) {
  const { t, locale } = useI18n();
  const { user } = useAuth();
  const membership = user?.memberships.find((candidate) => candidate.organisationId === booking.organisationId);
  const fen = (value: number | null) => (value === null ? null : formatFen(locale, value));
  return (
    <dl className="facts" data-testid="booking-details">
      <Fact name="instrument" label={t('booking.field.instrument')}>
        <Link to={`/resources/${encodeURIComponent(booking.instrumentId)}`}>{booking.instrumentTitle}</Link>
      </Fact>
      <Fact name="mode" label={t('booking.field.mode')}>
        {bookingModeLabel(t, booking.mode)}
      </Fact>
      <Fact name="time" label={t('booking.field.time')}>
        {booking.start && booking.end ? formatShanghaiRange(locale, booking.start, booking.end) : null}
      </Fact>
      {booking.sample && (
        <>
          <Fact name="sampleCount" label={t('booking.form.sampleCount')}>
            {String(booking.sample.count)}
          </Fact>
          <Fact name="sampleDescription" label={t('booking.form.sampleDescription')}>
            {booking.sample.description}
          </Fact>
          <Fact name="hazards" label={t('booking.form.hazards')}>
            {booking.sample.hazards}
          </Fact>
          <Fact name="returnSamples" label={t('booking.form.returnSamples')}>
            {t(booking.sample.returnSamples ? 'common.yes' : 'common.no')}
          </Fact>
        </>
      )}
      <Fact name="requester" label={t('booking.field.requester')}>
        {booking.requester.displayName}
      </Fact>
      <Fact name="organisation" label={t('booking.form.organisation')}>
        {booking.organisationId ? (membership ? organisationName(locale, membership) : booking.organisationId) : t('booking.form.noOrganisation')}
      </Fact>
      <Fact name="note" label={t('booking.form.note')}>
        {booking.note}
      </Fact>
      <Fact name="estimate" label={t('booking.estimate.title')}>
        <EstimateText estimate={booking.estimate} testId="booking-estimate-text" />
      </Fact>
      <Fact name="reason" label={t('booking.field.reason')}>
        {booking.reason}
      </Fact>
      <Fact name="actual" label={t('booking.field.actual')}>
        {booking.actualStart ? formatShanghaiRange(locale, booking.actualStart, booking.actualEnd) : null}
      </Fact>
      <Fact name="samplesRun" label={t('booking.action.samplesRun')}>
        {booking.samplesRun === null ? null : String(booking.samplesRun)}
      </Fact>
      <Fact name="resultNote" label={t('booking.action.resultNote')}>
        {booking.resultNote}
      </Fact>
      <Fact name="charge" label={t('booking.field.charge')}>
        {fen(booking.chargeFen)}
      </Fact>
      <Fact name="subsidy" label={t('booking.field.subsidy')}>
        {booking.subsidyFen > 0 ? fen(booking.subsidyFen) : null}
      </Fact>
      <Fact name="payable" label={t('booking.field.payable')}>
        {fen(booking.payableFen)}
      </Fact>
      <Fact name="checkInCode" label={t('booking.field.checkInCode')}>
        {booking.checkInCode ? <code className="mono">{booking.checkInCode}</code> : null}
      </Fact>
      <Fact name="rating" label={t('booking.field.rating')}>
        {booking.rating ? (
          <>
            <span aria-hidden="true">{'★'.repeat(booking.rating.stars)}</span>
            <span className="visually-hidden">{t('booking.action.starsValue', { stars: booking.rating.stars })}</span>
            {booking.rating.comment && ` ${booking.rating.comment}`}
          </>
        ) : null}
      </Fact>
      <Fact name="createdAt" label={t('booking.field.createdAt')}>
        {formatShanghaiDateTime(locale, booking.createdAt)}
      </Fact>
    </dl>
  );
}
