import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { staffKeys } from './keys';

export type StaffGroup = components['schemas']['api__identity__schemas__GroupRead'];
export type StaffGroupCreate = components['schemas']['api__identity__schemas__GroupCreate'];
export type StaffGroupUpdate = components['schemas']['api__identity__schemas__GroupUpdate'];

/** Groups of staff (up to 200: enough for the filters and the admin list of a workspace). */
export function listGroupsQueryOptions() {
  return queryOptions({
    queryKey: staffKeys.groups(),
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/groups', { params: { query: { limit: 200 } }, signal }))).items,
  });
}

export function useGroups(enabled = true) {
  return useQuery({ ...listGroupsQueryOptions(), enabled });
}

export function groupMembersQueryOptions(groupId: string) {
  return infiniteQueryOptions({
    queryKey: staffKeys.groupMembers(groupId),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/groups/{group_id}/members', {
          params: { path: { group_id: groupId }, query: { limit: 100, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor ?? null,
  });
}

export function useGroupMembers(groupId: string) {
  return useInfiniteQuery(groupMembersQueryOptions(groupId));
}

function useInvalidateGroups() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: staffKeys.groups() });
}

export function useCreateGroup() {
  const onSuccess = useInvalidateGroups();
  return useMutation({
    mutationFn: (body: StaffGroupCreate) => unwrap(api.POST('/api/v1/groups', { body })),
    onSuccess,
  });
}

export function useUpdateGroup() {
  const onSuccess = useInvalidateGroups();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: StaffGroupUpdate }) =>
      unwrap(api.PATCH('/api/v1/groups/{group_id}', { params: { path: { group_id: id } }, body })),
    onSuccess,
  });
}

export function useDeleteGroup() {
  const onSuccess = useInvalidateGroups();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/groups/{group_id}', { params: { path: { group_id: id } } })),
    onSuccess,
  });
}

/** Add or remove members (all or none); refreshes the members and the counts. */
export function useChangeGroupMembers(groupId: string) {
  const invalidateGroups = useInvalidateGroups();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ add, userIds }: { add: boolean; userIds: string[] }) => {
      const params = { params: { path: { group_id: groupId } }, body: { user_ids: userIds } };
      return add
        ? unwrap(api.POST('/api/v1/groups/{group_id}/members', params))
        : unwrap(api.POST('/api/v1/groups/{group_id}/members/remove', params));
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: staffKeys.groupMembers(groupId) });
      await invalidateGroups();
    },
  });
}
