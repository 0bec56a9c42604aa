import { useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { problemOf, type ProblemDetail } from '../../api/client';
import {
  FieldErrorText,
  FormAlert,
  TextField,
  describedBy,
  splitProblem,
  useFocusOnError,
  useFormRef,
  type FieldErrors,
} from '../../components/forms';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import { safeNext, useAuth } from './AuthProvider';
import * as api from './api';
import { roleLabel } from './labels';
import { selfServiceRoles, type SelfServiceRole } from './types';
import { PASSWORD_MAX_LENGTH, looksLikeEmail, passwordProblem } from './validation';

const FIELDS = ['email', 'password', 'displayName', 'role', 'locale'] as const;

export function RegisterPage() {
  const { t, locale } = useI18n();
  usePageTitle('register.title');
  const { status, login } = useAuth();
  const [searchParams] = useSearchParams();
  const next = safeNext(searchParams.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<SelfServiceRole | ''>('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const [notCompleted, setNotCompleted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const formRef = useFormRef();
  const focusOnError = useFocusOnError(formRef);

  if (status === 'signedIn') {
    return <Navigate to={next} replace />;
  }

  const validate = (): FieldErrors => {
    const found: FieldErrors = {};
    if (!looksLikeEmail(email)) {
      found.email = t(email.trim() ? 'form.invalidEmail' : 'form.required');
    }
    const passwordKey = password ? passwordProblem(password, email) : 'form.required';
    if (passwordKey) {
      found.password = t(passwordKey);
    }
    if (!displayName.trim()) {
      found.displayName = t('form.required');
    }
    if (!role) {
      found.role = t('register.roleRequired');
    }
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    setProblem(null);
    setNotCompleted(false);
    if (Object.keys(found).length > 0 || !role) {
      focusOnError();
      return;
    }
    setSubmitting(true);
    const trimmedEmail = email.trim();
    try {
      await api.register({ email: trimmedEmail, password, displayName: displayName.trim(), role, locale });
    } catch (error) {
      const split = splitProblem(problemOf(error), FIELDS);
      setErrors(split.fieldErrors);
      setProblem(split.rest);
      setSubmitting(false);
      focusOnError();
      return;
    }
    // The answer is the same whether or not the address was free: logging in tells.
    try {
      await login(trimmedEmail, password, { applyLocale: false });
    } catch (error) {
      const loginProblem = problemOf(error);
      if (loginProblem.status === 401) {
        setNotCompleted(true);
      } else {
        setProblem(loginProblem);
      }
      setSubmitting(false);
      focusOnError();
    }
  };

  const passwordHint = t('password.policy', { max: PASSWORD_MAX_LENGTH });

  return (
    <section className="page page--narrow auth-page" aria-labelledby="register-title">
      <h1 id="register-title">{t('register.title')}</h1>
      <p className="page-header__intro">{t('register.intro')}</p>
      <form ref={formRef} className="form" noValidate onSubmit={submit} aria-busy={submitting} data-testid="register-form">
        <FormAlert problem={problem}>
          {notCompleted && (
            <div role="alert" className="notice notice--error" data-testid="register-not-completed">
              <p>{t('register.notCompleted')}</p>
              <p>
                <Link to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`}>{t('register.loginLink')}</Link>
              </p>
            </div>
          )}
        </FormAlert>
        <TextField
          id="register-email"
          field="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          label={t('auth.email')}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={errors.email}
          testId="register-email"
        />
        <TextField
          id="register-password"
          field="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          maxLength={PASSWORD_MAX_LENGTH}
          label={t('auth.password')}
          hint={passwordHint}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={errors.password}
          testId="register-password"
        />
        <TextField
          id="register-display-name"
          field="displayName"
          autoComplete="name"
          required
          maxLength={100}
          label={t('auth.displayName')}
          hint={t('register.displayNameHint')}
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
          error={errors.displayName}
          testId="register-display-name"
        />
        <fieldset
          className={errors.role ? 'field fieldset field--invalid' : 'field fieldset'}
          aria-describedby={describedBy('register-role', undefined, errors.role)}
          data-testid="register-role"
        >
          <legend className="field__label">{t('register.roleLegend')}</legend>
          <div className="choice-list">
            {selfServiceRoles.map((option) => (
              <div key={option} className="choice">
                <input
                  type="radio"
                  id={`register-role-${option}`}
                  name="role"
                  value={option}
                  checked={role === option}
                  onChange={() => setRole(option)}
                  aria-invalid={errors.role ? true : undefined}
                  aria-describedby={`register-role-${option}-help`}
                  data-testid={`register-role-${option}`}
                />
                <label htmlFor={`register-role-${option}`}>
                  <span className="choice__title">{roleLabel(t, option)}</span>
                  <span id={`register-role-${option}-help`} className="choice__help">
                    {t(`register.roleHelp.${option}`)}
                  </span>
                </label>
              </div>
            ))}
          </div>
          <FieldErrorText id="register-role" field="role" message={errors.role} />
        </fieldset>
        <p className="field__hint" data-testid="register-locale-note">
          {t('register.localeNote', { language: t(`language.${locale}`) })}
        </p>
        <FieldErrorText id="register-locale" field="locale" message={errors.locale} />
        <div className="form__actions">
          <button type="submit" className="button" disabled={submitting} data-testid="register-submit">
            {submitting ? t('register.submitting') : t('register.submit')}
          </button>
        </div>
      </form>
      <p className="auth-page__switch">
        {t('register.haveAccount')}{' '}
        <Link to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`}>{t('register.loginLink')}</Link>
      </p>
    </section>
  );
}
