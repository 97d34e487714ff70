import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { paging, useSectionList, useSectionMutation } from './sectionQueries';

export type Comment = components['schemas']['api__contacts__sections__schemas__CommentRead'];
export type CommentCreate = components['schemas']['api__contacts__sections__schemas__CommentCreate'];
export type CommentUpdate = components['schemas']['api__contacts__sections__schemas__CommentUpdate'];
export type Priority = Comment['priority'];
export const PRIORITIES: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];

export function useComments(contactId: string) {
  return useSectionList(contactId, 'comments', (cursor, signal) =>
    unwrap(
      api.GET('/api/v1/contacts/{contact_id}/comments', {
        params: { path: { contact_id: contactId }, query: paging(cursor) },
        signal,
      }),
    ),
  );
}

export function useCreateComment(contactId: string) {
  return useSectionMutation(contactId, 'comments', (body: CommentCreate) =>
    unwrap(api.POST('/api/v1/contacts/{contact_id}/comments', { params: { path: { contact_id: contactId } }, body })),
  );
}

export function useUpdateComment(contactId: string) {
  return useSectionMutation(contactId, 'comments', ({ id, changes }: { id: string; changes: CommentUpdate }) =>
    unwrap(
      api.PATCH('/api/v1/contacts/{contact_id}/comments/{comment_id}', {
        params: { path: { contact_id: contactId, comment_id: id } },
        body: changes,
      }),
    ),
  );
}

export function useDeleteComment(contactId: string) {
  return useSectionMutation(contactId, 'comments', (id: string) =>
    unwrap(
      api.DELETE('/api/v1/contacts/{contact_id}/comments/{comment_id}', {
        params: { path: { contact_id: contactId, comment_id: id } },
      }),
    ),
  );
}
