import { queryOptions, useQuery, useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { locationKeys } from './keys';

type LocationPage = components['schemas']['Page_LocationRead_'];

/** The row as a list already fetched it, so an edit drawer opened from the list shows at once. */
function fromCachedLists(queryClient: QueryClient, locationId: string) {
  for (const [key, data] of queryClient.getQueriesData<InfiniteData<LocationPage>>({
    queryKey: locationKeys.lists(),
  })) {
    const found = data?.pages.flatMap((page) => page.items).find((item) => item.id === locationId);
    if (found) return { data: found, updatedAt: queryClient.getQueryState(key)?.dataUpdatedAt };
  }
  return undefined;
}

export function readLocationQueryOptions(locationId: string, queryClient?: QueryClient) {
  const cached = queryClient ? fromCachedLists(queryClient, locationId) : undefined;
  return queryOptions({
    queryKey: locationKeys.detail(locationId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/locations/{location_id}', { params: { path: { location_id: locationId } }, signal })),
    // Seeded from the list, then refetched if older than the default stale time.
    initialData: cached?.data,
    initialDataUpdatedAt: cached?.updatedAt,
  });
}

export function useReadLocation(locationId: string) {
  const queryClient = useQueryClient();
  return useQuery(readLocationQueryOptions(locationId, queryClient));
}
