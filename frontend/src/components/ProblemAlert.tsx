import { CLIENT_PROBLEM_TYPES, type ProblemDetail } from '../api/client';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';

const clientProblemKeys: Record<string, { title: MessageKey; detail: MessageKey }> = {
  [CLIENT_PROBLEM_TYPES.network]: { title: 'problem.network.title', detail: 'problem.network.detail' },
  [CLIENT_PROBLEM_TYPES.http]: { title: 'problem.http.title', detail: 'problem.http.detail' },
  [CLIENT_PROBLEM_TYPES.invalidResponse]: {
    title: 'problem.invalidResponse.title',
    detail: 'problem.invalidResponse.detail',
  },
};

/** Shows an RFC 9457 problem: title, detail, HTTP status and the rejected fields. */
export function ProblemAlert({ problem, className }: { problem: ProblemDetail; className?: string }) {
  const { t } = useI18n();
  // Problems the client made up follow the current language; the server's are shown as sent.
  const ownKeys = clientProblemKeys[problem.type];
  const title = ownKeys ? t(ownKeys.title) : problem.title;
  const detail = ownKeys ? t(ownKeys.detail, { status: problem.status }) : problem.detail;
  const errors = problem.errors ?? [];

  return (
    <div role="alert" className={['problem', className].filter(Boolean).join(' ')} data-testid="problem-alert">
      <p className="problem__title" data-testid="problem-title">
        {title}
      </p>
      {detail && (
        <p className="problem__detail" data-testid="problem-detail">
          {detail}
        </p>
      )}
      <p className="problem__meta" data-testid="problem-status">
        {problem.status > 0 ? t('problem.status', { status: problem.status }) : t('problem.noResponse')}
      </p>
      {problem.retryAfter !== undefined && (
        <p className="problem__detail" data-testid="problem-retry-after">
          {t('problem.retryAfter', { seconds: problem.retryAfter })}
        </p>
      )}
      {problem.instance && <p className="problem__meta">{t('problem.instance', { instance: problem.instance })}</p>}
      {errors.length > 0 && (
        <>
          <p className="problem__fields-label">{t('problem.fieldErrors')}</p>
          <ul className="problem__fields" data-testid="problem-field-errors">
            {errors.map((error, index) => (
              <li key={`${error.field}-${index}`} data-testid={`problem-field-error-${error.field}`}>
                <code className="problem__field">{error.field}</code>
                <span>{error.message}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
