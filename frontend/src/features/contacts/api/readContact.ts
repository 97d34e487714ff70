import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { contactKeys } from './keys';

export function readContactQueryOptions(contactId: string) {
  return queryOptions({
    queryKey: contactKeys.detail(contactId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/contacts/{contact_id}', { params: { path: { contact_id: contactId } }, signal })),
  });
}

export function useReadContact(contactId: string) {
  return useQuery(readContactQueryOptions(contactId));
}
