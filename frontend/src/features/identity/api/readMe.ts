import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';

export function readMeQueryOptions() {
  return queryOptions({
    queryKey: ['identity', 'me'] as const,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me', { signal })),
    staleTime: 5 * 60_000,
  });
}

/** The signed-in user with their roles and effective permissions. */
export function useMe() {
  return useQuery(readMeQueryOptions());
}
