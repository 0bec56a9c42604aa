import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { problemOf, type ProblemDetail } from '../../api/client';
import {
  FormAlert,
  SelectField,
  SuccessMessage,
  TextField,
  splitProblem,
  useFocusOnError,
  useFormRef,
  type FieldErrors,
} from '../../components/forms';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';
import { isLocale, locales, type Locale } from '../../i18n/messages';
import { loginPath, useAuth } from './AuthProvider';
import * as api from './api';
import { roleLabel } from './labels';
import type { Me } from './types';
import { PASSWORD_MAX_LENGTH, passwordProblem } from './validation';

export function ProfilePage() {
  const { t, locale } = useI18n();
  usePageTitle('profile.title');
  const { user } = useAuth();
  if (!user) {
    return null; // guarded by RequireAuth
  }
  return (
    <section className="page page--narrow profile" aria-labelledby="profile-title">
      <h1 id="profile-title">{t('profile.title')}</h1>
      <dl className="facts" data-testid="profile-facts">
        <div>
          <dt>{t('auth.email')}</dt>
          <dd data-testid="profile-email">{user.email}</dd>
        </div>
        <div>
          <dt>{t('profile.roles')}</dt>
          <dd data-testid="profile-roles">{user.roles.map((role) => roleLabel(t, role)).join('、')}</dd>
        </div>
        <div>
          <dt>{t('profile.memberSince')}</dt>
          <dd>{formatDate(locale, user.createdAt)}</dd>
        </div>
      </dl>
      <ProfileForm user={user} />
      <PasswordForm user={user} />
    </section>
  );
}

function ProfileForm({ user }: { user: Me }) {
  const { t, setLocale } = useI18n();
  const { setUser } = useAuth();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [preferred, setPreferred] = useState<Locale>(user.locale);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const formRef = useFormRef();
  const focusOnError = useFocusOnError(formRef);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setProblem(null);
    if (!displayName.trim()) {
      setErrors({ displayName: t('form.required') });
      focusOnError();
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const me = await api.updateMe({ displayName: displayName.trim(), locale: preferred });
      setUser(me);
      setLocale(me.locale);
      setDisplayName(me.displayName);
      setSaved(true);
    } catch (error) {
      const split = splitProblem(problemOf(error), ['displayName', 'locale']);
      setErrors(split.fieldErrors);
      setProblem(split.rest);
      focusOnError();
    } finally {
      setSaving(false);
    }
  };

  return (
    <form ref={formRef} className="form panel" noValidate onSubmit={submit} aria-labelledby="profile-form-title">
      <h2 id="profile-form-title">{t('profile.editTitle')}</h2>
      <FormAlert problem={problem} />
      <TextField
        id="profile-display-name"
        field="displayName"
        required
        maxLength={100}
        autoComplete="name"
        label={t('auth.displayName')}
        value={displayName}
        onChange={(event) => setDisplayName(event.target.value)}
        error={errors.displayName}
        testId="profile-display-name"
      />
      <SelectField
        id="profile-locale"
        field="locale"
        label={t('profile.language')}
        hint={t('profile.languageHint')}
        value={preferred}
        onChange={(event) => isLocale(event.target.value) && setPreferred(event.target.value)}
        error={errors.locale}
        testId="profile-locale"
      >
        {locales.map((option) => (
          <option key={option} value={option} lang={option}>
            {t(`language.${option}`)}
          </option>
        ))}
      </SelectField>
      <div className="form__actions">
        <button type="submit" className="button" disabled={saving} data-testid="profile-save">
          {t('form.save')}
        </button>
      </div>
      {saved && <SuccessMessage testId="profile-saved">{t('profile.saved')}</SuccessMessage>}
    </form>
  );
}

function PasswordForm({ user }: { user: Me }) {
  const { t } = useI18n();
  const { login, logout } = useAuth();
  const navigate = useNavigate();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const [changed, setChanged] = useState(false);
  const [saving, setSaving] = useState(false);
  const formRef = useFormRef();
  const focusOnError = useFocusOnError(formRef);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChanged(false);
    setProblem(null);
    const found: FieldErrors = {};
    if (!currentPassword) {
      found.currentPassword = t('form.required');
    }
    const newKey = newPassword ? passwordProblem(newPassword, user.email) : 'form.required';
    if (newKey) {
      found.newPassword = t(newKey);
    } else if (newPassword !== confirmation) {
      found.newPasswordConfirm = t('password.mismatch');
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusOnError();
      return;
    }
    setSaving(true);
    try {
      await api.changePassword(currentPassword, newPassword);
    } catch (error) {
      const split = splitProblem(problemOf(error), ['currentPassword', 'newPassword']);
      setErrors(split.fieldErrors);
      setProblem(split.rest);
      setSaving(false);
      focusOnError();
      return;
    }
    // Changing the password ended every session, this one too: log in again with the new one.
    try {
      await login(user.email, newPassword, { applyLocale: false });
      setCurrentPassword('');
      setNewPassword('');
      setConfirmation('');
      setChanged(true);
      setSaving(false);
    } catch {
      await logout();
      navigate(loginPath('/profile'), { replace: true });
    }
  };

  return (
    <form ref={formRef} className="form panel" noValidate onSubmit={submit} aria-labelledby="password-form-title">
      <h2 id="password-form-title">{t('password.changeTitle')}</h2>
      {/* Lets password managers tie the new password to the account. */}
      <input type="text" name="username" autoComplete="username" value={user.email} readOnly hidden />
      <FormAlert problem={problem} />
      <TextField
        id="password-current"
        field="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        label={t('password.current')}
        value={currentPassword}
        onChange={(event) => setCurrentPassword(event.target.value)}
        error={errors.currentPassword}
        testId="password-current"
      />
      <TextField
        id="password-new"
        field="newPassword"
        type="password"
        autoComplete="new-password"
        required
        maxLength={PASSWORD_MAX_LENGTH}
        label={t('password.new')}
        hint={t('password.policy', { max: PASSWORD_MAX_LENGTH })}
        value={newPassword}
        onChange={(event) => setNewPassword(event.target.value)}
        error={errors.newPassword}
        testId="password-new"
      />
      <TextField
        id="password-confirm"
        field="newPasswordConfirm"
        type="password"
        autoComplete="new-password"
        required
        label={t('password.confirm')}
        value={confirmation}
        onChange={(event) => setConfirmation(event.target.value)}
        error={errors.newPasswordConfirm}
        testId="password-confirm"
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={saving} data-testid="password-submit">
          {t('password.submit')}
        </button>
      </div>
      {changed && <SuccessMessage testId="password-changed">{t('password.changed')}</SuccessMessage>}
    </form>
  );
}
