import { useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { problemOf, type ProblemDetail } from '../../api/client';
import { FormAlert, TextField, splitProblem, useFocusOnError, useFormRef, type FieldErrors } from '../../components/forms';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { safeNext, useAuth } from './AuthProvider';
import { looksLikeEmail } from './validation';

const FIELDS = ['email', 'password'] as const;

/** What the login form shows above itself after a failed attempt. */
type Failure = { message: MessageKey } | { problem: ProblemDetail };

export function LoginPage() {
  const { t } = useI18n();
  usePageTitle('login.title');
  const { status, login } = useAuth();
  const [searchParams] = useSearchParams();
  const next = safeNext(searchParams.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const formRef = useFormRef();
  const focusOnError = useFocusOnError(formRef);

  if (status === 'signedIn') {
    return <Navigate to={next} replace />;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!looksLikeEmail(email)) {
      found.email = t(email.trim() ? 'form.invalidEmail' : 'form.required');
    }
    if (!password) {
      found.password = t('form.required');
    }
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) {
      focusOnError();
      return;
    }
    setSubmitting(true);
    try {
      await login(email.trim(), password);
      // Signed in: the page re-renders and goes on to `next`.
    } catch (error) {
      const problem = problemOf(error);
      if (problem.status === 401) {
        setFailure({ message: 'login.failed' });
      } else if (problem.status === 403) {
        setFailure({ message: 'login.disabled' });
      } else {
        const { fieldErrors, rest } = splitProblem(problem, FIELDS);
        setErrors(fieldErrors);
        setFailure(rest ? { problem: rest } : null);
      }
      setPassword('');
      setSubmitting(false);
      focusOnError();
    }
  };

  return (
    <section className="page page--narrow auth-page" aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <p className="page-header__intro">{t('login.intro')}</p>
      <form ref={formRef} className="form" noValidate onSubmit={submit} aria-busy={submitting} data-testid="login-form">
        <FormAlert problem={failure && 'problem' in failure ? failure.problem : null}>
          {failure && 'message' in failure && (
            <p role="alert" className="notice notice--error" data-testid="login-failed">
              {t(failure.message)}
            </p>
          )}
        </FormAlert>
        <TextField
          id="login-email"
          field="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          label={t('auth.email')}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={errors.email}
          testId="login-email"
        />
        <TextField
          id="login-password"
          field="password"
          type="password"
          autoComplete="current-password"
          required
          label={t('auth.password')}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={errors.password}
          testId="login-password"
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={submitting} data-testid="login-submit">
            {submitting ? t('login.submitting') : t('login.submit')}
          </button>
        </div>
      </form>
      <p className="auth-page__switch">
        {t('login.noAccount')}{' '}
        <Link to={next === '/' ? '/register' : `/register?next=${encodeURIComponent(next)}`} data-testid="login-to-register">
          {t('login.registerLink')}
        </Link>
      </p>
    </section>
  );
}
