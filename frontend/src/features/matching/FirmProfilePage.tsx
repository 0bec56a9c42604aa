import { useCallback, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { problemOf, statusOf, type ProblemDetail } from '../../api/client';
import { useResource } from '../../api/useResource';
import {
  FieldErrorText,
  FormAlert,
  SelectField,
  splitProblem,
  SuccessMessage,
  TextAreaField,
  TextField,
  describedBy,
  useFocusOnError,
  useFormRef,
  type FieldErrors,
} from '../../components/forms';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import { formatShanghaiDateTime } from '../../i18n/format';
import { qualifications as allQualifications, searchCities } from '../catalog/types';
import { cityLabel, organisationName } from '../identity/labels';
import { emptyProfileForm, formField, formOf, toRequest, type ProfileForm, type QualificationRow } from './firmProfileForm';
import { chainLabel, employeesLabel, instrumentLabel, qualificationLabel, revenueLabel, stageLabel } from './labels';
import {
  employeesBands,
  fetchFirmProfile,
  fetchMyFirms,
  fundingInstruments,
  industryChains,
  revenueBands,
  saveFirmProfile,
  stages,
  type FirmProfile,
  type OrganisationRef,
} from './matchingApi';

/** The profile (null when the firm has none yet) and the firm it belongs to. */
interface Loaded {
  profile: FirmProfile | null;
  firm: OrganisationRef | null;
}

async function loadProfile(orgId: string, signal: AbortSignal): Promise<Loaded> {
  const [profile, mine] = await Promise.all([
    fetchFirmProfile(orgId, signal).catch((error: unknown) => {
      if (statusOf(error) === 404) {
        return null;
      }
      throw error;
    }),
    fetchMyFirms(signal).catch(() => []),
  ]);
  const firm = profile?.organisation ?? mine.find((item) => item.organisation.id === orgId)?.organisation ?? null;
  return { profile, firm };
}

/** The fields of the form that are not rows of a list, as the API names them. */
const STATIC_FIELDS = [
  'industryChains',
  'products',
  'stage',
  'city',
  'district',
  'location.lat',
  'location.lon',
  'foundedYear',
  'employees',
  'revenue',
  'qualifications',
  'patents.invention',
  'patents.utilityModel',
  'patents.design',
  'patents.softwareCopyright',
  'patents.numbers',
  'fundingNeed.amountMinFen',
  'fundingNeed.amountMaxFen',
  'fundingNeed.purpose',
  'fundingNeed.instruments',
  'technologyNeeds',
  'contact.name',
  'contact.phone',
  'contact.email',
  'discoverable',
];

const rowFields = (count: number) =>
  Array.from({ length: count }, (_, index) => ['qualification', 'certificateNumber', 'expiresOn'].map((name) => `qualifications[${index}].${name}`)).flat();

/** `/firms/:orgId/profile`: the firm's profile, for its members to write and keep up to date. */
export function FirmProfilePage() {
  const { t, locale } = useI18n();
  const { orgId = '' } = useParams();
  usePageTitle('firmProfile.title');
  const load = useCallback((signal: AbortSignal) => loadProfile(orgId, signal), [orgId]);
  const loaded = useResource(load);
  const data = loaded.loading ? undefined : loaded.data;

  return (
    <section className="page page--narrow" aria-labelledby="firm-profile-title" aria-busy={loaded.loading}>
      <header className="page-header">
        <div>
          <h1 id="firm-profile-title">{t('firmProfile.title')}</h1>
          {data?.firm && (
            <p className="page-header__intro" data-testid="firm-profile-firm">
              {organisationName(locale, data.firm)}
            </p>
          )}
        </div>
      </header>
      <p>
        <Link to="/firms">{t('firmProfile.backToFirms')}</Link>
      </p>
      {loaded.problem && <ProblemAlert problem={loaded.problem} />}
      {loaded.loading && (
        <p role="status" className="muted">
          {t('list.loading')}
        </p>
      )}
      {data && <FirmProfileForm key={orgId} orgId={orgId} initial={data.profile} />}
    </section>
  );
}

function FirmProfileForm({ orgId, initial }: { orgId: string; initial: FirmProfile | null }) {
  const { t, locale } = useI18n();
  const [form, setForm] = useState<ProfileForm>(() => (initial ? formOf(initial) : emptyProfileForm));
  const [version, setVersion] = useState<number | undefined>(initial?.version);
  const [updatedAt, setUpdatedAt] = useState<string | undefined>(initial?.updatedAt);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const nextKey = useRef(form.qualifications.length);
  const formRef = useFormRef();
  const focusOnError = useFocusOnError(formRef);

  const set = <K extends keyof ProfileForm>(name: K, value: ProfileForm[K]) => {
    setForm((current) => ({ ...current, [name]: value }));
    setSaved(false);
  };
  const setRow = (key: number, change: Partial<QualificationRow>) =>
    set(
      'qualifications',
      form.qualifications.map((row) => (row.key === key ? { ...row, ...change } : row)),
    );

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    setProblem(null);
    const checked = toRequest(form, version);
    if ('errors' in checked) {
      setFieldErrors(Object.fromEntries(Object.entries(checked.errors).map(([field, key]) => [field, t(key)])));
      focusOnError();
      return;
    }
    setSaving(true);
    setFieldErrors({});
    try {
      const profile = await saveFirmProfile(orgId, checked.request);
      setForm(formOf(profile));
      nextKey.current = profile.qualifications.length;
      setVersion(profile.version);
      setUpdatedAt(profile.updatedAt);
      setSaved(true);
    } catch (error) {
      const found = problemOf(error);
      const normalized = found.errors ? { ...found, errors: found.errors.map((item) => ({ ...item, field: formField(item.field) })) } : found;
      const split = splitProblem(normalized, [...STATIC_FIELDS, ...rowFields(form.qualifications.length)]);
      setFieldErrors(split.fieldErrors);
      setProblem(split.rest);
      focusOnError();
    } finally {
      setSaving(false);
    }
  };

  const optional = t('form.optional');
  const privateMark = (
    <span className="badge badge--text badge--neutral firm-profile__private" data-testid="private-mark">
      {t('firmProfile.private')}
    </span>
  );
  const withPrivate = (label: string) => (
    <>
      {label} {privateMark}
    </>
  );
  const text = (field: string, name: keyof ProfileForm, label: ReactNode, extra: { hint?: string; required?: boolean; maxLength?: number; inputMode?: 'numeric' | 'decimal'; type?: string } = {}) => (
    <TextField
      id={`firm-${field.replace(/[.[\]]/g, '-')}`}
      field={field}
      label={label}
      hint={extra.hint}
      error={fieldErrors[field]}
      optionalLabel={extra.required ? undefined : optional}
      required={extra.required}
      type={extra.type ?? 'text'}
      inputMode={extra.inputMode}
      maxLength={extra.maxLength}
      value={form[name] as string}
      onChange={(event) => set(name, event.target.value as ProfileForm[typeof name])}
      testId={`input-${field}`}
    />
  );
  const today = new Date().toISOString().slice(0, 10);

  return (
    <form ref={formRef} className="form firm-profile" aria-label={t('firmProfile.title')} onSubmit={(event) => void submit(event)} noValidate data-testid="firm-profile-form">
      <div className="notice" data-testid="firm-profile-privacy">
        <p className="notice__title">{t('firmProfile.privacyTitle')}</p>
        <p>{t('firmProfile.privacyBody')}</p>
      </div>
      {!initial && version === undefined && <p className="muted" data-testid="firm-profile-new">{t('firmProfile.new')}</p>}
      {updatedAt && <p className="muted">{t('firmProfile.updatedAt', { date: formatShanghaiDateTime(locale, updatedAt) })}</p>}
      <FormAlert problem={problem} />

      <fieldset className="fieldset">
        <legend>{t('firmProfile.section.about')}</legend>
        <CheckGroup
          field="industryChains"
          label={t('firmProfile.industryChains')}
          hint={t('firmProfile.industryChainsHint')}
          options={industryChains}
          optionLabel={(chain) => chainLabel(t, chain)}
          value={form.industryChains}
          error={fieldErrors.industryChains}
          onChange={(value) => set('industryChains', value)}
        />
        <TextAreaField
          id="firm-products"
          field="products"
          label={t('firmProfile.products')}
          hint={t('firmProfile.productsHint')}
          error={fieldErrors.products}
          required
          rows={3}
          maxLength={2000}
          value={form.products}
          onChange={(event) => set('products', event.target.value)}
          testId="input-products"
        />
        <SelectField id="firm-stage" field="stage" label={t('firmProfile.stage')} error={fieldErrors.stage} required value={form.stage} onChange={(event) => set('stage', event.target.value)} testId="input-stage">
          <option value="">{t('form.choose')}</option>
          {stages.map((stage) => (
            <option key={stage} value={stage}>
              {stageLabel(t, stage)}
            </option>
          ))}
        </SelectField>
        <SelectField id="firm-city" field="city" label={t('firmProfile.city')} error={fieldErrors.city} required value={form.city} onChange={(event) => set('city', event.target.value)} testId="input-city">
          <option value="">{t('form.choose')}</option>
          {searchCities.map((city) => (
            <option key={city} value={city}>
              {cityLabel(t, city)}
            </option>
          ))}
        </SelectField>
        {text('district', 'district', t('firmProfile.district'), { hint: t('organisation.districtHint'), maxLength: 100 })}
        <div className="form__row">
          {text('location.lat', 'lat', t('firmProfile.lat'), { inputMode: 'decimal', hint: t('firmProfile.locationHint') })}
          {text('location.lon', 'lon', t('firmProfile.lon'), { inputMode: 'decimal' })}
        </div>
        {text('foundedYear', 'foundedYear', t('firmProfile.foundedYear'), { inputMode: 'numeric', maxLength: 4 })}
        <SelectField id="firm-employees" field="employees" label={t('firmProfile.employees')} optionalLabel={optional} error={fieldErrors.employees} value={form.employees} onChange={(event) => set('employees', event.target.value)} testId="input-employees">
          <option value="">{t('form.choose')}</option>
          {employeesBands.map((band) => (
            <option key={band} value={band}>
              {employeesLabel(t, band)}
            </option>
          ))}
        </SelectField>
        <SelectField id="firm-revenue" field="revenue" label={withPrivate(t('firmProfile.revenue'))} optionalLabel={optional} error={fieldErrors.revenue} value={form.revenue} onChange={(event) => set('revenue', event.target.value)} testId="input-revenue">
          <option value="">{t('form.choose')}</option>
          {revenueBands.map((band) => (
            <option key={band} value={band}>
              {revenueLabel(t, band)}
            </option>
          ))}
        </SelectField>
      </fieldset>

      <fieldset className="fieldset" data-testid="input-qualifications">
        <legend>{t('firmProfile.section.qualifications')}</legend>
        <p className="field__hint">{t('firmProfile.qualificationsHint')}</p>
        <FieldErrorText id="firm-qualifications" field="qualifications" message={fieldErrors.qualifications} />
        {form.qualifications.length === 0 && <p className="muted">{t('firmProfile.noQualifications')}</p>}
        {form.qualifications.map((row, index) => {
          const path = `qualifications[${index}]`;
          const expired = row.expiresOn !== '' && row.expiresOn < today;
          return (
            <div key={row.key} className="form__row firm-profile__qualification" data-testid={`qualification-row-${index}`}>
              <SelectField
                id={`firm-qualification-${row.key}`}
                field={`${path}.qualification`}
                label={t('firmProfile.qualification')}
                error={fieldErrors[`${path}.qualification`]}
                required
                value={row.qualification}
                onChange={(event) => setRow(row.key, { qualification: event.target.value })}
                testId={`input-${path}.qualification`}
              >
                <option value="">{t('form.choose')}</option>
                {allQualifications.map((qualification) => (
                  <option key={qualification} value={qualification}>
                    {qualificationLabel(t, qualification)}
                  </option>
                ))}
              </SelectField>
              <TextField
                id={`firm-certificate-${row.key}`}
                field={`${path}.certificateNumber`}
                label={withPrivate(t('firmProfile.certificateNumber'))}
                optionalLabel={optional}
                error={fieldErrors[`${path}.certificateNumber`]}
                maxLength={50}
                value={row.certificateNumber}
                onChange={(event) => setRow(row.key, { certificateNumber: event.target.value })}
                testId={`input-${path}.certificateNumber`}
              />
              <TextField
                id={`firm-expires-${row.key}`}
                field={`${path}.expiresOn`}
                type="date"
                label={t('firmProfile.expiresOn')}
                hint={expired ? t('firmProfile.expired') : t('firmProfile.expiresOnHint')}
                optionalLabel={optional}
                error={fieldErrors[`${path}.expiresOn`]}
                value={row.expiresOn}
                onChange={(event) => setRow(row.key, { expiresOn: event.target.value })}
                testId={`input-${path}.expiresOn`}
              />
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => set('qualifications', form.qualifications.filter((other) => other.key !== row.key))}
                data-testid={`firm-profile-remove-qualification-${index}`}
              >
                {t('firmProfile.removeQualification')}
              </button>
            </div>
          );
        })}
        {form.qualifications.length < 10 && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              const key = nextKey.current++;
              set('qualifications', [...form.qualifications, { key, qualification: '', certificateNumber: '', expiresOn: '' }]);
            }}
            data-testid="firm-profile-add-qualification"
          >
            {t('firmProfile.addQualification')}
          </button>
        )}
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('firmProfile.section.patents')}</legend>
        <div className="form__row">
          {text('patents.invention', 'invention', t('firmProfile.patents.invention'), { inputMode: 'numeric' })}
          {text('patents.utilityModel', 'utilityModel', t('firmProfile.patents.utilityModel'), { inputMode: 'numeric' })}
          {text('patents.design', 'design', t('firmProfile.patents.design'), { inputMode: 'numeric' })}
          {text('patents.softwareCopyright', 'softwareCopyright', t('firmProfile.patents.softwareCopyright'), { inputMode: 'numeric' })}
        </div>
        <TextAreaField
          id="firm-patents-numbers"
          field="patents.numbers"
          label={withPrivate(t('firmProfile.patents.numbers'))}
          hint={t('firmProfile.patents.numbersHint')}
          optionalLabel={optional}
          error={fieldErrors['patents.numbers']}
          rows={3}
          value={form.patentNumbers}
          onChange={(event) => set('patentNumbers', event.target.value)}
          testId="input-patents.numbers"
        />
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('firmProfile.section.funding')}</legend>
        <p className="field__hint">{t('firmProfile.fundingHint')}</p>
        <div className="form__row">
          {text('fundingNeed.amountMinFen', 'amountMinYuan', t('publish.yuanLabel', { label: t('firmProfile.amountMin') }), { inputMode: 'decimal' })}
          {text('fundingNeed.amountMaxFen', 'amountMaxYuan', t('publish.yuanLabel', { label: t('firmProfile.amountMax') }), { inputMode: 'decimal' })}
        </div>
        <TextAreaField
          id="firm-funding-purpose"
          field="fundingNeed.purpose"
          label={withPrivate(t('firmProfile.purpose'))}
          optionalLabel={optional}
          error={fieldErrors['fundingNeed.purpose']}
          rows={3}
          maxLength={2000}
          value={form.purpose}
          onChange={(event) => set('purpose', event.target.value)}
          testId="input-fundingNeed.purpose"
        />
        <CheckGroup
          field="fundingNeed.instruments"
          label={t('firmProfile.instruments')}
          hint={t('firmProfile.instrumentsHint')}
          optionalLabel={optional}
          options={fundingInstruments}
          optionLabel={(instrument) => instrumentLabel(t, instrument)}
          value={form.instruments}
          error={fieldErrors['fundingNeed.instruments']}
          onChange={(value) => set('instruments', value)}
        />
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('firmProfile.section.technology')}</legend>
        <TextAreaField
          id="firm-technology-needs"
          field="technologyNeeds"
          label={t('firmProfile.technologyNeeds')}
          hint={t('firmProfile.technologyNeedsHint')}
          optionalLabel={optional}
          error={fieldErrors.technologyNeeds}
          rows={4}
          maxLength={4000}
          value={form.technologyNeeds}
          onChange={(event) => set('technologyNeeds', event.target.value)}
          testId="input-technologyNeeds"
        />
      </fieldset>

      <fieldset className="fieldset">
        <legend>{withPrivate(t('firmProfile.section.contact'))}</legend>
        <p className="field__hint">{t('firmProfile.contactHint')}</p>
        {text('contact.name', 'contactName', t('firmProfile.contactName'), { maxLength: 100 })}
        {text('contact.phone', 'contactPhone', t('firmProfile.contactPhone'), { maxLength: 40, type: 'tel' })}
        {text('contact.email', 'contactEmail', t('firmProfile.contactEmail'), { maxLength: 254, type: 'email' })}
      </fieldset>

      <div className="field">
        <label className="field__check">
          <input
            type="checkbox"
            id="firm-discoverable"
            checked={form.discoverable}
            aria-describedby="firm-discoverable-hint"
            onChange={(event) => set('discoverable', event.target.checked)}
            data-testid="input-discoverable"
          />{' '}
          {t('firmProfile.discoverable')}
        </label>
        <p id="firm-discoverable-hint" className="field__hint">
          {t('firmProfile.discoverableHint')}
        </p>
        <FieldErrorText id="firm-discoverable" field="discoverable" message={fieldErrors.discoverable} />
      </div>

      {saved && (
        <SuccessMessage testId="firm-profile-saved">
          {t('firmProfile.saved')} <Link to={`/firms/${encodeURIComponent(orgId)}/matches`}>{t('firmProfile.seeMatches')}</Link>
        </SuccessMessage>
      )}
      <div className="form__actions">
        <button type="submit" className="button" disabled={saving} data-testid="firm-profile-save">
          {t(saving ? 'firmProfile.saving' : 'firmProfile.save')}
        </button>
      </div>
    </form>
  );
}

