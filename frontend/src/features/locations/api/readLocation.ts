import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { locationKeys } from './keys';

export function readLocationQueryOptions(locationId: string) {
  return queryOptions({
    queryKey: locationKeys.detail(locationId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/locations/{location_id}', { params: { path: { location_id: locationId } }, signal })),
  });
}

export function useReadLocation(locationId: string) {
  return useQuery(readLocationQueryOptions(locationId));
}
