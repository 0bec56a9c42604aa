import { useState } from 'react';
import { problemOf, type ProblemDetail } from '../../api/client';
import { SuccessMessage } from '../../components/forms';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { formatShanghaiRange } from '../../i18n/format';
import { joinWaitlist } from './bookingApi';
import type { Interval, WaitlistEntry } from './types';

/**
 * Offered when the chosen time overlaps taken time: join the waitlist for it and be told
 * when it frees up. Give it a `key` of the interval so that a new choice starts afresh.
 */
export function WaitlistOffer({ instrumentId, interval }: { instrumentId: string; interval: Interval }) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [joined, setJoined] = useState<WaitlistEntry | null>(null);
  const [problem, setProblem] = useState<ProblemDetail | null>(null);

  const join = async () => {
    setBusy(true);
    setProblem(null);
    try {
      setJoined(await joinWaitlist(instrumentId, interval));
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  if (joined) {
    return (
      <SuccessMessage testId="waitlist-joined">
        {t('booking.waitlist.joined', { time: formatShanghaiRange(locale, joined.start, joined.end) })}
      </SuccessMessage>
    );
  }
  return (
    <div className="waitlist-offer" data-testid="waitlist-offer">
      <p>{t('booking.waitlist.offer')}</p>
      <button type="button" className="button button--secondary button--small" onClick={() => void join()} disabled={busy} data-testid="waitlist-join">
        {t(busy ? 'booking.waitlist.joining' : 'booking.waitlist.join')}
      </button>
      {problem && <ProblemAlert problem={problem} />}
    </div>
  );
}
