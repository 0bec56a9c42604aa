import { useCallback, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { problemOf, type ProblemDetail } from '../../api/client';
import { useResource } from '../../api/useResource';
import { ActionLabel } from '../../components/ActionLabel';
import { FormAlert, SelectField, splitProblem, SuccessMessage, TextAreaField, TextField, type FieldErrors } from '../../components/forms';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import { formatShanghaiDateTime, formatShanghaiRange } from '../../i18n/format';
import { fetchResource } from '../catalog/api';
import { contentTitle } from '../catalog/labels';
import {
  addClosure,
  deleteClosure,
  fetchBookingRules,
  fetchClosures,
  fetchQualifications,
  grantQualification,
  revokeQualification,
  saveBookingRules,
} from './bookingApi';
import { closureKindLabel, weekDayLabel } from './labels';
import { addDays, localInputToInstant, localToday, localToInstant } from './localTime';
import { fromDraft, numberRuleFields, quotaRuleFields, toDraft, type RulesDraft } from './rulesForm';
import { closureKinds, weekDays, type ClosureKind, type WeekDay } from './types';

/** `/staff/instruments/:id`: booking rules, closures and qualifications of one instrument. */
export function InstrumentSettingsPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const loadResource = useCallback((signal: AbortSignal) => fetchResource(id, signal), [id]);
  const resource = useResource(loadResource);
  const title = resource.data ? contentTitle(locale, resource.data.content) : id;
  usePageTitle('booking.settings.title', { title });

  return (
    <section className="page instrument-settings" aria-labelledby="instrument-settings-title" data-testid="instrument-settings-page">
      <header className="page-header">
        <div>
          <h1 id="instrument-settings-title">{t('booking.settings.title', { title })}</h1>
          <p className="page-header__intro">
            <Link to={`/resources/${encodeURIComponent(id)}`}>{t('booking.page.backToResource')}</Link>
            {' · '}
            <Link to={`/staff/bookings?instrumentId=${encodeURIComponent(id)}`}>{t('booking.settings.queue')}</Link>
          </p>
        </div>
      </header>
      {resource.problem && resource.problem.status !== 404 && <ProblemAlert problem={resource.problem} />}
      <RulesEditor instrumentId={id} />
      <ClosuresPanel instrumentId={id} />
      <QualificationsPanel instrumentId={id} />
    </section>
  );
}

const RULE_ERROR_KEYS = {
  required: 'form.required',
  wholeNumber: 'booking.rules.error.wholeNumber',
  time: 'booking.rules.error.time',
  order: 'booking.rules.error.order',
  grid: 'booking.rules.error.grid',
  minMax: 'booking.rules.error.minMax',
} as const;

