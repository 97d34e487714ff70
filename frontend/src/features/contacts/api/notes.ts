import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { paging, useSectionList, useSectionMutation } from './sectionQueries';

export type Note = components['schemas']['NoteRead'];
export type NoteCreate = components['schemas']['NoteCreate'];

export function useNotes(contactId: string) {
  return useSectionList(contactId, 'notes', (cursor, signal) =>
    unwrap(
      api.GET('/api/v1/contacts/{contact_id}/notes', {
        params: { path: { contact_id: contactId }, query: paging(cursor) },
        signal,
      }),
    ),
  );
}

export function useCreateNote(contactId: string) {
  return useSectionMutation(contactId, 'notes', (body: NoteCreate) =>
    unwrap(api.POST('/api/v1/contacts/{contact_id}/notes', { params: { path: { contact_id: contactId } }, body })),
  );
}

export function useDeleteNote(contactId: string) {
  return useSectionMutation(contactId, 'notes', (id: string) =>
    unwrap(
      api.DELETE('/api/v1/contacts/{contact_id}/notes/{note_id}', {
        params: { path: { contact_id: contactId, note_id: id } },
      }),
    ),
  );
}
