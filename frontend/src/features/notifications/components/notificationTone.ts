import type { Notification } from '../api/listNotifications';

export type NotificationTone = 'pending' | 'completed' | 'failed' | 'plain';

/** Job notifications wear their job's state: orange while it runs, green done, red failed. */
export function notificationTone(notification: Pick<Notification, 'job'>): NotificationTone {
  const status = notification.job?.status;
  if (!status) return 'plain';
  if (status === 'completed') return 'completed';
  if (status === 'failed') return 'failed';
  return 'pending';
}

export const TONE_COLOR: Record<NotificationTone, string> = {
  pending: 'orange',
  completed: 'green',
  failed: 'red',
  plain: 'indigo',
};

/**
 * Where the notification leads: a finished export's download, else its own link. Internal
 * paths (`/…`) stay in the console; anything else opens as a plain link.
 */
export function notificationTarget(notification: Pick<Notification, 'job' | 'link'>): string | null {
  const download = notification.job?.status === 'completed' ? notification.job.result?.download_url : undefined;
  if (typeof download === 'string' && download) return download;
  if (notification.job && notification.job.status !== 'completed') return null;
  return notification.link ?? null;
}
