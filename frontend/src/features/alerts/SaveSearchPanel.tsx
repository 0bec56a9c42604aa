import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { problemOf, type ProblemDetail } from '../../api/client';
import { FormAlert, splitProblem, SuccessMessage, TextField, useFocusOnError, useFormRef, type FieldErrors } from '../../components/forms';
import { useI18n } from '../../i18n/I18nProvider';
import { loginPath, useAuth } from '../identity/AuthProvider';
import { createSavedSearch, savedQuery } from './alertsApi';

const FORM_FIELDS = ['name', 'emailDigest'] as const;

/**
 * The search page's "save this search": a name (the words searched for, by default) and
 * whether to get a daily email digest. Anonymous people are offered the login page, which
 * brings them back here.
 */
export function SaveSearchPanel({ params }: { params: URLSearchParams }) {
  const { t } = useI18n();
  const { status } = useAuth();
  const location = useLocation();
  const query = savedQuery(params);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [emailDigest, setEmailDigest] = useState(false);
  const [saving, setSaving] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const [saved, setSaved] = useState<{ query: string; name: string } | null>(null);
  const formRef = useFormRef();
  const focusOnError = useFocusOnError(formRef);

  if (status === 'unknown') {
    return null;
  }
  if (status === 'anonymous') {
    return (
      <p className="save-search" data-testid="save-search-login">
        <Link to={loginPath(`${location.pathname}${location.search}`)}>{t('saveSearch.signIn')}</Link>
      </p>
    );
  }

  const start = () => {
    setName(params.get('q')?.trim() || t('saveSearch.defaultName'));
    setEmailDigest(false);
    setFieldErrors({});
    setProblem(null);
    setOpen(true);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!name.trim()) {
      setFieldErrors({ name: t('form.required') });
      focusOnError();
      return;
    }
    setSaving(true);
    setFieldErrors({});
    setProblem(null);
    try {
      const created = await createSavedSearch({ name: name.trim(), query, emailDigest });
      setSaved({ query, name: created.name });
      setOpen(false);
    } catch (error) {
      const split = splitProblem(problemOf(error), FORM_FIELDS);
      setFieldErrors(split.fieldErrors);
      setProblem(split.rest);
      focusOnError();
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="save-search" data-testid="save-search">
      {saved?.query === query && !open && (
        <SuccessMessage testId="save-search-saved">
          {t('saveSearch.saved', { name: saved.name })} <Link to="/saved-searches">{t('saveSearch.manage')}</Link>
        </SuccessMessage>
      )}
      {!open && saved?.query !== query && (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={start}
          data-testid="save-search-open"
        >
          {t('saveSearch.open')}
        </button>
      )}
      {open && (
        <form ref={formRef} className="panel save-search__form" aria-label={t('saveSearch.formLabel')} onSubmit={(event) => void submit(event)} noValidate>
          <p className="muted">{t('saveSearch.intro')}</p>
          <FormAlert problem={problem} />
          <TextField
            id="save-search-name"
            field="name"
            label={t('saveSearch.name')}
            hint={t('saveSearch.nameHint')}
            error={fieldErrors.name}
            value={name}
            maxLength={100}
            required
            onChange={(event) => setName(event.target.value)}
            testId="save-search-name"
          />
          <div className="choice">
            <input
              type="checkbox"
              id="save-search-digest"
              checked={emailDigest}
              onChange={(event) => setEmailDigest(event.target.checked)}
              data-testid="save-search-digest"
            />
            <label htmlFor="save-search-digest">{t('saveSearch.emailDigest')}</label>
          </div>
          <div className="form__actions">
            <button type="submit" className="button" disabled={saving} data-testid="save-search-submit">
              {t(saving ? 'saveSearch.saving' : 'saveSearch.submit')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setOpen(false)} data-testid="save-search-cancel">
              {t('form.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
