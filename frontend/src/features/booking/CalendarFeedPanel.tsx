import { useId, useState } from 'react';
import { problemOf, type ProblemDetail } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { createCalendarFeed } from './bookingApi';

/** The absolute address of a feed path the API answers (`/api/v1/calendar/<secret>.ics`). */
export function absoluteFeedUrl(path: string, origin: string = window.location.origin): string {
  return /^https?:\/\//i.test(path) ? path : `${origin}${path.startsWith('/') ? '' : '/'}${path}`;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** "Calendar subscription" on `/bookings`: a new secret .ics feed URL to copy into a calendar app. */
export function CalendarFeedPanel() {
  const { t } = useI18n();
  const inputId = useId();
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const [copy, setCopy] = useState<CopyState>('idle');

  const create = async () => {
    setBusy(true);
    setProblem(null);
    setCopy('idle');
    try {
      const feed = await createCalendarFeed();
      setUrl(absoluteFeedUrl(feed.url));
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  const copyUrl = async () => {
    if (!url) {
      return;
    }
    try {
      if (!navigator.clipboard?.writeText) {
        throw new Error('no clipboard');
      }
      await navigator.clipboard.writeText(url);
      setCopy('copied');
    } catch {
      // Without the clipboard API (or permission) the person copies it themself.
      const input = document.getElementById(inputId);
      if (input instanceof HTMLInputElement) {
        input.focus();
        input.select();
      }
      setCopy('failed');
    }
  };

  return (
    <section className="panel calendar-feed" aria-labelledby="calendar-feed-title" data-testid="calendar-feed">
      <div className="panel__head">
        <h2 id="calendar-feed-title">{t('booking.feed.title')}</h2>
      </div>
      <p className="muted">{t('booking.feed.intro')}</p>
      <p className="field__hint" data-testid="calendar-feed-note">
        {t('booking.feed.note')}
      </p>
      {problem && <ProblemAlert problem={problem} />}
      {url && (
        <div className="field">
          <label htmlFor={inputId} className="field__label">
            {t('booking.feed.url')}
          </label>
          <div className="copy-field">
            <input
              id={inputId}
              className="field__control mono"
              readOnly
              value={url}
              onFocus={(event) => event.currentTarget.select()}
              data-testid="calendar-feed-url"
            />
            <button type="button" className="button button--secondary" onClick={() => void copyUrl()} data-testid="calendar-feed-copy">
              {t('booking.feed.copy')}
            </button>
          </div>
          <p role="status" className={copy === 'failed' ? 'field__hint' : 'success'} data-testid="calendar-feed-copy-status">
            {copy === 'copied' ? t('booking.feed.copied') : copy === 'failed' ? t('booking.feed.copyFailed') : ''}
          </p>
        </div>
      )}
      <button type="button" className="button button--small" onClick={() => void create()} disabled={busy} data-testid="calendar-feed-create">
        {t(busy ? 'booking.feed.creating' : url ? 'booking.feed.renew' : 'booking.feed.create')}
      </button>
    </section>
  );
}
