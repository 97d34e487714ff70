import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { contactKeys, type ContactFilters } from './keys';

export const CONTACTS_PAGE_SIZE = 50;

/** Keyset pages of contacts: each page's `next_cursor` asks for the one after it. */
export function listContactsQueryOptions(filters: ContactFilters) {
  return infiniteQueryOptions({
    queryKey: contactKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/contacts', {
          params: {
            query: { ...filters, limit: CONTACTS_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) },
          },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor ?? null,
  });
}

export function useListContacts(filters: ContactFilters) {
  return useInfiniteQuery({ ...listContactsQueryOptions(filters), placeholderData: keepPreviousData });
}
