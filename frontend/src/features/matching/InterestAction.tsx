import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { problemOf, type ProblemDetail } from '../../api/client';
import { ActionLabel } from '../../components/ActionLabel';
import { FormAlert, SuccessMessage, TextAreaField, splitProblem, useFocusById, type FieldErrors } from '../../components/forms';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { createEngagement, existingEngagementId } from '../engagement/engagementApi';
import type { EngagementRequest } from './matchingApi';

/** The engagement that the action led to: a new one, or the one already under way. */
interface Outcome {
  engagementId: string;
  existing: boolean;
}

export const engagementPath = (id: string) => `/engagements/${encodeURIComponent(id)}`;

/**
 * "Express interest" (or "approach this firm"): a message to the other side, sent as a new
 * engagement (`POST /api/v1/engagements`). When one is already under way between the same
 * parties about the same subject (409 with `engagementId`), links to it instead.
 */
export function InterestAction({
  testPrefix,
  id,
  request,
  openLabel,
  name,
}: {
  testPrefix: string;
  id: string;
  request: Omit<EngagementRequest, 'message'>;
  openLabel: MessageKey;
  name: string;
}) {
  const { t } = useI18n();
  const focusById = useFocusById();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [sending, setSending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const messageId = `${testPrefix}-interest-message-${id}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!message.trim()) {
      setFieldErrors({ message: t('form.required') });
      focusById(messageId);
      return;
    }
    setSending(true);
    setFieldErrors({});
    setProblem(null);
    try {
      const engagement = await createEngagement({ ...request, message: message.trim() });
      setOutcome({ engagementId: engagement.id, existing: false });
      setOpen(false);
    } catch (error) {
      const found = problemOf(error);
      const existing = existingEngagementId(found);
      if (existing) {
        setOutcome({ engagementId: existing, existing: true });
        setOpen(false);
      } else {
        const split = splitProblem(found, ['message']);
        setFieldErrors(split.fieldErrors);
        setProblem(split.rest);
      }
    } finally {
      setSending(false);
    }
  };

  if (outcome) {
    return (
      <SuccessMessage testId={`${testPrefix}-interest-${outcome.existing ? 'exists' : 'sent'}-${id}`}>
        {t(outcome.existing ? 'matching.interestExists' : 'matching.interestSent')}{' '}
        <Link to={engagementPath(outcome.engagementId)} data-testid={`${testPrefix}-engagement-link-${id}`}>
          {t('matching.openEngagement')}
        </Link>
      </SuccessMessage>
    );
  }

  if (!open) {
    return (
      <button
        type="button"
        id={`${testPrefix}-interest-open-${id}`}
        className="button button--small"
        onClick={() => {
          setOpen(true);
          focusById(messageId);
        }}
        data-testid={`${testPrefix}-interest-open-${id}`}
      >
        <ActionLabel text={t(openLabel)} name={name} />
      </button>
    );
  }

  return (
    <form className="match__interest" aria-label={t(openLabel)} onSubmit={(event) => void submit(event)} noValidate>
      <FormAlert problem={problem} />
      <TextAreaField
        id={messageId}
        field="message"
        label={t('matching.interestMessage')}
        hint={t('matching.interestMessageHint')}
        error={fieldErrors.message}
        required
        rows={3}
        maxLength={4000}
        value={message}
        onChange={(event) => setMessage(event.target.value)}
        testId={messageId}
      />
      <div className="form__actions">
        <button type="submit" className="button button--small" disabled={sending} data-testid={`${testPrefix}-interest-submit-${id}`}>
          {t(sending ? 'matching.interestSending' : 'matching.interestSubmit')}
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => {
            setOpen(false);
            setProblem(null);
            setFieldErrors({});
            focusById(`${testPrefix}-interest-open-${id}`);
          }}
          data-testid={`${testPrefix}-interest-cancel-${id}`}
        >
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
