import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { problemOf, type ProblemDetail } from '../../api/client';
import { useResource } from '../../api/useResource';
import { SuccessMessage } from '../../components/forms';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { formatShanghaiDateTime, formatShanghaiRange } from '../../i18n/format';
import { fetchWaitlist, leaveWaitlist } from './bookingApi';
import type { WaitlistEntry } from './types';

/** "My waitlist" on `/bookings`: the taken times I wait for, which have freed up, and leaving. */
export function MyWaitlist() {
  const { t, locale } = useI18n();
  const load = useCallback((signal: AbortSignal) => fetchWaitlist(signal), []);
  const waitlist = useResource(load);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const entries = waitlist.data ?? [];

  const leave = async (entry: WaitlistEntry) => {
    setBusy(entry.id);
    setNotice(null);
    setProblem(null);
    try {
      await leaveWaitlist(entry.id);
      waitlist.update((list) => list.filter((candidate) => candidate.id !== entry.id));
      setNotice(t('booking.waitlist.left', { time: formatShanghaiRange(locale, entry.start, entry.end) }));
    } catch (error) {
      const failure = problemOf(error);
      setProblem(failure);
      if (failure.status === 404) {
        // Gone already (booked, expired or left elsewhere): show the list as it is now.
        waitlist.reload();
      }
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="panel" aria-labelledby="my-waitlist-title" aria-busy={waitlist.loading} data-testid="my-waitlist">
      <div className="panel__head">
        <h2 id="my-waitlist-title">{t('booking.waitlist.title')}</h2>
      </div>
      <p className="muted">{t('booking.waitlist.intro')}</p>
      <div aria-live="polite">{notice && <SuccessMessage testId="waitlist-left">{notice}</SuccessMessage>}</div>
      {problem && <ProblemAlert problem={problem} />}
      {waitlist.problem && <ProblemAlert problem={waitlist.problem} />}
      {waitlist.loading && !waitlist.data && (
        <p role="status" className="muted">
          {t('list.loading')}
        </p>
      )}
      {waitlist.data && entries.length === 0 && (
        <p className="empty" data-testid="my-waitlist-empty">
          {t('booking.waitlist.none')}
        </p>
      )}
      {entries.length > 0 && (
        <ul className="item-list" data-testid="my-waitlist-list">
          {entries.map((entry) => (
            <li key={entry.id} className="item" data-testid={`waitlist-${entry.id}`}>
              <div className="item__head">
                <p className="item__title" data-testid={`waitlist-time-${entry.id}`}>
                  {formatShanghaiRange(locale, entry.start, entry.end)}
                </p>
                <span
                  className={entry.offeredAt ? 'badge badge--text badge--up' : 'badge badge--text badge--neutral'}
                  data-testid={`waitlist-status-${entry.id}`}
                >
                  {t(entry.offeredAt ? 'booking.waitlist.freed' : 'booking.waitlist.waiting')}
                </span>
              </div>
              <p className="item__meta">
                {entry.offeredAt
                  ? t('booking.waitlist.freedAt', { time: formatShanghaiDateTime(locale, entry.offeredAt) })
                  : t('booking.waitlist.since', { time: formatShanghaiDateTime(locale, entry.createdAt) })}
              </p>
              <div className="item__actions">
                {entry.offeredAt && (
                  <Link
                    to={`/instruments/${encodeURIComponent(entry.instrumentId)}/book`}
                    className="button button--small"
                    data-testid={`waitlist-book-${entry.id}`}
                  >
                    {t('booking.waitlist.book')}
                  </Link>
                )}
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={busy === entry.id}
                  onClick={() => void leave(entry)}
                  data-testid={`waitlist-leave-${entry.id}`}
                >
                  {t('booking.waitlist.leave')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
