import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { problemOf, type ProblemDetail } from '../../api/client';
import { FormAlert, SelectField, splitProblem, SuccessMessage, TextAreaField, useFocusOnError, useFormRef, type FieldErrors } from '../../components/forms';
import { useI18n } from '../../i18n/I18nProvider';
import { useAuth } from '../identity/AuthProvider';
import { organisationName } from '../identity/labels';
import type { Membership } from '../identity/types';
import { createEngagement, existingEngagementId } from './engagementApi';
import { advisoryTypeLabel } from './labels';
import type { AdvisoryType, Engagement } from './types';

const FORM_FIELDS = ['service', 'firmId', 'message'] as const;

/** The firms a signed-in person may request advice for: their memberships of firm organisations. */
export function firmMemberships(memberships: readonly Membership[] | undefined): Membership[] {
  return (memberships ?? []).filter((membership) => membership.type === 'FIRM');
}

/**
 * An advisory request (ADVISORY engagement) to an expert or a service organisation's SERVICE
 * entry: what is asked for (成果评估 / 投资咨询 / 市场调研), for which of the caller's firms, and
 * the first message. Links to the new engagement, or to the one already under way (409).
 */
export function AdvisoryRequestForm({
  subjectId,
  services,
  idPrefix,
  onCancel,
}: {
  subjectId: string;
  services: readonly AdvisoryType[];
  idPrefix: string;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const { user } = useAuth();
  const firms = firmMemberships(user?.memberships);
  const [service, setService] = useState<string>(services.length === 1 ? services[0]! : '');
  const [firmId, setFirmId] = useState(firms.length === 1 ? firms[0]!.organisationId : '');
  const [message, setMessage] = useState('');
  const [sending, setSending] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const [existing, setExisting] = useState<string | null>(null);
  const [created, setCreated] = useState<Engagement | null>(null);
  const formRef = useFormRef();
  const focusOnError = useFocusOnError(formRef);

  if (created) {
    return (
      <SuccessMessage testId="advisory-created">
        {t('advisory.created')}{' '}
        <Link to={`/engagements/${encodeURIComponent(created.id)}`} data-testid="advisory-engagement-link">
          {t('advisory.open')}
        </Link>
      </SuccessMessage>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: FieldErrors = {};
    if (!service) {
      missing.service = t('form.required');
    }
    if (!firmId) {
      missing.firmId = t('form.required');
    }
    if (!message.trim()) {
      missing.message = t('form.required');
    }
    setExisting(null);
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      setProblem(null);
      focusOnError();
      return;
    }
    setSending(true);
    setErrors({});
    setProblem(null);
    try {
      setCreated(
        await createEngagement({ kind: 'ADVISORY', subjectId, firmId, service: service as AdvisoryType, message: message.trim() }),
      );
    } catch (error) {
      const failure = problemOf(error);
      const split = splitProblem(failure, FORM_FIELDS);
      setErrors(split.fieldErrors);
      setProblem(split.rest);
      setExisting(existingEngagementId(failure));
      focusOnError();
    } finally {
      setSending(false);
    }
  };

  return (
    <form
      ref={formRef}
      className="form advisory-form"
      aria-label={t('advisory.formLabel')}
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="advisory-form"
    >
      <p className="muted">{t('advisory.intro')}</p>
      <FormAlert problem={problem}>
        {existing && (
          <p>
            <Link to={`/engagements/${encodeURIComponent(existing)}`} data-testid="advisory-existing-link">
              {t('advisory.existing')}
            </Link>
          </p>
        )}
      </FormAlert>
      <SelectField
        id={`${idPrefix}-service`}
        field="service"
        label={t('advisory.service')}
        value={service}
        error={errors.service}
        onChange={(event) => setService(event.target.value)}
        testId="advisory-service"
      >
        <option value="">{t('form.choose')}</option>
        {services.map((type) => (
          <option key={type} value={type}>
            {advisoryTypeLabel(t, type)}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={`${idPrefix}-firm`}
        field="firmId"
        label={t('advisory.firm')}
        value={firmId}
        error={errors.firmId}
        onChange={(event) => setFirmId(event.target.value)}
        testId="advisory-firm"
      >
        <option value="">{t('form.choose')}</option>
        {firms.map((firm) => (
          <option key={firm.organisationId} value={firm.organisationId}>
            {organisationName(locale, firm)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id={`${idPrefix}-message`}
        field="message"
        label={t('advisory.message')}
        hint={t('advisory.messageHint')}
        value={message}
        error={errors.message}
        rows={4}
        maxLength={4000}
        onChange={(event) => setMessage(event.target.value)}
        testId="advisory-message"
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={sending} data-testid="advisory-submit">
          {t(sending ? 'advisory.sending' : 'advisory.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} data-testid="advisory-cancel">
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
