import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { problemOf, type ProblemDetail } from '../../api/client';
import { useResource } from '../../api/useResource';
import { ActionLabel } from '../../components/ActionLabel';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import { formatShanghaiDateTime } from '../../i18n/format';
import { useListParams } from '../admin/useListParams';
import { NOTIFICATIONS_CHANGED } from './NotificationBell';
import { fetchNotifications, markAllNotificationsRead, markNotificationRead, NOTIFICATION_PAGE_SIZE } from './notificationsApi';

const KEYS = ['unreadOnly'] as const;

/** Only links inside this app are followed (a notification's `link` comes from the server). */
export function appLink(link: string | null | undefined): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/\\') ? link : null;
}

/** `/notifications`: my in-app notifications. */
export function NotificationsPage() {
  const { t, locale } = useI18n();
  usePageTitle('notifications.title');
  const { page, values, setFilters, setPage } = useListParams(KEYS);
  const unreadOnly = values.unreadOnly === 'true';
  const load = useCallback((signal: AbortSignal) => fetchNotifications({ unreadOnly, page }, signal), [unreadOnly, page]);
  const notifications = useResource(load);
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const data = notifications.data;

  const markRead = async (id: string) => {
    setProblem(null);
    try {
      await markNotificationRead(id);
      window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
      const now = new Date().toISOString();
      notifications.update((current) => ({
        ...current,
        unread: Math.max(0, current.unread - 1),
        items: current.items.map((item) => (item.id === id ? { ...item, readAt: item.readAt ?? now } : item)),
      }));
    } catch (error) {
      setProblem(problemOf(error));
    }
  };

  const markAll = async () => {
    setProblem(null);
    try {
      await markAllNotificationsRead();
      window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
      notifications.reload();
    } catch (error) {
      setProblem(problemOf(error));
    }
  };

  return (
    <section className="page notifications" aria-labelledby="notifications-title" aria-busy={notifications.loading}>
      <header className="page-header">
        <div>
          <h1 id="notifications-title">{t('notifications.title')}</h1>
          {data && (
            <p className="page-header__intro" aria-live="polite" data-testid="notifications-unread">
              {t('notifications.unreadCount', { count: data.unread })}
            </p>
          )}
        </div>
      </header>
      <div className="filters">
        <div className="choice">
          <input
            type="checkbox"
            id="notifications-unread-only"
            checked={unreadOnly}
            onChange={(event) => setFilters({ unreadOnly: event.target.checked ? 'true' : '' })}
            data-testid="notifications-unread-only"
          />
          <label htmlFor="notifications-unread-only">{t('notifications.unreadOnly')}</label>
        </div>
        <button
          type="button"
          className="button button--secondary"
          disabled={!data || data.unread === 0}
          onClick={() => void markAll()}
          data-testid="notifications-read-all"
        >
          {t('notifications.markAllRead')}
        </button>
      </div>
      {problem && <ProblemAlert problem={problem} />}
      {notifications.problem && <ProblemAlert problem={notifications.problem} />}
      {notifications.loading && !data && (
        <p role="status" className="muted">
          {t('list.loading')}
        </p>
      )}
      {data && data.items.length === 0 && <p className="empty">{t('notifications.none')}</p>}
      {data && data.items.length > 0 && (
        <ul className="item-list" data-testid="notifications-list">
          {data.items.map((item) => {
            const link = appLink(item.link);
            return (
              <li key={item.id} className={item.readAt ? 'item' : 'item item--unread'} data-testid={`notification-${item.id}`}>
                <div className="item__head">
                  <h2 className="item__title">
                    {!item.readAt && <span className="visually-hidden">{t('notifications.unread')}: </span>}
                    {link ? (
                      <Link to={link} onClick={() => !item.readAt && void markRead(item.id)}>
                        {item.title}
                      </Link>
                    ) : (
                      item.title
                    )}
                  </h2>
                  {!item.readAt && (
                    <span className="badge badge--text badge--neutral" aria-hidden="true">
                      {t('notifications.unread')}
                    </span>
                  )}
                </div>
                <p>{item.body}</p>
                <p className="item__meta">{formatShanghaiDateTime(locale, item.createdAt)}</p>
                {!item.readAt && (
                  <button type="button" className="button button--secondary button--small" onClick={() => void markRead(item.id)} data-testid={`notification-read-${item.id}`}>
                    <ActionLabel text={t('notifications.markRead')} name={item.title} />
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {data && (
        <Pagination page={data.page} size={data.size || NOTIFICATION_PAGE_SIZE} total={data.total} onPage={setPage} label={t('pagination.label')} />
      )}
    </section>
  );
}
