import { useI18n } from '../../i18n/I18nProvider';
import { verificationLabel } from '../identity/labels';
import type { VerificationStatus } from './types';

const tones: Record<string, string> = { VERIFIED: 'up', REJECTED: 'down', UNVERIFIED: 'neutral' };

/** The verification status as a coloured, localized badge. */
export function VerificationBadge({ status, testId }: { status: VerificationStatus; testId?: string }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge--text badge--${tones[status] ?? 'neutral'}`} data-testid={testId} data-status={status}>
      {verificationLabel(t, status)}
    </span>
  );
}
