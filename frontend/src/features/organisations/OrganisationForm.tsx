import { useState, type FormEvent } from 'react';
import { problemOf, type ProblemDetail } from '../../api/client';
import {
  FieldErrorText,
  FormAlert,
  SelectField,
  TextField,
  describedBy,
  splitProblem,
  useFocusOnError,
  useFormRef,
  type FieldErrors,
} from '../../components/forms';
import { useI18n } from '../../i18n/I18nProvider';
import { cityLabel, organisationTypeLabel } from '../identity/labels';
import { looksLikeEmail } from '../identity/validation';
import { checkCreditCode, normaliseCreditCode } from './creditCode';
import { cities, organisationTypes, type City, type Organisation, type OrganisationInput, type OrganisationType } from './types';

const FIELDS = [
  'type',
  'nameZh',
  'nameEn',
  'cities',
  'district',
  'creditCode',
  'website',
  'contact',
  'contact.name',
  'contact.phone',
  'contact.email',
  'contact.address',
] as const;

interface Values {
  type: OrganisationType | '';
  nameZh: string;
  nameEn: string;
  cities: City[];
  district: string;
  creditCode: string;
  website: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  contactAddress: string;
}

function initialValues(organisation?: Organisation): Values {
  return {
    type: organisation?.type ?? '',
    nameZh: organisation?.nameZh ?? '',
    nameEn: organisation?.nameEn ?? '',
    cities: organisation?.cities ?? [],
    district: organisation?.district ?? '',
    creditCode: organisation?.creditCode ?? '',
    website: organisation?.website ?? '',
    contactName: organisation?.contact?.name ?? '',
    contactPhone: organisation?.contact?.phone ?? '',
    contactEmail: organisation?.contact?.email ?? '',
    contactAddress: organisation?.contact?.address ?? '',
  };
}

const orNull = (value: string) => (value.trim() ? value.trim() : null);

export function toInput(values: Values & { type: OrganisationType }): OrganisationInput {
  const contact = {
    name: orNull(values.contactName),
    phone: orNull(values.contactPhone),
    email: orNull(values.contactEmail),
    address: orNull(values.contactAddress),
  };
  return {
    type: values.type,
    nameZh: values.nameZh.trim(),
    nameEn: values.nameEn.trim(),
    cities: values.cities,
    district: orNull(values.district),
    creditCode: values.creditCode.trim() ? normaliseCreditCode(values.creditCode) : null,
    website: orNull(values.website),
    contact: Object.values(contact).some((value) => value !== null) ? contact : null,
  };
}

/**
 * Creates or edits an organisation. `idPrefix` prefixes the ids and test ids of the
 * controls (`<prefix>-nameZh`, `<prefix>-city-CHANGSHA`, `<prefix>-submit`, …).
 */
