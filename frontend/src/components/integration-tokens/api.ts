/**
 * A staff user's integration tokens (`/users/{id}/tokens`): the profile shows mine, the staff
 * detail anyone's, so the calls live with the shared panel.
 */
import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';

export type IntegrationTokenCreate = components['schemas']['IntegrationTokenCreate'];
export type IntegrationToken = components['schemas']['IntegrationTokenRead'];

export const tokenKeys = {
  ofUser: (userId: string) => ['integration-tokens', userId] as const,
};

export function listTokensQueryOptions(userId: string) {
  return infiniteQueryOptions({
    queryKey: tokenKeys.ofUser(userId),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/users/{user_id}/tokens', {
          params: { path: { user_id: userId }, query: { limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor ?? null,
  });
}

export function useListTokens(userId: string) {
  return useInfiniteQuery(listTokensQueryOptions(userId));
}

export function useCreateToken(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IntegrationTokenCreate) =>
      unwrap(api.POST('/api/v1/users/{user_id}/tokens', { params: { path: { user_id: userId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.ofUser(userId) }),
  });
}

export function useRevokeToken(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) =>
      unwrap(
        api.DELETE('/api/v1/users/{user_id}/tokens/{token_id}', {
          params: { path: { user_id: userId, token_id: tokenId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.ofUser(userId) }),
  });
}
