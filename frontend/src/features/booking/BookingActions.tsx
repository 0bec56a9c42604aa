import { useCallback, useState, type FormEvent, type ReactNode } from 'react';
import { problemOf, type ProblemDetail } from '../../api/client';
import { useResource } from '../../api/useResource';
import { FormAlert, SelectField, splitProblem, SuccessMessage, TextAreaField, TextField, type FieldErrors } from '../../components/forms';
import { useI18n } from '../../i18n/I18nProvider';
import { formatPlainDate } from '../../i18n/format';
import { formatFen } from '../catalog/labels';
import { fetchVouchers, transitionBooking, type TransitionAction, type TransitionBody } from './bookingApi';
import { instantToLocalInput, localInputToInstant } from './localTime';
import type { Booking } from './types';

/** Actions that are one button, without a form. */
const SIMPLE: readonly string[] = ['APPROVE', 'ACCEPT', 'NO_SHOW'];
/** Actions in the order they are offered. */
const ORDER: readonly TransitionAction[] = [
  'APPROVE',
  'ADJUST',
  'REJECT',
  'ACCEPT',
  'DECLINE',
  'START',
  'COMPLETE',
  'NO_SHOW',
  'CANCEL',
  'RATE',
  'APPLY_VOUCHER',
];

/**
 * Whether the caller acts as staff on this booking: staff see the check-in code, and anyone
 * but the requester who may act on it is staff (or an admin).
 */
export function actsAsStaff(booking: Booking, userId: string | undefined): boolean {
  return booking.checkInCode !== null || booking.requester.id !== userId;
}

type Values = Record<string, string>;

function initialValues(action: TransitionAction, booking: Booking): Values {
  switch (action) {
    case 'ADJUST':
      return {
        start: instantToLocalInput(booking.start),
        end: instantToLocalInput(booking.end),
        sampleCount: String(booking.sample?.count ?? ''),
        note: '',
      };
    case 'COMPLETE':
      return {
        actualStart: instantToLocalInput(booking.actualStart ?? booking.start),
        actualEnd: instantToLocalInput(booking.end),
        samplesRun: String(booking.sample?.count ?? ''),
        resultNote: '',
        code: '',
      };
    case 'RATE':
      return { stars: '5', comment: '' };
    default:
      return { reason: '', code: '', voucherId: '' };
  }
}

/** The request body of a form, or the field errors that keep it from being sent. */
export function actionBody(
  action: TransitionAction,
  values: Values,
  booking: Booking,
  staff: boolean,
  required: string,
): { body: TransitionBody } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const need = (name: string) => {
    if (!values[name]?.trim()) {
      errors[name] = required;
    }
  };
  const instant = (name: string) => {
    const value = localInputToInstant(values[name] ?? '');
    if (!value) {
      errors[name] = required;
    }
    return value;
  };
  let body: TransitionBody = {};
  const machine = booking.mode === 'MACHINE_TIME';
  switch (action) {
    case 'REJECT':
    case 'DECLINE':
    case 'CANCEL':
      need('reason');
      body = { reason: values.reason?.trim() ?? '' };
      break;
    case 'ADJUST':
      if (machine) {
        body = { start: instant('start'), end: instant('end') };
      } else {
        need('sampleCount');
        body = { sampleCount: Number(values.sampleCount) };
      }
      body.note = values.note?.trim() || null;
      break;
    case 'START':
      if (!staff) {
        need('code');
        body = { code: values.code?.trim() ?? '' };
      }
      break;
    case 'COMPLETE':
      if (!staff) {
        need('code');
        body = { code: values.code?.trim() ?? '' };
      } else if (machine) {
        body = { actualStart: instant('actualStart'), actualEnd: instant('actualEnd') };
      } else {
        need('samplesRun');
        body = { samplesRun: Number(values.samplesRun), resultNote: values.resultNote?.trim() ?? '' };
      }
      break;
    case 'RATE':
      body = { stars: Number(values.stars), comment: values.comment?.trim() ?? '' };
      break;
    case 'APPLY_VOUCHER':
      need('voucherId');
      body = { voucherId: values.voucherId ?? '' };
      break;
    default:
      break;
  }
  return Object.keys(errors).length > 0 ? { errors } : { body };
}

