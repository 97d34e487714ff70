import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { contactKeys } from './keys';

export type ContactUpdate = components['schemas']['ContactUpdate'];

/** PATCH: only the fields sent change; `null` clears an optional one. */
export function useUpdateContact(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: ContactUpdate) =>
      unwrap(
        api.PATCH('/api/v1/contacts/{contact_id}', { params: { path: { contact_id: contactId } }, body: changes }),
      ),
    onSuccess: async (contact) => {
      queryClient.setQueryData(contactKeys.detail(contact.id), contact);
      await queryClient.invalidateQueries({ queryKey: contactKeys.lists() });
      await queryClient.invalidateQueries({ queryKey: contactKeys.section(contact.id, 'timeline') });
    },
  });
}