/** Checkboxes for a list of enum values: `input-<field>` on the group, `input-<field>-<VALUE>` on each. */
function CheckGroup({
  field,
  label,
  hint,
  optionalLabel,
  options,
  optionLabel,
  value,
  error,
  onChange,
}: {
  field: string;
  label: string;
  hint?: string;
  optionalLabel?: string;
  options: readonly string[];
  optionLabel: (option: string) => string;
  value: string[];
  error?: string;
  onChange: (value: string[]) => void;
}) {
  const id = `firm-${field.replace(/\./g, '-')}`;
  return (
    <fieldset
      className={error ? 'fieldset fieldset--group field--invalid' : 'fieldset fieldset--group'}
      aria-describedby={describedBy(id, hint, error)}
      data-testid={`input-${field}`}
    >
      <legend className="field__label">
        {label}
        {optionalLabel && <span className="field__optional"> ({optionalLabel})</span>}
      </legend>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      <ul className="choice-list choice-list--inline publish__checks">
        {options.map((option, index) => (
          <li key={option}>
            <label className="field__check">
              <input
                type="checkbox"
                id={index === 0 ? id : `${id}-${option}`}
                checked={value.includes(option)}
                aria-invalid={error ? true : undefined}
                onChange={(event) => onChange(event.target.checked ? [...value, option] : value.filter((item) => item !== option))}
                data-testid={`input-${field}-${option}`}
              />{' '}
              {optionLabel(option)}
            </label>
          </li>
        ))}
      </ul>
      <FieldErrorText id={id} field={field} message={error} />
    </fieldset>
  );
}
