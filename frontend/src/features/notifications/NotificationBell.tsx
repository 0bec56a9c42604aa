import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider';
import { fetchNotifications } from './notificationsApi';

export const NOTIFICATION_POLL_MS = 60_000;

/** Sent (on window) when notifications were marked read, so that the bell asks again at once. */
export const NOTIFICATIONS_CHANGED = 'czt:notifications-changed';

/**
 * The bell in the header with the number of unread notifications (`GET …?size=1` → `unread`),
 * asked for when it appears and every minute while signed in; a failure keeps the last count.
 */
export function NotificationBell({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useI18n();
  const [unread, setUnread] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const poll = () =>
      fetchNotifications({ size: 1 }, controller.signal).then(
        (answer) => setUnread(typeof answer?.unread === 'number' ? answer.unread : 0),
        () => undefined,
      );
    void poll();
    const timer = window.setInterval(() => void poll(), NOTIFICATION_POLL_MS);
    const changed = () => void poll();
    window.addEventListener(NOTIFICATIONS_CHANGED, changed);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(NOTIFICATIONS_CHANGED, changed);
      controller.abort();
    };
  }, []);

  const label = unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell');
  return (
    <Link to="/notifications" className="site-nav__link bell" aria-label={label} data-testid="notification-bell" onClick={onNavigate}>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="1.8">
        <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4z" />
        <path d="M10 20a2 2 0 0 0 4 0" />
      </svg>
      <span className="bell__text" aria-hidden="true">
        {t('notifications.bell')}
      </span>
      {unread > 0 && (
        <span className="bell__count" aria-hidden="true" data-testid="notification-count">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
