import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { paging, useSectionList, useSectionMutation } from './sectionQueries';

export type Review = components['schemas']['ReviewRead'];
export type ReviewCreate = components['schemas']['ReviewCreate'];

export function useReviews(contactId: string) {
  return useSectionList(contactId, 'reviews', (cursor, signal) =>
    unwrap(
      api.GET('/api/v1/contacts/{contact_id}/reviews', {
        params: { path: { contact_id: contactId }, query: paging(cursor) },
        signal,
      }),
    ),
  );
}

export function useCreateReview(contactId: string) {
  return useSectionMutation(contactId, 'reviews', (body: ReviewCreate) =>
    unwrap(api.POST('/api/v1/contacts/{contact_id}/reviews', { params: { path: { contact_id: contactId } }, body })),
  );
}

export function useDeleteReview(contactId: string) {
  return useSectionMutation(contactId, 'reviews', (id: string) =>
    unwrap(
      api.DELETE('/api/v1/contacts/{contact_id}/reviews/{review_id}', {
        params: { path: { contact_id: contactId, review_id: id } },
      }),
    ),
  );
}