/** The buttons (and small forms) of the transitions the API lists in `booking.actions`. */
export function BookingActions({
  booking,
  userId,
  onChanged,
  idPrefix = 'booking',
}: {
  booking: Booking;
  userId: string | undefined;
  onChanged: (booking: Booking) => void;
  idPrefix?: string;
}) {
  const { t } = useI18n();
  const staff = actsAsStaff(booking, userId);
  const [open, setOpen] = useState<TransitionAction | null>(null);
  const [values, setValues] = useState<Values>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const actions = ORDER.filter((action) => booking.actions.includes(action));

  const send = async (action: TransitionAction, body: TransitionBody) => {
    setBusy(true);
    setProblem(null);
    setNotice(null);
    try {
      const updated = await transitionBooking(booking.id, action, body);
      setOpen(null);
      setErrors({});
      setNotice(t(`booking.done.${action}`));
      onChanged(updated);
    } catch (error) {
      const failure = problemOf(error);
      const split = splitProblem(failure, Object.keys(values));
      setErrors(split.fieldErrors);
      setProblem(split.rest);
    } finally {
      setBusy(false);
    }
  };

  const openForm = (action: TransitionAction) => {
    setOpen(action);
    setValues(initialValues(action, booking));
    setErrors({});
    setProblem(null);
    setNotice(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!open) {
      return;
    }
    const result = actionBody(open, values, booking, staff, t('form.required'));
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    void send(open, result.body);
  };

  if (actions.length === 0) {
    return notice ? <SuccessMessage testId={`${idPrefix}-notice`}>{notice}</SuccessMessage> : null;
  }

  const field = (name: string, label: string, extra: { type?: string; area?: boolean; optional?: boolean; hint?: string } = {}) => {
    const id = `${idPrefix}-${open}-${name}`;
    const common = {
      id,
      field: name,
      label,
      hint: extra.hint,
      value: values[name] ?? '',
      error: errors[name],
      testId: `action-field-${name}`,
      optionalLabel: extra.optional ? t('form.optional') : undefined,
    };
    return extra.area ? (
      <TextAreaField {...common} onChange={(event) => setValues({ ...values, [name]: event.target.value })} />
    ) : (
      <TextField {...common} type={extra.type ?? 'text'} onChange={(event) => setValues({ ...values, [name]: event.target.value })} />
    );
  };

  const localHint = t('booking.form.localTimeHint');
  const machine = booking.mode === 'MACHINE_TIME';
  let fields: ReactNode = null;
  switch (open) {
    case 'REJECT':
    case 'DECLINE':
    case 'CANCEL':
      fields = field('reason', t('booking.action.reason'), { area: true });
      break;
    case 'ADJUST':
      fields = (
        <>
          {machine ? (
            <>
              {field('start', t('booking.action.newStart'), { type: 'datetime-local', hint: localHint })}
              {field('end', t('booking.action.newEnd'), { type: 'datetime-local', hint: localHint })}
            </>
          ) : (
            field('sampleCount', t('booking.action.newSampleCount'), { type: 'number' })
          )}
          {field('note', t('booking.action.note'), { area: true, optional: true })}
        </>
      );
      break;
    case 'START':
      fields = staff ? null : field('code', t('booking.action.checkInCode'), { hint: t('booking.action.codeHint') });
      break;
    case 'COMPLETE':
      fields = !staff ? (
        field('code', t('booking.action.checkInCode'), { hint: t('booking.action.codeHint') })
      ) : machine ? (
        <>
          {field('actualStart', t('booking.action.actualStart'), { type: 'datetime-local', hint: localHint })}
          {field('actualEnd', t('booking.action.actualEnd'), { type: 'datetime-local', hint: localHint })}
        </>
      ) : (
        <>
          {field('samplesRun', t('booking.action.samplesRun'), { type: 'number' })}
          {field('resultNote', t('booking.action.resultNote'), { area: true })}
        </>
      );
      break;
    case 'RATE':
      fields = (
        <>
          <fieldset className="fieldset stars">
            <legend>{t('booking.action.stars')}</legend>
            <div className="choice-list choice-list--inline">
              {[1, 2, 3, 4, 5].map((stars) => (
                <div className="choice" key={stars}>
                  <input
                    type="radio"
                    id={`${idPrefix}-stars-${stars}`}
                    name={`${idPrefix}-stars`}
                    checked={values.stars === String(stars)}
                    onChange={() => setValues({ ...values, stars: String(stars) })}
                    data-testid={`rating-stars-${stars}`}
                  />
                  <label htmlFor={`${idPrefix}-stars-${stars}`}>
                    <span aria-hidden="true">{'★'.repeat(stars)}</span>
                    <span className="visually-hidden">{t('booking.action.starsValue', { stars })}</span>
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
          {field('comment', t('booking.action.comment'), { area: true, optional: true })}
        </>
      );
      break;
    case 'APPLY_VOUCHER':
      fields = (
        <VoucherChoice
          id={`${idPrefix}-voucher`}
          organisationId={booking.organisationId}
          value={values.voucherId ?? ''}
          error={errors.voucherId}
          onChange={(voucherId) => setValues({ ...values, voucherId })}
        />
      );
      break;
    default:
      break;
  }

  return (
    <div className="booking-actions" data-testid={`${idPrefix}-actions`}>
      {notice && <SuccessMessage testId={`${idPrefix}-notice`}>{notice}</SuccessMessage>}
      {!open && problem && <FormAlert problem={problem} />}
      <div className="cell__actions">
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            className={`button button--small ${['REJECT', 'DECLINE', 'CANCEL', 'NO_SHOW'].includes(action) ? 'button--danger' : action === 'APPROVE' || action === 'ACCEPT' ? '' : 'button--secondary'}`}
            disabled={busy}
            aria-expanded={SIMPLE.includes(action) || (action === 'START' && staff) ? undefined : open === action}
            onClick={() =>
              SIMPLE.includes(action) || (action === 'START' && staff) ? void send(action, {}) : openForm(action)
            }
            data-testid={`action-${action}`}
          >
            {t(`booking.action.${action}`)}
          </button>
        ))}
      </div>
      {open && (
        <form className="form booking-actions__form" onSubmit={submit} noValidate data-testid={`action-form-${open}`}>
          <h3>{t(`booking.action.${open}`)}</h3>
          <FormAlert problem={problem} />
          {fields}
          <div className="form__actions">
            <button type="submit" className="button" disabled={busy} data-testid="action-submit">
              {t('booking.action.confirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setOpen(null)} data-testid="action-cancel-form">
              {t('form.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

/** Picks one of the paying organisation's vouchers with money left. */
function VoucherChoice({
  id,
  organisationId,
  value,
  error,
  onChange,
}: {
  id: string;
  organisationId: string | null;
  value: string;
  error?: string;
  onChange: (voucherId: string) => void;
}) {
  const { t, locale } = useI18n();
  const load = useCallback(
    (signal: AbortSignal) => (organisationId ? fetchVouchers(organisationId, signal) : Promise.resolve([])),
    [organisationId],
  );
  const vouchers = useResource(load);
  if (!organisationId) {
    return <p className="muted">{t('booking.voucher.noOrganisation')}</p>;
  }
  if (vouchers.loading) {
    return (
      <p role="status" className="muted">
        {t('list.loading')}
      </p>
    );
  }
  if (vouchers.problem) {
    return <FormAlert problem={vouchers.problem} />;
  }
  const usable = (vouchers.data ?? []).filter((voucher) => voucher.remainingFen > 0);
  if (usable.length === 0) {
    return <p className="muted" data-testid="voucher-none">{t('booking.voucher.none')}</p>;
  }
  return (
    <SelectField
      id={id}
      field="voucherId"
      label={t('booking.voucher.choose')}
      value={value}
      error={error}
      onChange={(event) => onChange(event.target.value)}
      testId="voucher-select"
    >
      <option value="">{t('form.choose')}</option>
      {usable.map((voucher) => (
        <option key={voucher.id} value={voucher.id}>
          {t('booking.voucher.option', {
            remaining: formatFen(locale, voucher.remainingFen),
            validUntil: formatPlainDate(locale, voucher.validUntil),
            note: voucher.note || voucher.id,
          })}
        </option>
      ))}
    </SelectField>
  );
}