export function OrganisationForm({
  idPrefix,
  organisation,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  organisation?: Organisation;
  submitLabel: string;
  onSubmit: (input: OrganisationInput) => Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState<Values>(() => initialValues(organisation));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useFormRef();
  const focusOnError = useFocusOnError(formRef);
  const id = (name: string) => `${idPrefix}-${name}`;
  const isPark = values.type === 'PARK';

  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((previous) => ({ ...previous, [key]: value }));

  const setType = (type: OrganisationType | '') =>
    setValues((previous) => ({
      ...previous,
      type,
      // Only a park may lie in several cities; keep the first choice otherwise.
      cities: type === 'PARK' ? previous.cities : previous.cities.slice(0, 1),
    }));

  const toggleCity = (city: City, checked: boolean) =>
    setValues((previous) => ({
      ...previous,
      cities: isPark
        ? cities.filter((option) => (option === city ? checked : previous.cities.includes(option)))
        : [city],
    }));

  const creditCode = normaliseCreditCode(values.creditCode);
  const creditCheck = creditCode ? checkCreditCode(creditCode) : undefined;

  const validate = (): FieldErrors => {
    const found: FieldErrors = {};
    if (!values.type) {
      found.type = t('form.required');
    }
    if (!values.nameZh.trim()) {
      found.nameZh = t('form.required');
    }
    if (!values.nameEn.trim()) {
      found.nameEn = t('form.required');
    }
    if (values.cities.length === 0) {
      found.cities = t(isPark ? 'organisation.citiesRequiredPark' : 'organisation.cityRequired');
    } else if (!isPark && values.cities.length > 1) {
      found.cities = t('organisation.oneCityOnly');
    }
    if (values.website.trim() && !/^https?:\/\/\S+$/i.test(values.website.trim())) {
      found.website = t('organisation.websiteInvalid');
    }
    if (values.contactEmail.trim() && !looksLikeEmail(values.contactEmail)) {
      found['contact.email'] = t('form.invalidEmail');
    }
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0 || !values.type) {
      focusOnError();
      return;
    }
    setSaving(true);
    try {
      await onSubmit(toInput({ ...values, type: values.type }));
      setSaving(false);
    } catch (error) {
      const split = splitProblem(problemOf(error), FIELDS);
      setErrors(split.fieldErrors);
      setProblem(split.rest);
      setSaving(false);
      focusOnError();
    }
  };

  const creditHintId = id('creditCode-check');

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit} aria-busy={saving} data-testid={`${idPrefix}-form`}>
      <FormAlert problem={problem} />
      <SelectField
        id={id('type')}
        field="type"
        label={t('organisation.type')}
        required
        value={values.type}
        onChange={(event) => setType(event.target.value as OrganisationType | '')}
        error={errors.type}
        testId={id('type')}
      >
        <option value="">{t('form.choose')}</option>
        {organisationTypes.map((type) => (
          <option key={type} value={type}>
            {organisationTypeLabel(t, type)}
          </option>
        ))}
      </SelectField>
      <div className="form__row">
        <TextField
          id={id('nameZh')}
          field="nameZh"
          lang="zh-CN"
          required
          maxLength={200}
          label={t('organisation.nameZh')}
          value={values.nameZh}
          onChange={(event) => set('nameZh', event.target.value)}
          error={errors.nameZh}
          testId={id('nameZh')}
        />
        <TextField
          id={id('nameEn')}
          field="nameEn"
          lang="en"
          required
          maxLength={200}
          label={t('organisation.nameEn')}
          value={values.nameEn}
          onChange={(event) => set('nameEn', event.target.value)}
          error={errors.nameEn}
          testId={id('nameEn')}
        />
      </div>
      <fieldset
        className={errors.cities ? 'field fieldset field--invalid' : 'field fieldset'}
        aria-describedby={describedBy(id('cities'), true, errors.cities)}
        data-testid={id('cities')}
      >
        <legend className="field__label">{t(isPark ? 'organisation.citiesPark' : 'organisation.city')}</legend>
        <p id={`${id('cities')}-hint`} className="field__hint">
          {t(isPark ? 'organisation.citiesParkHint' : 'organisation.cityHint')}
        </p>
        <div className="choice-list choice-list--inline">
          {cities.map((city) => (
            <div key={city} className="choice">
              <input
                type={isPark ? 'checkbox' : 'radio'}
                id={id(`city-${city}`)}
                name={`${idPrefix}-cities`}
                value={city}
                checked={values.cities.includes(city)}
                onChange={(event) => toggleCity(city, event.target.checked)}
                aria-invalid={errors.cities ? true : undefined}
                data-testid={id(`city-${city}`)}
              />
              <label htmlFor={id(`city-${city}`)}>{cityLabel(t, city)}</label>
            </div>
          ))}
        </div>
        <FieldErrorText id={id('cities')} field="cities" message={errors.cities} />
      </fieldset>
      <TextField
        id={id('district')}
        field="district"
        maxLength={100}
        label={t('organisation.district')}
        hint={t('organisation.districtHint')}
        optionalLabel={t('form.optional')}
        value={values.district}
        onChange={(event) => set('district', event.target.value)}
        error={errors.district}
        testId={id('district')}
      />
      <div className={errors.creditCode ? 'field field--invalid' : 'field'}>
        <label htmlFor={id('creditCode')} className="field__label">
          {t('organisation.creditCode')}
          <span className="field__optional"> ({t('form.optional')})</span>
        </label>
        <p id={`${id('creditCode')}-hint`} className="field__hint">
          {t('organisation.creditCodeHint')}
        </p>
        <input
          id={id('creditCode')}
          name="creditCode"
          className="field__control field__control--code"
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          maxLength={22}
          value={values.creditCode}
          onChange={(event) => set('creditCode', event.target.value)}
          aria-invalid={errors.creditCode ? true : undefined}
          aria-describedby={describedBy(id('creditCode'), true, errors.creditCode, creditCheck ? creditHintId : undefined)}
          data-testid={id('creditCode')}
        />
        {creditCheck && (
          <p
            id={creditHintId}
            className={creditCheck === 'valid' ? 'field__check field__check--ok' : 'field__check field__check--warn'}
            aria-live="polite"
            data-testid={creditHintId}
            data-check={creditCheck}
          >
            {t(`organisation.creditCodeCheck.${creditCheck}`)}
          </p>
        )}
        <FieldErrorText id={id('creditCode')} field="creditCode" message={errors.creditCode} />
      </div>
      <TextField
        id={id('website')}
        field="website"
        type="url"
        inputMode="url"
        maxLength={300}
        placeholder="https://"
        label={t('organisation.website')}
        optionalLabel={t('form.optional')}
        value={values.website}
        onChange={(event) => set('website', event.target.value)}
        error={errors.website}
        testId={id('website')}
      />
      <fieldset className="fieldset fieldset--group">
        <legend>{t('organisation.contact')}</legend>
        <p className="field__hint">{t('organisation.contactHint')}</p>
        {errors.contact && <FieldErrorText id={id('contact')} field="contact" message={errors.contact} />}
        <div className="form__row">
          <TextField
            id={id('contact-name')}
            field="contact.name"
            autoComplete="off"
            maxLength={100}
            label={t('organisation.contactName')}
            optionalLabel={t('form.optional')}
            value={values.contactName}
            onChange={(event) => set('contactName', event.target.value)}
            error={errors['contact.name']}
            testId={id('contact-name')}
          />
          <TextField
            id={id('contact-phone')}
            field="contact.phone"
            type="tel"
            autoComplete="off"
            maxLength={40}
            label={t('organisation.contactPhone')}
            optionalLabel={t('form.optional')}
            value={values.contactPhone}
            onChange={(event) => set('contactPhone', event.target.value)}
            error={errors['contact.phone']}
            testId={id('contact-phone')}
          />
        </div>
        <TextField
          id={id('contact-email')}
          field="contact.email"
          type="email"
          inputMode="email"
          autoComplete="off"
          maxLength={200}
          label={t('organisation.contactEmail')}
          optionalLabel={t('form.optional')}
          value={values.contactEmail}
          onChange={(event) => set('contactEmail', event.target.value)}
          error={errors['contact.email']}
          testId={id('contact-email')}
        />
        <TextField
          id={id('contact-address')}
          field="contact.address"
          autoComplete="off"
          maxLength={300}
          label={t('organisation.contactAddress')}
          optionalLabel={t('form.optional')}
          value={values.contactAddress}
          onChange={(event) => set('contactAddress', event.target.value)}
          error={errors['contact.address']}
          testId={id('contact-address')}
        />
      </fieldset>
      <div className="form__actions">
        <button type="submit" className="button" disabled={saving} data-testid={id('submit')}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel} data-testid={id('cancel')}>
            {t('form.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
