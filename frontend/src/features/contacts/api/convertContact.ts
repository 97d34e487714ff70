import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { contactKeys } from './keys';

/** Lead → customer: the same record (id, history) changes kind. */
export function useConvertContact(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/contacts/{contact_id}/convert', { params: { path: { contact_id: contactId } } })),
    onSuccess: async (contact) => {
      queryClient.setQueryData(contactKeys.detail(contact.id), contact);
      await queryClient.invalidateQueries({ queryKey: contactKeys.all });
    },
  });
}
