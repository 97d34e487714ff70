import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { staffKeys, type StaffFilters } from './keys';

export type StaffUser = components['schemas']['UserRead'];
export type StaffSummary = components['schemas']['UserSummary'];
export type UserCreate = components['schemas']['UserCreate'];
export type UserUpdate = components['schemas']['UserUpdate'];

export const STAFF_PAGE_SIZE = 50;

/** Keyset pages of staff users; the API's search ignores accents and case. */
export function listUsersQueryOptions(filters: StaffFilters) {
  return infiniteQueryOptions({
    queryKey: staffKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/users', {
          params: { query: { ...filters, limit: STAFF_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor ?? null,
  });
}

export function useListUsers(filters: StaffFilters) {
  return useInfiniteQuery({ ...listUsersQueryOptions(filters), placeholderData: keepPreviousData });
}

export function readUserQueryOptions(userId: string) {
  return queryOptions({
    queryKey: staffKeys.detail(userId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/users/{user_id}', { params: { path: { user_id: userId } }, signal })),
  });
}

export function useUser(userId: string) {
  return useQuery(readUserQueryOptions(userId));
}

/** Create a staff user; the API emails them the invitation. */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreate) => unwrap(api.POST('/api/v1/users', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffKeys.lists() }),
  });
}

export function useUpdateUser(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserUpdate) =>
      unwrap(api.PATCH('/api/v1/users/{user_id}', { params: { path: { user_id: userId } }, body })),
    onSuccess: async (user) => {
      queryClient.setQueryData(staffKeys.detail(userId), user);
      await queryClient.invalidateQueries({ queryKey: staffKeys.lists() });
      await queryClient.invalidateQueries({ queryKey: staffKeys.permissions(userId) });
    },
  });
}
