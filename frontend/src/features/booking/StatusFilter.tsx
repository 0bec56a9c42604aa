import { useI18n } from '../../i18n/I18nProvider';
import { bookingStatusLabel } from './labels';
import { bookingStatuses } from './types';

/** A status filter; '' = all. */
export function StatusFilter({ id, value, onChange, allLabel }: { id: string; value: string; onChange: (status: string) => void; allLabel?: string }) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {t('booking.list.status')}
      </label>
      <select id={id} className="field__control" value={value} onChange={(event) => onChange(event.target.value)} data-testid={id}>
        <option value="">{allLabel ?? t('booking.list.allStatuses')}</option>
        {bookingStatuses.map((status) => (
          <option key={status} value={status}>
            {bookingStatusLabel(t, status)}
          </option>
        ))}
      </select>
    </div>
  );
}
