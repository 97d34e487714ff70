import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { profileKeys } from './keys';

export function mySessionsQueryOptions() {
  return infiniteQueryOptions({
    queryKey: profileKeys.sessions(),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/me/sessions', {
          params: { query: { limit: 20, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor ?? null,
  });
}

export function useMySessions() {
  return useInfiniteQuery(mySessionsQueryOptions());
}

export function useEndMySession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) =>
      unwrap(api.DELETE('/api/v1/me/sessions/{session_id}', { params: { path: { session_id: sessionId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profileKeys.sessions() }),
  });
}