function RulesEditor({ instrumentId }: { instrumentId: string }) {
  const { t } = useI18n();
  const load = useCallback((signal: AbortSignal) => fetchBookingRules(instrumentId, signal), [instrumentId]);
  const rules = useResource(load);
  const [draft, setDraft] = useState<{ source: unknown; value: RulesDraft } | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const [stale, setStale] = useState(false);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  // The draft starts from the loaded rules, and again whenever they are loaded anew.
  const current = rules.data && draft?.source === rules.data ? draft.value : rules.data ? toDraft(rules.data) : null;
  const change = (next: RulesDraft) => {
    setDraft({ source: rules.data, value: next });
    setSaved(false);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!current) {
      return;
    }
    setProblem(null);
    setStale(false);
    setSaved(false);
    const result = fromDraft(current);
    if ('errors' in result) {
      setErrors(Object.fromEntries(Object.entries(result.errors).map(([field, code]) => [field, t(RULE_ERROR_KEYS[code])])));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const updated = await saveBookingRules(instrumentId, result.rules);
      rules.update(() => updated);
      setSaved(true);
    } catch (error) {
      const failure = problemOf(error);
      if (failure.status === 409) {
        setStale(true);
      } else {
        const fields = [...numberRuleFields, ...quotaRuleFields, ...current.weeklyHours.flatMap((_, i) => [`weeklyHours[${i}].start`, `weeklyHours[${i}].end`, `weeklyHours[${i}].day`])];
        const split = splitProblem(failure, fields);
        setErrors(split.fieldErrors);
        setProblem(split.rest);
      }
    } finally {
      setBusy(false);
    }
  };

  const setHours = (index: number, patch: Partial<RulesDraft['weeklyHours'][number]>) =>
    current && change({ ...current, weeklyHours: current.weeklyHours.map((hours, i) => (i === index ? { ...hours, ...patch } : hours)) });

  return (
    <section className="panel" aria-labelledby="rules-title" data-testid="rules-editor">
      <div className="panel__head">
        <h2 id="rules-title">{t('booking.rules.title')}</h2>
      </div>
      {rules.problem && <ProblemAlert problem={rules.problem} />}
      {rules.loading && !rules.data && (
        <p role="status" className="muted">
          {t('list.loading')}
        </p>
      )}
      {stale && (
        <div className="notice notice--error" role="alert" data-testid="rules-stale">
          <p>{t('booking.rules.stale')}</p>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setStale(false);
              setDraft(null);
              rules.reload();
            }}
            data-testid="rules-reload"
          >
            {t('booking.rules.reload')}
          </button>
        </div>
      )}
      {saved && <SuccessMessage testId="rules-saved">{t('booking.rules.saved')}</SuccessMessage>}
      {current && (
        <form className="form" onSubmit={save} noValidate>
          <FormAlert problem={problem} />
          <fieldset className="fieldset">
            <legend>{t('booking.rules.weeklyHours')}</legend>
            <ul className="hours-list">
              {current.weeklyHours.map((hours, index) => (
                <li key={index} className="hours-list__row" data-testid={`hours-${index}`}>
                  <SelectField
                    id={`hours-${index}-day`}
                    field={`weeklyHours[${index}].day`}
                    label={t('booking.rules.day')}
                    value={hours.day}
                    error={errors[`weeklyHours[${index}].day`]}
                    onChange={(event) => setHours(index, { day: event.target.value as WeekDay })}
                  >
                    {weekDays.map((day) => (
                      <option key={day} value={day}>
                        {weekDayLabel(t, day)}
                      </option>
                    ))}
                  </SelectField>
                  <TextField
                    id={`hours-${index}-start`}
                    field={`weeklyHours[${index}].start`}
                    label={t('booking.rules.opens')}
                    type="time"
                    value={hours.start}
                    error={errors[`weeklyHours[${index}].start`]}
                    onChange={(event) => setHours(index, { start: event.target.value })}
                    testId={`hours-${index}-start`}
                  />
                  <TextField
                    id={`hours-${index}-end`}
                    field={`weeklyHours[${index}].end`}
                    label={t('booking.rules.closes')}
                    type="time"
                    value={hours.end}
                    error={errors[`weeklyHours[${index}].end`]}
                    onChange={(event) => setHours(index, { end: event.target.value })}
                    testId={`hours-${index}-end`}
                  />
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => change({ ...current, weeklyHours: current.weeklyHours.filter((_, i) => i !== index) })}
                    data-testid={`hours-${index}-remove`}
                  >
                    <ActionLabel text={t('booking.rules.removeHours')} name={`${weekDayLabel(t, hours.day)} ${hours.start}–${hours.end}`} />
                  </button>
                </li>
              ))}
            </ul>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => change({ ...current, weeklyHours: [...current.weeklyHours, { day: 'MONDAY', start: '08:30', end: '17:30' }] })}
              data-testid="hours-add"
            >
              {t('booking.rules.addHours')}
            </button>
          </fieldset>
          <div className="form__row">
            {[...numberRuleFields, ...quotaRuleFields].map((name) => (
              <TextField
                key={name}
                id={`rules-${name}`}
                field={name}
                label={t(`booking.rules.${name}`)}
                optionalLabel={(quotaRuleFields as readonly string[]).includes(name) ? t('booking.rules.noQuota') : undefined}
                inputMode="numeric"
                value={current.numbers[name]}
                error={errors[name]}
                onChange={(event) => change({ ...current, numbers: { ...current.numbers, [name]: event.target.value } })}
                testId={`rules-${name}`}
              />
            ))}
          </div>
          {(['approvalRequired', 'trainingRequired'] as const).map((name) => (
            <div className="choice" key={name}>
              <input
                type="checkbox"
                id={`rules-${name}`}
                checked={current[name]}
                onChange={(event) => change({ ...current, [name]: event.target.checked })}
                data-testid={`rules-${name}`}
              />
              <label htmlFor={`rules-${name}`}>{t(`booking.rules.${name}`)}</label>
            </div>
          ))}
          <div className="form__actions">
            <button type="submit" className="button" disabled={busy} data-testid="rules-save">
              {t('form.save')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function ClosuresPanel({ instrumentId }: { instrumentId: string }) {
  const { t, locale } = useI18n();
  // Closures from today (local midnight) for a year, as instants like every time on the wire.
  const [range] = useState(() => ({ from: localToInstant(localToday(), 0), to: localToInstant(addDays(localToday(), 366), 0) }));
  const load = useCallback((signal: AbortSignal) => fetchClosures(instrumentId, range, signal), [instrumentId, range]);
  const closures = useResource(load);
  const [form, setForm] = useState({ start: '', end: '', kind: 'MAINTENANCE' as ClosureKind, planned: true, reason: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const [busy, setBusy] = useState(false);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const start = localInputToInstant(form.start);
    const end = localInputToInstant(form.end);
    const found: FieldErrors = {};
    if (!start) found.start = t('form.required');
    if (!end) found.end = t('form.required');
    if (start && end && Date.parse(end) <= Date.parse(start)) found.end = t('booking.rules.error.order');
    if (!form.reason.trim()) found.reason = t('form.required');
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0 || !start || !end) {
      return;
    }
    setBusy(true);
    try {
      const created = await addClosure(instrumentId, { start, end, kind: form.kind, planned: form.planned, reason: form.reason.trim() });
      closures.update((list) => [...list, created].sort((a, b) => a.start.localeCompare(b.start)));
      setForm({ ...form, start: '', end: '', reason: '' });
    } catch (error) {
      const split = splitProblem(problemOf(error), ['start', 'end', 'kind', 'reason', 'planned']);
      setErrors(split.fieldErrors);
      setProblem(split.rest);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (closureId: string) => {
    setProblem(null);
    try {
      await deleteClosure(instrumentId, closureId);
      closures.update((list) => list.filter((closure) => closure.id !== closureId));
    } catch (error) {
      setProblem(problemOf(error));
    }
  };

  return (
    <section className="panel" aria-labelledby="closures-title" data-testid="closures-panel">
      <div className="panel__head">
        <h2 id="closures-title">{t('booking.closures.title')}</h2>
      </div>
      {closures.problem && <ProblemAlert problem={closures.problem} />}
      {closures.data && closures.data.length === 0 && <p className="empty">{t('booking.closures.none')}</p>}
      {closures.data && closures.data.length > 0 && (
        <ul className="item-list" data-testid="closures-list">
          {closures.data.map((closure) => (
            <li key={closure.id} className="item" data-testid={`closure-${closure.id}`}>
              <p className="item__title">
                {closureKindLabel(t, closure.kind)} · {formatShanghaiRange(locale, closure.start, closure.end)}
              </p>
              <p className="item__meta">
                {closure.reason} · {t(closure.planned ? 'booking.closures.planned' : 'booking.closures.unplanned')}
              </p>
              <button type="button" className="button button--danger button--small" onClick={() => void remove(closure.id)} data-testid={`closure-delete-${closure.id}`}>
                <ActionLabel text={t('booking.closures.delete')} name={closure.reason} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="form" onSubmit={add} noValidate data-testid="closure-form">
        <h3>{t('booking.closures.add')}</h3>
        <FormAlert problem={problem} />
        <div className="form__row">
          <TextField id="closure-start" field="start" type="datetime-local" label={t('booking.closures.start')} hint={t('booking.form.localTimeHint')} value={form.start} error={errors.start} onChange={(event) => setForm({ ...form, start: event.target.value })} testId="closure-start" />
          <TextField id="closure-end" field="end" type="datetime-local" label={t('booking.closures.end')} hint={t('booking.form.localTimeHint')} value={form.end} error={errors.end} onChange={(event) => setForm({ ...form, end: event.target.value })} testId="closure-end" />
          <SelectField id="closure-kind" field="kind" label={t('booking.closures.kind')} value={form.kind} error={errors.kind} onChange={(event) => setForm({ ...form, kind: event.target.value as ClosureKind })} testId="closure-kind">
            {closureKinds.map((kind) => (
              <option key={kind} value={kind}>
                {closureKindLabel(t, kind)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="choice">
          <input type="checkbox" id="closure-planned" checked={form.planned} onChange={(event) => setForm({ ...form, planned: event.target.checked })} />
          <label htmlFor="closure-planned">{t('booking.closures.planned')}</label>
        </div>
        <TextAreaField id="closure-reason" field="reason" label={t('booking.closures.reason')} value={form.reason} error={errors.reason} onChange={(event) => setForm({ ...form, reason: event.target.value })} testId="closure-reason" />
        <div className="form__actions">
          <button type="submit" className="button" disabled={busy} data-testid="closure-add">
            {t('booking.closures.add')}
          </button>
        </div>
      </form>
    </section>
  );
}

function QualificationsPanel({ instrumentId }: { instrumentId: string }) {
  const { t, locale } = useI18n();
  const load = useCallback((signal: AbortSignal) => fetchQualifications(instrumentId, signal), [instrumentId]);
  const qualifications = useResource(load);
  const [email, setEmail] = useState('');
  const [expires, setExpires] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const [busy, setBusy] = useState(false);

  const grant = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) {
      setErrors({ email: t('form.invalidEmail') });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      // A date without time: valid to the end of that day, local time.
      const expiresAt = expires ? localToInstant(expires, 24 * 60) : null;
      await grantQualification(instrumentId, email.trim(), expiresAt);
      setEmail('');
      setExpires('');
      qualifications.reload();
    } catch (error) {
      const split = splitProblem(problemOf(error), ['email', 'expiresAt']);
      setErrors(split.fieldErrors);
      setProblem(split.rest);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (userId: string) => {
    setProblem(null);
    try {
      await revokeQualification(instrumentId, userId);
      qualifications.update((list) => list.filter((item) => item.userId !== userId));
    } catch (error) {
      setProblem(problemOf(error));
    }
  };

  return (
    <section className="panel" aria-labelledby="qualifications-title" data-testid="qualifications-panel">
      <div className="panel__head">
        <h2 id="qualifications-title">{t('booking.qualifications.title')}</h2>
      </div>
      {qualifications.problem && <ProblemAlert problem={qualifications.problem} />}
      {qualifications.data && qualifications.data.length === 0 && <p className="empty">{t('booking.qualifications.none')}</p>}
      {qualifications.data && qualifications.data.length > 0 && (
        <ul className="item-list" data-testid="qualifications-list">
          {qualifications.data.map((item) => (
            <li key={item.userId} className="item" data-testid={`qualification-${item.userId}`}>
              <p className="item__title">
                {item.displayName} <span className="muted">{item.email}</span>
              </p>
              <p className="item__meta">
                {t('booking.qualifications.granted', { time: formatShanghaiDateTime(locale, item.grantedAt) })}
                {' · '}
                {item.expiresAt
                  ? t('booking.qualifications.expires', { time: formatShanghaiDateTime(locale, item.expiresAt) })
                  : t('booking.qualifications.noExpiry')}
              </p>
              <button type="button" className="button button--danger button--small" onClick={() => void revoke(item.userId)} data-testid={`qualification-revoke-${item.userId}`}>
                <ActionLabel text={t('booking.qualifications.revoke')} name={item.displayName} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="form" onSubmit={grant} noValidate data-testid="qualification-form">
        <h3>{t('booking.qualifications.grant')}</h3>
        <FormAlert problem={problem} />
        <div className="form__row">
          <TextField id="qualification-email" field="email" type="email" label={t('booking.qualifications.email')} value={email} error={errors.email} onChange={(event) => setEmail(event.target.value)} testId="qualification-email" />
          <TextField id="qualification-expires" field="expiresAt" type="date" label={t('booking.qualifications.expiresAt')} optionalLabel={t('form.optional')} value={expires} error={errors.expiresAt} onChange={(event) => setExpires(event.target.value)} testId="qualification-expires" />
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={busy} data-testid="qualification-grant">
            {t('booking.qualifications.grant')}
          </button>
        </div>
      </form>
    </section>
  );
}
