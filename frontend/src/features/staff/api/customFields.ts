import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { staffKeys } from './keys';

export type CustomField = components['schemas']['CustomFieldRead'];

/** The workspace's additional fields for staff users, in their order. */
export function userFieldsQueryOptions() {
  return queryOptions({
    queryKey: staffKeys.userFields(),
    queryFn: async ({ signal }) =>
      (
        await unwrap(api.GET('/api/v1/custom-fields', { params: { query: { entity: 'user', limit: 200 } }, signal }))
      ).items.sort((a, b) => a.order - b.order),
    staleTime: 60_000,
  });
}

export function useUserFields() {
  return useQuery(userFieldsQueryOptions());
}
