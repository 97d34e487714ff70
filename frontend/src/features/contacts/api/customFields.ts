import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { contactKeys } from './keys';

export type CustomField = components['schemas']['CustomFieldRead'];

/** The workspace's additional fields of contacts, in their order (a workspace defines few). */
export function contactCustomFieldsQueryOptions() {
  return queryOptions({
    queryKey: contactKeys.customFields(),
    queryFn: async ({ signal }) => {
      const page = await unwrap(
        api.GET('/api/v1/custom-fields', { params: { query: { entity: 'contact', limit: 200 } }, signal }),
      );
      return [...page.items].sort((a, b) => a.order - b.order);
    },
    staleTime: 5 * 60_000,
  });
}

export function useContactCustomFields() {
  return useQuery(contactCustomFieldsQueryOptions());
}
