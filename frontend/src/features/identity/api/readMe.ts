import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { ME_QUERY_KEY } from '@/lib/auth/currentUser';

export function readMeQueryOptions() {
  return queryOptions({
    queryKey: ME_QUERY_KEY,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me', { signal })),
    staleTime: 5 * 60_000,
  });
}

/** The signed-in user with their roles and effective permissions. */
export function useMe() {
  return useQuery(readMeQueryOptions());
}
