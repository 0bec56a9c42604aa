import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { problemOf, type ProblemDetail } from '../../api/client';
import { useResource } from '../../api/useResource';
import { FormAlert, FieldErrorText, splitProblem, TextAreaField, TextField, useFocusById, useFocusOnError, useFormRef, type FieldErrors } from '../../components/forms';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import { formatPlainDate, formatShanghaiRange } from '../../i18n/format';
import { fetchResource } from '../catalog/api';
import { contentTitle, formatPrice } from '../catalog/labels';
import type { Resource } from '../catalog/types';
import { useAuth } from '../identity/AuthProvider';
import { BookingCalendar, CalendarLegend, type CalendarSelection } from './BookingCalendar';
import { createBooking, createRecurringBookings, fetchAvailability, fetchBookingRules } from './bookingApi';
import { buildWeekGrid, validateSelection, waitlistCandidate, type SelectionResult } from './calendar';
import { EstimateText } from './EstimateText';
import { bookingModeLabel, formatDuration, selectionProblemText } from './labels';
import { addDays, localDateOf, localToday, weekStartOf } from './localTime';
import { PayingOrganisationField } from './PayingOrganisationField';
import { buildRecurringRequest, emptyRecurringDraft, parseWeeks, validateRecurring, withoutRequestPrefix, type RecurringDraft } from './recurring';
import { RecurringFields } from './RecurringFields';
import { RecurringResultPanel } from './RecurringResultPanel';
import { bookingModes, type BookingMode, type BookingRequest, type BookingRules, type RecurringResult } from './types';
import { useEstimate } from './useEstimate';
import { WaitlistOffer } from './WaitlistOffer';

/** The fields of the request forms, as the API names them. */
const FORM_FIELDS = [
  'start',
  'end',
  'organisationId',
  'note',
  'sample',
  'sample.count',
  'sample.description',
  'sample.hazards',
  'sample.returnSamples',
  'weeks',
  'exceptDates',
] as const;

const DEFAULT_LIMITS = { minMinutes: 30, maxMinutes: 480 };

/** The modes an instrument offers (machine time when the entry names none we know). */
export function offeredModes(resource: Resource | undefined): BookingMode[] {
  const listed = resource?.content.instrument?.serviceModes ?? [];
  const modes = bookingModes.filter((mode) => listed.includes(mode));
  return modes.length > 0 ? modes : ['MACHINE_TIME'];
}

interface SampleDraft {
  count: string;
  description: string;
  hazards: string;
  returnSamples: boolean;
}

