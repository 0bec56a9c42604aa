import { useCallback, useState, type FormEvent } from 'react';
import { problemOf, type ProblemDetail } from '../../api/client';
import { useResource } from '../../api/useResource';
import { FormAlert, SelectField, SuccessMessage, TextAreaField, TextField, useFocusOnError, useFormRef, type FieldErrors } from '../../components/forms';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import { useListParams } from '../admin/useListParams';
import { industryChains } from '../catalog/entryForm';
import { searchCities } from '../catalog/types';
import { cityLabel, enumLabel } from '../identity/labels';
import { createExpert, deleteExpert, EXPERT_PAGE_SIZE, fetchExperts, updateExpert } from './engagementApi';
import { EXPERT_FORM_FIELDS, expertFormValues, expertSaveBody, withActive, type ExpertFormValues } from './expertForm';
import { advisoryTypeLabel, bilingual } from './labels';
import { advisoryTypes, type Expert } from './types';

const KEYS = ['q'] as const;

/** The form's text fields. */
type TextKey = { [K in keyof ExpertFormValues]: ExpertFormValues[K] extends string ? K : never }[keyof ExpertFormValues];

/** The server's field errors on the form's fields (`contact.email` → contactEmail, `fields[2]` → fields); the rest above it. */
function formErrors(problem: ProblemDetail): { errors: FieldErrors; rest: ProblemDetail | null } {
  const errors: FieldErrors = {};
  const unmatched = [];
  for (const error of problem.errors ?? []) {
    const name = EXPERT_FORM_FIELDS[error.field.replace(/\[\d+\]$/, '')];
    if (name) {
      errors[name] = errors[name] ? `${errors[name]} ${error.message}` : error.message;
    } else {
      unmatched.push(error);
    }
  }
  const allMatched = Object.keys(errors).length > 0 && unmatched.length === 0;
  return { errors, rest: allMatched ? null : { ...problem, errors: unmatched.length > 0 ? unmatched : undefined } };
}

