import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { paging, useSectionList } from './sectionQueries';

export type TimelineItem = components['schemas']['TimelineItem'];

/** Audit events, comments and notes as one feed, newest first. */
export function useTimeline(contactId: string) {
  return useSectionList(contactId, 'timeline', (cursor, signal) =>
    unwrap(
      api.GET('/api/v1/contacts/{contact_id}/timeline', {
        params: { path: { contact_id: contactId }, query: paging(cursor) },
        signal,
      }),
    ),
  );
}
