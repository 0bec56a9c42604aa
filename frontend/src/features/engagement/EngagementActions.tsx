import { useState, type FormEvent, type ReactNode } from 'react';
import { problemOf, type ProblemDetail } from '../../api/client';
import { FormAlert, SelectField, splitProblem, SuccessMessage, TextAreaField, TextField, useFocusOnError, useFormRef, type FieldErrors } from '../../components/forms';
import { useI18n } from '../../i18n/I18nProvider';
import { localInputToInstant } from '../booking/localTime';
import { takeStep, yuanToFen, type StepBody } from './engagementApi';
import { dealTypeLabel, meetingModeLabel, stepLabel } from './labels';
import { engagementSteps, fittingDeals, meetingModes, type Engagement, type EngagementStep } from './types';

type Values = Record<string, string>;

/** The fields of each step's form, as the API names them (so that its field errors land there). */
const FIELDS: Record<EngagementStep, readonly string[]> = {
  ACCEPT: ['note'],
  DECLINE: ['reason'],
  WITHDRAW: ['reason'],
  PROPOSE_MEETING: ['startsAt', 'mode', 'place', 'note'],
  MEETING_HELD: ['note'],
  NEGOTIATE: ['note'],
  CLOSE: ['dealType', 'amountFen', 'note'],
  DROP: ['reason'],
};

const DANGER: readonly EngagementStep[] = ['DECLINE', 'WITHDRAW', 'DROP'];

function initialValues(step: EngagementStep, engagement: Engagement): Values {
  switch (step) {
    case 'PROPOSE_MEETING':
      return { startsAt: '', mode: 'IN_PERSON', place: '', note: '' };
    case 'CLOSE': {
      const deals = fittingDeals[engagement.kind] ?? [];
      return { dealType: deals.length === 1 ? deals[0]! : '', amountFen: '', note: '' };
    }
    default:
      return { note: '', reason: '' };
  }
}

interface Messages {
  required: string;
  invalidAmount: string;
}

/** The request body of a step's form, or the field errors that keep it from being sent. */
export function stepBody(
  step: EngagementStep,
  values: Values,
  version: number,
  messages: Messages,
): { body: StepBody } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const text = (name: string) => values[name]?.trim() || null;
  const need = (name: string) => {
    const value = text(name);
    if (!value) {
      errors[name] = messages.required;
    }
    return value;
  };
  let body: StepBody = { version };
  switch (step) {
    case 'DECLINE':
    case 'DROP':
      body.reason = need('reason');
      break;
    case 'WITHDRAW':
      body.reason = text('reason');
      break;
    case 'PROPOSE_MEETING': {
      const startsAt = localInputToInstant(values.startsAt ?? '');
      if (!startsAt) {
        errors.startsAt = messages.required;
      }
      const mode = values.mode ?? 'IN_PERSON';
      body = { version, startsAt, mode, place: mode === 'IN_PERSON' ? need('place') : text('place'), note: text('note') };
      break;
    }
    case 'CLOSE': {
      const dealType = need('dealType');
      const raw = values.amountFen?.trim() ?? '';
      const amountFen = raw ? yuanToFen(raw) : null;
      if (!raw) {
        errors.amountFen = messages.required;
      } else if (amountFen === null) {
        errors.amountFen = messages.invalidAmount;
      }
      body = { version, dealType, amountFen, note: text('note') };
      break;
    }
    default:
      body.note = text('note');
      break;
  }
  return Object.keys(errors).length > 0 ? { errors } : { body };
}

/**
 * The steps the API lists in `engagement.actions`, each a button that opens a small form
 * (a reason, a meeting, a deal, or an optional note) confirmed with `engagement-action-submit`.
 * Every step sends the version read; a 409 (changed meanwhile, or a state that no longer
 * allows the step) is shown and the engagement is read again.
 */
