import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { contactKeys } from './keys';

/** To the trash (restorable) and back. */
export function useTrashContact(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/contacts/{contact_id}/trash', { params: { path: { contact_id: contactId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactKeys.all }),
  });
}

export function useRestoreContact(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/contacts/{contact_id}/restore', { params: { path: { contact_id: contactId } } })),
    onSuccess: async (contact) => {
      queryClient.setQueryData(contactKeys.detail(contact.id), contact);
      await queryClient.invalidateQueries({ queryKey: contactKeys.all });
    },
  });
}
