import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type RefObject,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import type { ProblemDetail } from '../api/client';
import { ProblemAlert } from './ProblemAlert';

/** Field name (as the API names it) → message shown next to that field. */
export type FieldErrors = Record<string, string>;

/** The ids that tie a control to its hint and error (`aria-describedby`). */
export function describedBy(id: string, hint: ReactNode | undefined, error: string | undefined, extra?: string) {
  return [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined, extra].filter(Boolean).join(' ') || undefined;
}

/** The message of a rejected field; `data-testid="field-error-<field>"`. */
export function FieldErrorText({ id, field, message }: { id: string; field: string; message?: string }) {
  if (!message) {
    return null;
  }
  return (
    <p id={`${id}-error`} className="field__error" data-testid={`field-error-${field}`}>
      {message}
    </p>
  );
}

interface FieldChrome {
  id: string;
  /** The API's name of the field, used for `field-error-<field>`. */
  field: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  testId?: string;
  /** Marks the label of an optional field. */
  optionalLabel?: string;
}

function FieldLabel({ id, label, optionalLabel }: { id: string; label: ReactNode; optionalLabel?: string }) {
  return (
    <label htmlFor={id} className="field__label">
      {label}
      {optionalLabel && <span className="field__optional"> ({optionalLabel})</span>}
    </label>
  );
}

function FieldHint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <p id={`${id}-hint`} className="field__hint">
      {hint}
    </p>
  ) : null;
}

export function TextField({
  id,
  field,
  label,
  hint,
  error,
  testId,
  optionalLabel,
  inputRef,
  ...input
}: FieldChrome & InputHTMLAttributes<HTMLInputElement> & { inputRef?: Ref<HTMLInputElement> }) {
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <FieldLabel id={id} label={label} optionalLabel={optionalLabel} />
      <FieldHint id={id} hint={hint} />
      <input
        {...input}
        id={id}
        name={input.name ?? field}
        ref={inputRef}
        className="field__control"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        data-testid={testId}
      />
      <FieldErrorText id={id} field={field} message={error} />
    </div>
  );
}

export function SelectField({
  id,
  field,
  label,
  hint,
  error,
  testId,
  optionalLabel,
  children,
  ...select
}: FieldChrome & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <FieldLabel id={id} label={label} optionalLabel={optionalLabel} />
      <FieldHint id={id} hint={hint} />
      <select
        {...select}
        id={id}
        name={select.name ?? field}
        className="field__control"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        data-testid={testId}
      >
        {children}
      </select>
      <FieldErrorText id={id} field={field} message={error} />
    </div>
  );
}

export function TextAreaField({
  id,
  field,
  label,
  hint,
  error,
  testId,
  optionalLabel,
  ...textarea
}: FieldChrome & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <FieldLabel id={id} label={label} optionalLabel={optionalLabel} />
      <FieldHint id={id} hint={hint} />
      <textarea
        {...textarea}
        id={id}
        name={textarea.name ?? field}
        className="field__control"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        data-testid={testId}
      />
      <FieldErrorText id={id} field={field} message={error} />
    </div>
  );
}

/**
 * Splits a problem's `errors` into those shown next to the form's own fields and the rest.
 * `rest` is the problem to show above the form: null when every field error found its field.
 */
export function splitProblem(
  problem: ProblemDetail,
  formFields: readonly string[],
): { fieldErrors: FieldErrors; rest: ProblemDetail | null } {
  const fieldErrors: FieldErrors = {};
  const unmatched = [];
  for (const error of problem.errors ?? []) {
    if (formFields.includes(error.field)) {
      fieldErrors[error.field] = fieldErrors[error.field] ? `${fieldErrors[error.field]} ${error.message}` : error.message;
    } else {
      unmatched.push(error);
    }
  }
  const matchedAny = Object.keys(fieldErrors).length > 0;
  if (matchedAny && unmatched.length === 0) {
    return { fieldErrors, rest: null };
  }
  return { fieldErrors, rest: { ...problem, errors: unmatched.length > 0 ? unmatched : undefined } };
}

/**
 * Moves focus after a failed submit: to the first invalid control, else to the form's
 * alert (`data-form-alert`). Call the returned function after setting the errors.
 */
export function useFocusOnError(formRef: RefObject<HTMLElement | null>): () => void {
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (request === 0) {
      return;
    }
    const form = formRef.current;
    const target =
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('[data-form-alert]');
    target?.focus();
  }, [request, formRef]);
  return useCallback(() => setRequest((count) => count + 1), []);
}

/** A problem shown above a form; focusable so that `useFocusOnError` can move focus to it. */
export function FormAlert({ problem, children }: { problem?: ProblemDetail | null; children?: ReactNode }) {
  if (!problem && !children) {
    return null;
  }
  return (
    <div tabIndex={-1} data-form-alert="" className="form-alert">
      {problem && <ProblemAlert problem={problem} />}
      {children}
    </div>
  );
}

/** A polite success message (`role="status"`). */
export function SuccessMessage({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <p role="status" className="success" data-testid={testId}>
      {children}
    </p>
  );
}

/** A ref to a form, for `useFocusOnError`. */
export function useFormRef() {
  return useRef<HTMLFormElement>(null);
}

/**
 * Focuses the element with a given id after the next render, e.g. the "confirm" button that
 * replaces the button just clicked, or that button again after "cancel".
 */
export function useFocusById(): (id: string) => void {
  const [request, setRequest] = useState<{ id: string; count: number } | null>(null);
  useEffect(() => {
    if (request) {
      document.getElementById(request.id)?.focus();
    }
  }, [request]);
  return useCallback((id: string) => setRequest((previous) => ({ id, count: (previous?.count ?? 0) + 1 })), []);
}