export function EngagementActions({
  engagement,
  onChanged,
  onConflict,
}: {
  engagement: Engagement;
  onChanged: (engagement: Engagement) => void;
  onConflict: () => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<EngagementStep | null>(null);
  const [values, setValues] = useState<Values>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useFormRef();
  const focusOnError = useFocusOnError(formRef);
  const steps = engagementSteps.filter((step) => engagement.actions.includes(step));

  const openForm = (step: EngagementStep) => {
    setOpen(step);
    setValues(initialValues(step, engagement));
    setErrors({});
    setProblem(null);
    setNotice(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!open) {
      return;
    }
    const result = stepBody(open, values, engagement.version, {
      required: t('form.required'),
      invalidAmount: t('engagement.step.invalidAmount'),
    });
    if ('errors' in result) {
      setErrors(result.errors);
      focusOnError();
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const updated = await takeStep(engagement.id, open, result.body);
      setNotice(t('engagement.step.done', { step: stepLabel(t, open) }));
      setOpen(null);
      setErrors({});
      onChanged(updated);
    } catch (error) {
      const failure = problemOf(error);
      if (failure.status === 409) {
        // Someone moved it meanwhile, or its state no longer allows the step: read it again.
        setOpen(null);
        setErrors({});
        setProblem(failure);
        onConflict();
      } else {
        const split = splitProblem(failure, FIELDS[open]);
        setErrors(split.fieldErrors);
        setProblem(split.rest);
        focusOnError();
      }
    } finally {
      setBusy(false);
    }
  };

  const set = (name: string, value: string) => setValues((previous) => ({ ...previous, [name]: value }));
  const field = (name: string, label: string, extra: { type?: string; area?: boolean; optional?: boolean; hint?: string } = {}) => {
    const common = {
      id: `engagement-${open}-${name}`,
      field: name,
      label,
      hint: extra.hint,
      value: values[name] ?? '',
      error: errors[name],
      testId: `engagement-field-${name}`,
      optionalLabel: extra.optional ? t('form.optional') : undefined,
    };
    return extra.area ? (
      <TextAreaField {...common} rows={3} maxLength={1000} onChange={(event) => set(name, event.target.value)} />
    ) : (
      <TextField {...common} type={extra.type ?? 'text'} onChange={(event) => set(name, event.target.value)} />
    );
  };

  let fields: ReactNode = null;
  switch (open) {
    case 'DECLINE':
    case 'DROP':
      fields = field('reason', t('engagement.step.reason'), { area: true });
      break;
    case 'WITHDRAW':
      fields = field('reason', t('engagement.step.reason'), { area: true, optional: true });
      break;
    case 'PROPOSE_MEETING':
      fields = (
        <>
          {field('startsAt', t('engagement.step.startsAt'), { type: 'datetime-local', hint: t('engagement.step.startsAtHint') })}
          <SelectField
            id="engagement-PROPOSE_MEETING-mode"
            field="mode"
            label={t('engagement.step.mode')}
            value={values.mode ?? 'IN_PERSON'}
            error={errors.mode}
            onChange={(event) => set('mode', event.target.value)}
            testId="engagement-field-mode"
          >
            {meetingModes.map((mode) => (
              <option key={mode} value={mode}>
                {meetingModeLabel(t, mode)}
              </option>
            ))}
          </SelectField>
          {field('place', t(values.mode === 'ONLINE' ? 'engagement.step.link' : 'engagement.step.place'), {
            optional: values.mode === 'ONLINE',
          })}
          {field('note', t('engagement.step.note'), { area: true, optional: true })}
        </>
      );
      break;
    case 'CLOSE':
      fields = (
        <>
          <SelectField
            id="engagement-CLOSE-dealType"
            field="dealType"
            label={t('engagement.step.dealType')}
            value={values.dealType ?? ''}
            error={errors.dealType}
            onChange={(event) => set('dealType', event.target.value)}
            testId="engagement-field-dealType"
          >
            <option value="">{t('form.choose')}</option>
            {(fittingDeals[engagement.kind] ?? []).map((deal) => (
              <option key={deal} value={deal}>
                {dealTypeLabel(t, deal)}
              </option>
            ))}
          </SelectField>
          {field('amountFen', t('engagement.step.amount'), { hint: t('engagement.step.amountHint'), type: 'text' })}
          {field('note', t('engagement.step.note'), { area: true, optional: true })}
        </>
      );
      break;
    case null:
      break;
    default:
      fields = field('note', t(open === 'ACCEPT' ? 'engagement.step.acceptNote' : 'engagement.step.note'), { area: true, optional: true });
      break;
  }

  return (
    <div className="engagement-actions" data-testid="engagement-actions">
      {notice && <SuccessMessage testId="engagement-action-notice">{notice}</SuccessMessage>}
      {!open && problem && <FormAlert problem={problem} />}
      {steps.length > 0 && (
        <div className="cell__actions">
          {steps.map((step) => (
            <button
              key={step}
              type="button"
              className={`button button--small ${DANGER.includes(step) ? 'button--danger' : step === 'ACCEPT' ? '' : 'button--secondary'}`}
              disabled={busy}
              aria-expanded={open === step}
              onClick={() => openForm(step)}
              data-testid={`engagement-action-${step}`}
            >
              {stepLabel(t, step)}
            </button>
          ))}
        </div>
      )}
      {open && (
        <form ref={formRef} className="form booking-actions__form" onSubmit={(event) => void submit(event)} noValidate data-testid={`engagement-action-form-${open}`}>
          <h3>{stepLabel(t, open)}</h3>
          <p className="muted">{t(`engagement.step.intro.${open}`)}</p>
          <FormAlert problem={problem} />
          {fields}
          <div className="form__actions">
            <button type="submit" className="button" disabled={busy} data-testid="engagement-action-submit">
              {t('engagement.step.confirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setOpen(null)} data-testid="engagement-action-cancel">
              {t('form.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
