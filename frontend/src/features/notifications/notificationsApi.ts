import { apiGet, apiPost, queryString, type Page } from '../../api/client';

export interface AppNotification {
  id: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage extends Page<AppNotification> {
  unread: number;
}

export const NOTIFICATION_PAGE_SIZE = 20;

export function fetchNotifications(
  params: { unreadOnly?: boolean; page?: number; size?: number },
  signal?: AbortSignal,
) {
  return apiGet<NotificationPage>(
    `/api/v1/notifications${queryString({
      unreadOnly: params.unreadOnly === undefined ? undefined : String(params.unreadOnly),
      page: params.page,
      size: params.size ?? NOTIFICATION_PAGE_SIZE,
    })}`,
    { signal },
  );
}

export function markNotificationRead(id: string) {
  return apiPost<void>(`/api/v1/notifications/${encodeURIComponent(id)}/read`, undefined);
}

export function markAllNotificationsRead() {
  return apiPost<void>('/api/v1/notifications/read-all', undefined);
}
