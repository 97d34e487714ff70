import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { contactKeys } from './keys';

export type LocationChoice = components['schemas']['LocationRead'];

/** The workspace's predefined locations (their addresses fill a contact's on choosing one). */
export function locationChoicesQueryOptions() {
  return queryOptions({
    queryKey: contactKeys.options('locations'),
    queryFn: async ({ signal }) => {
      const page = await unwrap(
        api.GET('/api/v1/locations', { params: { query: { limit: 200, sort: 'name' } }, signal }),
      );
      return page.items;
    },
    staleTime: 60_000,
  });
}

export function useLocationChoices(enabled = true) {
  return useQuery({ ...locationChoicesQueryOptions(), enabled });
}
