import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { problemOf, type ProblemDetail } from '../../api/client';
import { useResource } from '../../api/useResource';
import { FormAlert, splitProblem, TextAreaField, type FieldErrors } from '../../components/forms';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { formatShanghaiDateTime } from '../../i18n/format';
import { fetchThread, postMessage } from './engagementApi';
import { sideLabel } from './labels';

/** How often the thread is asked again while the page is visible. */
export const THREAD_POLL_MS = 15_000;

/**
 * The message thread, oldest first: read again every 15 s while the page is visible (and at
 * once when it becomes visible again), and on "refresh". Only parties may write, and not once
 * the engagement was declined or withdrawn (`canWrite`, from the API's SEND_MESSAGE action).
 */
export function EngagementThread({
  engagementId,
  canWrite,
  readOnlyAdmin = false,
  onSent,
}: {
  engagementId: string;
  canWrite: boolean;
  /** An admin who reads it for moderation: not a party, so never writes. */
  readOnlyAdmin?: boolean;
  onSent?: () => void;
}) {
  const { t, locale } = useI18n();
  const load = useCallback((signal: AbortSignal) => fetchThread(engagementId, signal), [engagementId]);
  const thread = useResource(load);
  const { reload } = thread;
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ProblemDetail | null>(null);

  useEffect(() => {
    const visible = () => document.visibilityState !== 'hidden';
    const timer = window.setInterval(() => {
      if (visible()) {
        reload();
      }
    }, THREAD_POLL_MS);
    const shown = () => {
      if (visible()) {
        reload();
      }
    };
    document.addEventListener('visibilitychange', shown);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', shown);
    };
  }, [reload]);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setErrors({ text: t('form.required') });
      return;
    }
    setSending(true);
    setErrors({});
    setProblem(null);
    try {
      const message = await postMessage(engagementId, text.trim());
      setText('');
      thread.update((page) => ({ ...page, items: [...page.items, message], total: page.total + 1 }));
      onSent?.();
    } catch (error) {
      const split = splitProblem(problemOf(error), ['text']);
      setErrors(split.fieldErrors);
      setProblem(split.rest);
    } finally {
      setSending(false);
    }
  };

  const messages = thread.data?.items ?? [];
  return (
    <section className="panel" aria-labelledby="engagement-thread-title" data-testid="engagement-thread">
      <div className="panel__head">
        <h2 id="engagement-thread-title">{t('engagement.thread.title')}</h2>
        <button type="button" className="button button--secondary button--small" onClick={reload} data-testid="engagement-messages-refresh">
          {t('engagement.thread.refresh')}
        </button>
      </div>
      <p className="muted">{t('engagement.thread.autoRefresh')}</p>
      {thread.problem && <ProblemAlert problem={thread.problem} />}
      {thread.loading && !thread.data && (
        <p role="status" className="muted">
          {t('list.loading')}
        </p>
      )}
      {thread.data && messages.length === 0 && (
        <p className="empty" data-testid="engagement-messages-empty">
          {t('engagement.thread.empty')}
        </p>
      )}
      {messages.length > 0 && (
        <ol className="item-list engagement-thread" aria-live="polite" data-testid="engagement-messages">
          {messages.map((message) => (
            <li key={message.id} className="item" data-testid={`engagement-message-${message.id}`}>
              <p className="item__meta">
                <strong>{message.author?.displayName ?? '—'}</strong>
                {message.side && <> · {sideLabel(t, message.side)}</>} · {formatShanghaiDateTime(locale, message.createdAt)}
              </p>
              <p className="engagement-thread__text" data-testid="engagement-message-text">
                {message.text}
              </p>
            </li>
          ))}
        </ol>
      )}
      {canWrite ? (
        <form className="form" onSubmit={(event) => void send(event)} noValidate aria-label={t('engagement.thread.formLabel')}>
          <FormAlert problem={problem} />
          <TextAreaField
            id="engagement-message-input"
            field="text"
            label={t('engagement.thread.input')}
            value={text}
            error={errors.text}
            rows={3}
            maxLength={4000}
            onChange={(event) => setText(event.target.value)}
            testId="engagement-message-input"
          />
          <div className="form__actions">
            <button type="submit" className="button" disabled={sending} data-testid="engagement-message-send">
              {t(sending ? 'engagement.thread.sending' : 'engagement.thread.send')}
            </button>
          </div>
        </form>
      ) : (
        <p className="muted" data-testid="engagement-thread-closed">
          {t(readOnlyAdmin ? 'engagement.thread.adminReadOnly' : 'engagement.thread.closed')}
        </p>
      )}
    </section>
  );
}
