import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { locationKeys, type LocationFilters } from './keys';

export const LOCATIONS_PAGE_SIZE = 50;

/** Keyset pages of locations: each page's `next_cursor` asks for the one after it. */
export function listLocationsQueryOptions(filters: LocationFilters) {
  return infiniteQueryOptions({
    queryKey: locationKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/locations', {
          params: { query: { ...filters, limit: LOCATIONS_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor ?? null,
  });
}

export function useListLocations(filters: LocationFilters) {
  // Keep showing the previous results (dimmed) while a new filter's first page loads.
  return useInfiniteQuery({ ...listLocationsQueryOptions(filters), placeholderData: keepPreviousData });
}
