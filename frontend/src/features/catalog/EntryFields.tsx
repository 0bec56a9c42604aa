import type { ReactNode } from 'react';
import { FieldErrorText, SelectField, TextAreaField, TextField, describedBy } from '../../components/forms';
import { useI18n } from '../../i18n/I18nProvider';
import { enumLabel } from '../identity/labels';
import type { FieldSpec, FieldValue } from './entryForm';

/** The id of a field's input: `content.instrument.model` → `f-content-instrument-model`. */
export const inputId = (name: string) => `f-${name.replace(/\./g, '-')}`;

/** One input of the publishing form, drawn from its spec. */
export function EntryField({
  spec,
  value,
  error,
  onChange,
}: {
  spec: FieldSpec;
  value: FieldValue | undefined;
  error?: string;
  onChange: (value: FieldValue) => void;
}) {
  const { t } = useI18n();
  const id = inputId(spec.name);
  const label: ReactNode = spec.type === 'yuan' ? t('publish.yuanLabel', { label: t(spec.label) }) : t(spec.label);
  const hint = spec.hint ? t(spec.hint) : undefined;
  const chrome = {
    id,
    field: spec.name,
    label,
    hint,
    error,
    testId: `input-${spec.name}`,
    optionalLabel: spec.required || spec.type === 'bool' ? undefined : t('form.optional'),
  };
  const optionLabel = (option: string) => (spec.optionPrefix ? enumLabel(t, spec.optionPrefix, option) : option);

  switch (spec.type) {
    case 'textarea':
    case 'accreditations':
      return (
        <TextAreaField
          {...chrome}
          rows={spec.type === 'accreditations' ? 3 : 4}
          required={spec.required}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case 'select':
      return (
        <SelectField
          {...chrome}
          required={spec.required}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">{t('form.choose')}</option>
          {spec.options?.map((option) => (
            <option key={option} value={option}>
              {optionLabel(option)}
            </option>
          ))}
        </SelectField>
      );
    case 'checks': {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <fieldset
          className={error ? 'fieldset fieldset--group field--invalid' : 'fieldset fieldset--group'}
          aria-describedby={describedBy(id, hint, error)}
          data-testid={`input-${spec.name}`}
        >
          <legend className="field__label">
            {label}
            {!spec.required && <span className="field__optional"> ({t('form.optional')})</span>}
          </legend>
          {hint && (
            <p id={`${id}-hint`} className="field__hint">
              {hint}
            </p>
          )}
          <ul className="choice-list choice-list--inline publish__checks">
            {spec.options?.map((option, index) => (
              <li key={option}>
                <label className="field__check">
                  <input
                    type="checkbox"
                    id={index === 0 ? id : `${id}-${option}`}
                    checked={chosen.includes(option)}
                    aria-invalid={error ? true : undefined}
                    onChange={(event) =>
                      onChange(event.target.checked ? [...chosen, option] : chosen.filter((item) => item !== option))
                    }
                    data-testid={`input-${spec.name}-${option}`}
                  />{' '}
                  {optionLabel(option)}
                </label>
              </li>
            ))}
          </ul>
          <FieldErrorText id={id} field={spec.name} message={error} />
        </fieldset>
      );
    }
    case 'bool':
      return (
        <div className="field">
          <label className="field__check">
            <input
              type="checkbox"
              id={id}
              checked={value === true}
              onChange={(event) => onChange(event.target.checked)}
              data-testid={`input-${spec.name}`}
            />{' '}
            {label}
          </label>
          <FieldErrorText id={id} field={spec.name} message={error} />
        </div>
      );
    case 'date':
      return (
        <TextField
          {...chrome}
          type="date"
          required={spec.required}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    default:
      return (
        <TextField
          {...chrome}
          type="text"
          inputMode={spec.inputMode}
          required={spec.required}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value)}
        />
      );
  }
}
