import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { contactKeys } from './keys';

export type ContactCreate = components['schemas']['ContactCreate'];

export function useCreateContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactCreate) => unwrap(api.POST('/api/v1/contacts', { body })),
    onSuccess: async (contact) => {
      queryClient.setQueryData(contactKeys.detail(contact.id), contact);
      await queryClient.invalidateQueries({ queryKey: contactKeys.all });
    },
  });
}
