import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { notificationKeys } from './keys';

export type Notification = components['schemas']['NotificationRead'];

export const NOTIFICATIONS_PAGE_SIZE = 20;

/** My notifications, newest first; every page also carries the unread count. */
export function listNotificationsQueryOptions() {
  return infiniteQueryOptions({
    queryKey: notificationKeys.inbox(),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/notifications', {
          params: { query: { limit: NOTIFICATIONS_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor ?? null,
  });
}

/** The inbox; the stream (`useNotificationStream`) keeps it fresh, so it never goes stale by time. */
export function useNotifications() {
  return useInfiniteQuery({ ...listNotificationsQueryOptions(), staleTime: Infinity });
}