/** `/admin/experts`: the expert directory's keeping — add, change, deactivate, remove. */
export function AdminExpertsPage() {
  const { t, locale } = useI18n();
  usePageTitle('adminExperts.title');
  const { page, values, setFilters, setPage } = useListParams(KEYS);
  const [query, setQuery] = useState(values.q);
  const load = useCallback(
    (signal: AbortSignal) => fetchExperts({ q: values.q, includeInactive: true, page, size: 20 }, signal),
    [values.q, page],
  );
  const experts = useResource(load);
  const [editing, setEditing] = useState<Expert | 'new' | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const data = experts.data;

  const replace = (updated: Expert) =>
    experts.update((current) => ({ ...current, items: current.items.map((row) => (row.id === updated.id ? updated : row)) }));

  const act = async (work: () => Promise<void>) => {
    setProblem(null);
    setNotice(null);
    try {
      await work();
    } catch (error) {
      setProblem(problemOf(error));
    }
  };

  const toggle = (expert: Expert) =>
    act(async () => {
      const updated = await updateExpert(expert.id, withActive(expert, !expert.active));
      replace(updated);
      setNotice(t(updated.active ? 'adminExperts.activated' : 'adminExperts.deactivated', { name: bilingual(locale, updated.nameZh, updated.nameEn) }));
    });

  const remove = (expert: Expert) =>
    act(async () => {
      setConfirmDelete(null);
      await deleteExpert(expert.id);
      experts.reload();
      setNotice(t('adminExperts.deleted', { name: bilingual(locale, expert.nameZh, expert.nameEn) }));
    });

  const saved = (expert: Expert, created: boolean) => {
    setEditing(null);
    setNotice(t(created ? 'adminExperts.created' : 'adminExperts.saved', { name: bilingual(locale, expert.nameZh, expert.nameEn) }));
    if (created) {
      experts.reload();
    } else {
      replace(expert);
    }
  };

  return (
    <section className="page admin" aria-labelledby="admin-experts-title" aria-busy={experts.loading}>
      <header className="page-header">
        <div>
          <h1 id="admin-experts-title">{t('adminExperts.title')}</h1>
          <p className="page-header__intro">{t('adminExperts.intro')}</p>
        </div>
      </header>

      <form
        className="filters"
        role="search"
        aria-label={t('adminExperts.searchLabel')}
        onSubmit={(event) => {
          event.preventDefault();
          setFilters({ q: query.trim() });
        }}
      >
        <div className="field">
          <label htmlFor="admin-experts-q" className="field__label">
            {t('experts.q')}
          </label>
          <input id="admin-experts-q" type="search" className="field__control" value={query} onChange={(event) => setQuery(event.target.value)} data-testid="admin-experts-q" />
        </div>
        <button type="submit" className="button" data-testid="admin-experts-search">
          {t('form.search')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setEditing('new')} data-testid="admin-expert-new">
          {t('adminExperts.new')}
        </button>
      </form>

      {notice && <SuccessMessage testId="admin-experts-notice">{notice}</SuccessMessage>}
      {problem && (
        <div data-testid="admin-experts-problem">
          <ProblemAlert problem={problem} />
        </div>
      )}
      {editing && (
        <ExpertForm
          key={editing === 'new' ? 'new' : editing.id}
          expert={editing === 'new' ? undefined : editing}
          onSaved={saved}
          onCancel={() => setEditing(null)}
        />
      )}
      {experts.problem && <ProblemAlert problem={experts.problem} />}
      {experts.loading && !data && (
        <p role="status" className="muted">
          {t('list.loading')}
        </p>
      )}
      {data && data.items.length === 0 && (
        <p className="empty" data-testid="admin-experts-empty">
          {t('list.empty')}
        </p>
      )}
      {data && data.items.length > 0 && (
        <ul className="item-list" data-testid="admin-experts-list">
          {data.items.map((expert) => (
            <li key={expert.id} className="item" data-testid={`admin-expert-${expert.id}`}>
              <div className="item__head">
                <h2 className="item__title">{bilingual(locale, expert.nameZh, expert.nameEn)}</h2>
                <span className={expert.active ? 'badge badge--text badge--up' : 'badge badge--text badge--down'} data-testid={`admin-expert-state-${expert.id}`}>
                  {t(expert.active ? 'adminExperts.active' : 'experts.inactive')}
                </span>
              </div>
              <p className="item__meta">
                {cityLabel(t, expert.city)} · {expert.services.map((service) => advisoryTypeLabel(t, service)).join('、')} ·{' '}
                {expert.linkedUser ? t('adminExperts.answeredBy', { email: expert.linkedUser.email }) : t('adminExperts.nobodyAnswers')}
              </p>
              <div className="item__actions">
                <button type="button" className="button button--small button--secondary" onClick={() => setEditing(expert)} data-testid={`admin-expert-edit-${expert.id}`}>
                  {t('adminExperts.edit')}
                </button>
                <button type="button" className="button button--small button--secondary" onClick={() => void toggle(expert)} data-testid={`admin-expert-toggle-${expert.id}`}>
                  {t(expert.active ? 'adminExperts.deactivate' : 'adminExperts.activate')}
                </button>
                {confirmDelete === expert.id ? (
                  <button type="button" className="button button--small button--danger" onClick={() => void remove(expert)} data-testid={`admin-expert-delete-confirm-${expert.id}`}>
                    {t('adminExperts.confirmDelete')}
                  </button>
                ) : (
                  <button type="button" className="button button--small button--danger" onClick={() => setConfirmDelete(expert.id)} data-testid={`admin-expert-delete-${expert.id}`}>
                    {t('adminExperts.delete')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {data && <Pagination page={data.page} size={data.size || EXPERT_PAGE_SIZE} total={data.total} onPage={setPage} label={t('pagination.label')} />}
    </section>
  );
}

function ExpertForm({ expert, onSaved, onCancel }: { expert?: Expert; onSaved: (expert: Expert, created: boolean) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [values, setValues] = useState<ExpertFormValues>(() => expertFormValues(expert));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useFormRef();
  const focusOnError = useFocusOnError(formRef);

  const set = <K extends keyof ExpertFormValues>(name: K, value: ExpertFormValues[K]) => setValues((previous) => ({ ...previous, [name]: value }));
  const toggleIn = <K extends 'services' | 'industryChains'>(name: K, value: string, on: boolean) =>
    setValues((previous) => ({
      ...previous,
      [name]: on ? [...previous[name], value] : previous[name].filter((item: string) => item !== value),
    }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = expertSaveBody(values, expert, t('form.required'));
    if ('errors' in result) {
      setErrors(result.errors);
      focusOnError();
      return;
    }
    setSaving(true);
    setErrors({});
    setProblem(null);
    try {
      const savedExpert = expert ? await updateExpert(expert.id, result.body) : await createExpert(result.body);
      onSaved(savedExpert, !expert);
    } catch (error) {
      const split = formErrors(problemOf(error));
      setErrors(split.errors);
      setProblem(split.rest);
      focusOnError();
    } finally {
      setSaving(false);
    }
  };

  const text = (name: TextKey, label: string, extra: { area?: boolean; optional?: boolean; hint?: string; type?: string } = {}) => {
    const common = {
      id: `admin-expert-${name}`,
      field: name,
      label,
      hint: extra.hint,
      value: values[name],
      error: errors[name],
      testId: `admin-expert-field-${name}`,
      optionalLabel: extra.optional ? t('form.optional') : undefined,
    };
    return extra.area ? (
      <TextAreaField {...common} rows={3} onChange={(event) => set(name, event.target.value)} />
    ) : (
      <TextField {...common} type={extra.type ?? 'text'} onChange={(event) => set(name, event.target.value)} />
    );
  };

  return (
    <form ref={formRef} className="panel form" onSubmit={(event) => void submit(event)} noValidate aria-label={t(expert ? 'adminExperts.edit' : 'adminExperts.new')} data-testid="admin-expert-form">
      <h2>{t(expert ? 'adminExperts.edit' : 'adminExperts.new')}</h2>
      <FormAlert problem={problem} />
      {text('nameZh', t('adminExperts.nameZh'))}
      {text('nameEn', t('adminExperts.nameEn'), { optional: true })}
      {text('titleZh', t('adminExperts.titleZh'), { optional: true })}
      {text('titleEn', t('adminExperts.titleEn'), { optional: true })}
      {text('organisationNameZh', t('adminExperts.organisationZh'), { optional: true })}
      {text('organisationNameEn', t('adminExperts.organisationEn'), { optional: true })}
      <SelectField id="admin-expert-city" field="city" label={t('experts.city')} value={values.city} error={errors.city} onChange={(event) => set('city', event.target.value)} testId="admin-expert-field-city">
        <option value="">{t('form.choose')}</option>
        {searchCities.map((city) => (
          <option key={city} value={city}>
            {cityLabel(t, city)}
          </option>
        ))}
      </SelectField>
      <fieldset className={errors.services ? 'fieldset field--invalid' : 'fieldset'} data-testid="admin-expert-services">
        <legend>{t('adminExperts.services')}</legend>
        <div className="choice-list choice-list--inline">
          {advisoryTypes.map((type) => (
            <div className="choice" key={type}>
              <input
                type="checkbox"
                id={`admin-expert-service-${type}`}
                checked={values.services.includes(type)}
                onChange={(event) => toggleIn('services', type, event.target.checked)}
                data-testid={`admin-expert-service-${type}`}
              />
              <label htmlFor={`admin-expert-service-${type}`}>{advisoryTypeLabel(t, type)}</label>
            </div>
          ))}
        </div>
        {errors.services && (
          <p className="field__error" data-testid="field-error-services">
            {errors.services}
          </p>
        )}
      </fieldset>
      {text('fields', t('adminExperts.fields'), { optional: true, hint: t('adminExperts.fieldsHint') })}
      <fieldset className="fieldset">
        <legend>{t('adminExperts.industryChains')}</legend>
        <div className="choice-list choice-list--inline">
          {industryChains.map((chain) => (
            <div className="choice" key={chain}>
              <input
                type="checkbox"
                id={`admin-expert-chain-${chain}`}
                checked={values.industryChains.includes(chain)}
                onChange={(event) => toggleIn('industryChains', chain, event.target.checked)}
              />
              <label htmlFor={`admin-expert-chain-${chain}`}>{enumLabel(t, 'industryChain', chain)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      {text('bioZh', t('adminExperts.bioZh'), { area: true, optional: true })}
      {text('bioEn', t('adminExperts.bioEn'), { area: true, optional: true })}
      {text('contactName', t('engagement.contacts.name'), { optional: true, hint: t('adminExperts.contactHint') })}
      {text('contactPhone', t('engagement.contacts.phone'), { optional: true, type: 'tel' })}
      {text('contactEmail', t('engagement.contacts.email'), { optional: true, type: 'email' })}
      {text('userEmail', t('adminExperts.userEmail'), { optional: true, type: 'email', hint: t('adminExperts.userEmailHint') })}
      <div className="choice">
        <input type="checkbox" id="admin-expert-active" checked={values.active} onChange={(event) => set('active', event.target.checked)} data-testid="admin-expert-field-active" />
        <label htmlFor="admin-expert-active">{t('adminExperts.listed')}</label>
      </div>
      <div className="form__actions">
        <button type="submit" className="button" disabled={saving} data-testid="admin-expert-submit">
          {t('form.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} data-testid="admin-expert-cancel">
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