/** `/instruments/:id/book`: the week calendar and the request forms of one instrument. */
export function InstrumentBookingPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { user } = useAuth();
  const memberships = useMemo(() => user?.memberships ?? [], [user]);

  const loadResource = useCallback((signal: AbortSignal) => fetchResource(id, signal), [id]);
  const resource = useResource(loadResource);
  const loadRules = useCallback(
    (signal: AbortSignal) => fetchBookingRules(id, signal).catch((): BookingRules | null => null),
    [id],
  );
  const rules = useResource(loadRules).data ?? null;

  const [weekStart, setWeekStart] = useState(() => weekStartOf(localToday()));
  const loadAvailability = useCallback(
    async (signal: AbortSignal) => ({
      availability: await fetchAvailability(id, weekStart, addDays(weekStart, 7), signal),
      loadedAt: Date.now(),
    }),
    [id, weekStart],
  );
  const availability = useResource(loadAvailability);

  const title = resource.data ? contentTitle(locale, resource.data.content) : '';
  usePageTitle('booking.page.title', { title });

  const modes = offeredModes(resource.data);
  const [chosenMode, setMode] = useState<BookingMode | null>(null);
  const mode = chosenMode && modes.includes(chosenMode) ? chosenMode : modes[0]!;

  const [selection, setSelection] = useState<CalendarSelection | null>(null);
  const [organisationId, setOrganisationId] = useState(() => memberships[0]?.organisationId ?? '');
  const [note, setNote] = useState('');
  const [sample, setSample] = useState<SampleDraft>({ count: '1', description: '', hazards: '', returnSamples: false });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [recurring, setRecurring] = useState<RecurringDraft>(emptyRecurringDraft);
  const [recurringResult, setRecurringResult] = useState<RecurringResult | null>(null);
  const formRef = useFormRef();
  const focusOnError = useFocusOnError(formRef);
  const focusById = useFocusById();

  const grid = useMemo(
    () =>
      availability.data
        ? buildWeekGrid({
            weekStart,
            availability: availability.data.availability,
            weeklyHours: rules?.weeklyHours,
            nowMs: availability.data.loadedAt,
          })
        : null,
    [availability.data, weekStart, rules],
  );
  const limits = rules ? { minMinutes: rules.minMinutes, maxMinutes: rules.maxMinutes } : DEFAULT_LIMITS;
  const checked: SelectionResult | null =
    grid && selection && grid.days.length > 0 ? validateSelection(grid, selection.anchor, selection.focus, limits) : null;
  // A single slot waiting for its end is not refused for being short.
  const waitingForEnd = selection?.pending === true && checked !== null && !checked.ok && checked.problem.code === 'tooShort';
  const chosen = checked?.ok ? checked : null;
  const waitFor = grid && !waitingForEnd ? waitlistCandidate(grid, checked) : null;
  const repeating = mode === 'MACHINE_TIME' && recurring.enabled;

  const sampleCount = Number(sample.count);
  // The estimate hook compares requests by their JSON, so a new object each render is fine.
  const request: BookingRequest | null = (() => {
    const common = { instrumentId: id, mode, organisationId: organisationId || null, note: note.trim() || null };
    if (mode === 'MACHINE_TIME') {
      return chosen ? { ...common, start: chosen.start, end: chosen.end } : null;
    }
    const count = Number(sample.count);
    if (!Number.isInteger(count) || count < 1 || count > 1000) {
      return null;
    }
    return {
      ...common,
      sample: {
        count,
        description: sample.description.trim(),
        hazards: sample.hazards.trim() || null,
        returnSamples: sample.returnSamples,
      },
    };
  })();
  const estimate = useEstimate(request);

  const changeWeek = (days: number) => {
    setWeekStart((start) => addDays(start, days));
    setSelection(null);
  };

  const changeSelection = useCallback((next: CalendarSelection | null) => {
    setSelection(next);
    setConflict(null);
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (mode === 'MACHINE_TIME' && !chosen) {
      errors.start = t('booking.form.chooseSlots');
    }
    if (mode === 'SAMPLE_SUBMISSION') {
      if (!Number.isInteger(sampleCount) || sampleCount < 1 || sampleCount > 1000) {
        errors['sample.count'] = t('booking.form.countRange');
      }
      if (!sample.description.trim()) {
        errors['sample.description'] = t('form.required');
      }
    }
    if (repeating) {
      const firstDate = chosen ? localDateOf(Date.parse(chosen.start)) : null;
      for (const [field, key] of Object.entries(validateRecurring(recurring, firstDate))) {
        errors[field] = t(key);
      }
    }
    setProblem(null);
    setRecurringResult(null);
    setConflict(null);
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0 || !request) {
      focusOnError();
      return;
    }
    setSubmitting(true);
    try {
      if (repeating) {
        const weeks = parseWeeks(recurring.weeks) ?? 0;
        const result = await createRecurringBookings(buildRecurringRequest(request, weeks, recurring.exceptDates));
        setRecurringResult(result);
        focusById('recurring-result-title');
        setSelection(null);
        availability.reload();
        return;
      }
      const created = await createBooking(request);
      navigate(`/bookings/${encodeURIComponent(created.id)}`);
    } catch (error) {
      const failure = problemOf(error);
      const formFields = [...FORM_FIELDS, ...recurring.exceptDates.map((_, index) => `exceptDates[${index}]`)];
      if (failure.status === 409) {
        setConflict(failure.detail || failure.title);
        setSelection(null);
        availability.reload();
      } else if (failure.status === 400) {
        // The recurring endpoint names the single request's fields `request.start` and so on.
        const renamed = { ...failure, errors: failure.errors?.map((fieldError) => ({ ...fieldError, field: withoutRequestPrefix(fieldError.field) })) };
        const split = splitProblem(repeating ? renamed : failure, formFields);
        setFieldErrors(split.fieldErrors);
        setProblem(split.rest);
        focusOnError();
      } else {
        setProblem(failure);
        focusOnError();
      }
    } finally {
      setSubmitting(false);
    }
  };

  if (resource.loading && !resource.data) {
    return (
      <p role="status" className="muted">
        {t('list.loading')}
      </p>
    );
  }
  if (resource.problem || !resource.data) {
    return (
      <section className="page page--narrow" aria-labelledby="booking-error-title" data-testid="booking-page-error">
        <h1 id="booking-error-title">{t(resource.problem?.status === 404 ? 'resource.notFound' : 'booking.page.heading')}</h1>
        {resource.problem && <ProblemAlert problem={resource.problem} />}
        <p>
          <Link to="/search">{t('resource.backToSearch')}</Link>
        </p>
      </section>
    );
  }

  const data = resource.data;
  const instrument = data.content.instrument;
  if (data.kind !== 'INSTRUMENT') {
    return (
      <section className="page page--narrow" data-testid="booking-not-instrument">
        <h1>{title}</h1>
        <p>{t('booking.page.notInstrument')}</p>
        <Link to={`/resources/${encodeURIComponent(id)}`}>{t('booking.page.backToResource')}</Link>
      </section>
    );
  }

  const weekEnd = addDays(weekStart, 6);
  const trainingRequired = rules?.trainingRequired ?? instrument?.trainingRequired ?? false;
  const approvalRequired = rules?.approvalRequired ?? instrument?.approvalRequired ?? true;

  return (
    <section className="page booking" aria-labelledby="booking-title" data-testid="instrument-booking-page">
      <header className="page-header">
        <div>
          <h1 id="booking-title">{t('booking.page.heading')}</h1>
          <p className="page-header__intro">
            <Link to={`/resources/${encodeURIComponent(id)}`} data-testid="booking-instrument-link">
              {title}
            </Link>
          </p>
        </div>
      </header>

      <ul className="booking__facts" data-testid="booking-facts">
        {instrument?.internalPrice && <li>{t('booking.facts.internalPrice', { price: formatPrice(t, locale, instrument.internalPrice) })}</li>}
        {instrument?.externalPrice && <li>{t('booking.facts.externalPrice', { price: formatPrice(t, locale, instrument.externalPrice) })}</li>}
        {rules && (
          <li>
            {t('booking.facts.length', { min: formatDuration(t, rules.minMinutes), max: formatDuration(t, rules.maxMinutes) })}
          </li>
        )}
        {trainingRequired && <li data-testid="booking-training-required">{t('booking.facts.trainingRequired')}</li>}
        <li>{t(approvalRequired ? 'booking.facts.approvalRequired' : 'booking.facts.instantApproval')}</li>
      </ul>

      {modes.length > 1 && (
        <fieldset className="fieldset booking__modes">
          <legend>{t('booking.form.mode')}</legend>
          <div className="choice-list choice-list--inline">
            {modes.map((option) => (
              <div className="choice" key={option}>
                <input
                  type="radio"
                  id={`booking-mode-${option}`}
                  name="mode"
                  value={option}
                  checked={mode === option}
                  onChange={() => {
                    setMode(option);
                    setFieldErrors({});
                  }}
                  data-testid={`booking-mode-${option}`}
                />
                <label htmlFor={`booking-mode-${option}`}>{bookingModeLabel(t, option)}</label>
              </div>
            ))}
          </div>
        </fieldset>
      )}

      {mode === 'MACHINE_TIME' && (
        <section className="panel booking__calendar" aria-labelledby="booking-calendar-title">
          <div className="panel__head calendar-head">
            <h2 id="booking-calendar-title">
              {t('booking.calendar.title', { from: formatPlainDate(locale, weekStart), to: formatPlainDate(locale, weekEnd) })}
            </h2>
            <div className="calendar-head__nav">
              <button type="button" className="button button--secondary button--small" onClick={() => changeWeek(-7)} data-testid="week-previous">
                {t('booking.calendar.previousWeek')}
              </button>
              <button type="button" className="button button--secondary button--small" onClick={() => changeWeek(7)} data-testid="week-next">
                {t('booking.calendar.nextWeek')}
              </button>
            </div>
          </div>
          <p className="muted">{t('booking.calendar.help')}</p>
          <div aria-live="polite" data-testid="booking-conflict-region">
            {conflict && (
              <div className="notice notice--error" role="alert" data-testid="booking-conflict">
                <p className="notice__title">{t('booking.conflict.title')}</p>
                <p>{conflict}</p>
              </div>
            )}
          </div>
          {availability.problem && <ProblemAlert problem={availability.problem} />}
          {availability.loading && (
            <p role="status" className="muted" data-testid="availability-loading">
              {t('list.loading')}
            </p>
          )}
          {grid && (
            <BookingCalendar
              grid={grid}
              selection={selection}
              refused={checked !== null && !checked.ok && !waitingForEnd}
              onSelectionChange={changeSelection}
              labelledBy="booking-calendar-title"
            />
          )}
          <CalendarLegend />
          <div className="booking__selection" aria-live="polite" data-testid="booking-selection">
            {chosen && (
              <p data-testid="booking-selection-ok">
                {t('booking.selection.chosen', {
                  time: formatShanghaiRange(locale, chosen.start, chosen.end),
                  length: formatDuration(t, chosen.minutes),
                })}
                {selection?.pending && ` ${t('booking.selection.extendHint')}`}
              </p>
            )}
            {waitingForEnd && <p data-testid="booking-selection-pending">{t('booking.selection.pickEnd')}</p>}
            {checked && !checked.ok && !waitingForEnd && (
              <p className="field__error" data-testid="booking-selection-refused">
                {selectionProblemText(t, locale, checked.problem)}
              </p>
            )}
            {waitFor && <WaitlistOffer key={`${waitFor.start}/${waitFor.end}`} instrumentId={id} interval={waitFor} />}
            {!selection && <p className="muted">{t('booking.selection.none')}</p>}
          </div>
        </section>
      )}

      <form ref={formRef} className="form panel booking__form" onSubmit={submit} noValidate data-testid="booking-form">
        <h2>{t(mode === 'MACHINE_TIME' ? 'booking.form.machineTitle' : 'booking.form.sampleTitle')}</h2>
        <FormAlert problem={problem} />
        {mode === 'MACHINE_TIME' && (
          <div className="field">
            <p className="field__label">{t('booking.form.time')}</p>
            <p data-testid="booking-form-time" tabIndex={-1} aria-invalid={fieldErrors.start || fieldErrors.end ? true : undefined}>
              {chosen ? formatShanghaiRange(locale, chosen.start, chosen.end) : t('booking.selection.none')}
            </p>
            <FieldErrorText id="booking-start" field="start" message={fieldErrors.start} />
            <FieldErrorText id="booking-end" field="end" message={fieldErrors.end} />
          </div>
        )}
        {mode === 'MACHINE_TIME' && <RecurringFields draft={recurring} onChange={setRecurring} errors={fieldErrors} />}
        {mode === 'SAMPLE_SUBMISSION' && (
          <>
            <TextField
              id="booking-sample-count"
              field="sample.count"
              label={t('booking.form.sampleCount')}
              type="number"
              min={1}
              max={1000}
              inputMode="numeric"
              value={sample.count}
              onChange={(event) => setSample({ ...sample, count: event.target.value })}
              error={fieldErrors['sample.count']}
              testId="booking-sample-count"
            />
            <TextAreaField
              id="booking-sample-description"
              field="sample.description"
              label={t('booking.form.sampleDescription')}
              hint={t('booking.form.sampleDescriptionHint')}
              value={sample.description}
              onChange={(event) => setSample({ ...sample, description: event.target.value })}
              error={fieldErrors['sample.description']}
              testId="booking-sample-description"
            />
            <TextAreaField
              id="booking-sample-hazards"
              field="sample.hazards"
              label={t('booking.form.hazards')}
              optionalLabel={t('form.optional')}
              value={sample.hazards}
              onChange={(event) => setSample({ ...sample, hazards: event.target.value })}
              error={fieldErrors['sample.hazards']}
              testId="booking-sample-hazards"
            />
            <div className="choice">
              <input
                type="checkbox"
                id="booking-sample-return"
                checked={sample.returnSamples}
                onChange={(event) => setSample({ ...sample, returnSamples: event.target.checked })}
                data-testid="booking-sample-return"
              />
              <label htmlFor="booking-sample-return">{t('booking.form.returnSamples')}</label>
            </div>
          </>
        )}
        <PayingOrganisationField
          id="booking-organisation"
          memberships={memberships}
          value={organisationId}
          onChange={setOrganisationId}
          error={fieldErrors.organisationId}
        />
        <TextAreaField
          id="booking-note"
          field="note"
          label={t('booking.form.note')}
          optionalLabel={t('form.optional')}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          error={fieldErrors.note}
          testId="booking-note"
        />
        <div className="booking__estimate" aria-live="polite" data-testid="booking-estimate">
          <p className="field__label">{t('booking.estimate.title')}</p>
          {!request && <p className="muted">{t('booking.estimate.incomplete')}</p>}
          {request && estimate.loading && <p className="muted">{t('booking.estimate.loading')}</p>}
          {estimate.estimate && <EstimateText estimate={estimate.estimate} />}
          {estimate.problem && (
            <p className="field__error" data-testid="booking-estimate-problem">
              {estimate.problem.detail || estimate.problem.title}
            </p>
          )}
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={submitting} data-testid="booking-submit">
            {t(submitting ? 'booking.form.submitting' : repeating ? 'booking.recurring.submit' : 'booking.form.submit')}
          </button>
        </div>
      </form>
      {recurringResult && <RecurringResultPanel result={recurringResult} />}
    </section>
  );
}
