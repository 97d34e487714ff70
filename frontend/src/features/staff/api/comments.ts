import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { staffKeys } from './keys';

export type StaffComment = components['schemas']['api__identity__schemas__CommentRead'];
export type StaffCommentCreate = components['schemas']['api__identity__schemas__CommentCreate'];
export type StaffCommentUpdate = components['schemas']['api__identity__schemas__CommentUpdate'];

/** Comments on a staff user: pinned first, then newest. */
export function listCommentsQueryOptions(userId: string) {
  return infiniteQueryOptions({
    queryKey: staffKeys.comments(userId),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/users/{user_id}/comments', {
          params: { path: { user_id: userId }, query: { limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor ?? null,
  });
}

export function useUserComments(userId: string) {
  return useInfiniteQuery(listCommentsQueryOptions(userId));
}

function useInvalidateComments(userId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: staffKeys.comments(userId) });
}

export function useCreateComment(userId: string) {
  const onSuccess = useInvalidateComments(userId);
  return useMutation({
    mutationFn: (body: StaffCommentCreate) =>
      unwrap(api.POST('/api/v1/users/{user_id}/comments', { params: { path: { user_id: userId } }, body })),
    onSuccess,
  });
}

export function useUpdateComment(userId: string) {
  const onSuccess = useInvalidateComments(userId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: StaffCommentUpdate }) =>
      unwrap(
        api.PATCH('/api/v1/users/{user_id}/comments/{comment_id}', {
          params: { path: { user_id: userId, comment_id: id } },
          body,
        }),
      ),
    onSuccess,
  });
}

export function useDeleteComment(userId: string) {
  const onSuccess = useInvalidateComments(userId);
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(
        api.DELETE('/api/v1/users/{user_id}/comments/{comment_id}', {
          params: { path: { user_id: userId, comment_id: id } },
        }),
      ),
    onSuccess,
  });
}
