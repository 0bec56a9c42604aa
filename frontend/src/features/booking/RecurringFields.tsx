import { FieldErrorText, TextField, type FieldErrors } from '../../components/forms';
import { useI18n } from '../../i18n/I18nProvider';
import { MAX_WEEKS, MIN_WEEKS, type RecurringDraft } from './recurring';

/** "Repeat weekly" in the machine-time form: the number of weeks and the dates to skip. */
export function RecurringFields({
  draft,
  onChange,
  errors,
}: {
  draft: RecurringDraft;
  onChange: (draft: RecurringDraft) => void;
  errors: FieldErrors;
}) {
  const { t } = useI18n();
  const setDate = (index: number, value: string) =>
    onChange({ ...draft, exceptDates: draft.exceptDates.map((date, at) => (at === index ? value : date)) });
  return (
    <div className="recurring" data-testid="recurring">
      <div className="choice">
        <input
          type="checkbox"
          id="booking-recurring"
          checked={draft.enabled}
          onChange={(event) => onChange({ ...draft, enabled: event.target.checked })}
          aria-controls={draft.enabled ? 'booking-recurring-options' : undefined}
          data-testid="recurring-enable"
        />
        <label htmlFor="booking-recurring">{t('booking.recurring.enable')}</label>
      </div>
      {draft.enabled && (
        <fieldset id="booking-recurring-options" className="fieldset recurring__options">
          <legend className="visually-hidden">{t('booking.recurring.options')}</legend>
          <TextField
            id="booking-recurring-weeks"
            field="weeks"
            label={t('booking.recurring.weeks')}
            hint={t('booking.recurring.weeksHint')}
            type="number"
            min={MIN_WEEKS}
            max={MAX_WEEKS}
            inputMode="numeric"
            value={draft.weeks}
            onChange={(event) => onChange({ ...draft, weeks: event.target.value })}
            error={errors.weeks}
            testId="recurring-weeks"
          />
          <div className="field">
            <p className="field__label" id="booking-recurring-except-label">
              {t('booking.recurring.exceptDates')} <span className="field__optional">({t('form.optional')})</span>
            </p>
            <p className="field__hint">{t('booking.recurring.exceptDatesHint')}</p>
            {draft.exceptDates.length > 0 && (
              <ul className="recurring__dates" aria-labelledby="booking-recurring-except-label">
                {draft.exceptDates.map((date, index) => (
                  <li key={index} className="recurring__date">
                    <TextField
                      id={`booking-recurring-except-${index}`}
                      field={`exceptDates[${index}]`}
                      label={t('booking.recurring.skipDate', { number: index + 1 })}
                      type="date"
                      value={date}
                      onChange={(event) => setDate(index, event.target.value)}
                      error={errors[`exceptDates[${index}]`]}
                      testId={`recurring-except-${index}`}
                    />
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-label={t('booking.recurring.removeDateLabel', { number: index + 1 })}
                      onClick={() => onChange({ ...draft, exceptDates: draft.exceptDates.filter((_, at) => at !== index) })}
                      data-testid={`recurring-except-remove-${index}`}
                    >
                      {t('booking.recurring.removeDate')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <FieldErrorText id="booking-recurring-except" field="exceptDates" message={errors.exceptDates} />
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => onChange({ ...draft, exceptDates: [...draft.exceptDates, ''] })}
              disabled={draft.exceptDates.length >= MAX_WEEKS}
              data-testid="recurring-except-add"
            >
              {t('booking.recurring.addDate')}
            </button>
          </div>
        </fieldset>
      )}
    </div>
  );
}
