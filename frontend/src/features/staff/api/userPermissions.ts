import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { staffKeys } from './keys';

/** The optional permissions a user holds, those their roles offer, and the effective set. */
export function userPermissionsQueryOptions(userId: string) {
  return queryOptions({
    queryKey: staffKeys.permissions(userId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/users/{user_id}/permissions', { params: { path: { user_id: userId } }, signal })),
  });
}

export function useUserPermissions(userId: string) {
  return useQuery(userPermissionsQueryOptions(userId));
}

/** Grant exactly these optional permissions (each must be offered by one of the user's roles). */
export function useSetUserPermissions(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (optional: string[]) =>
      unwrap(
        api.PUT('/api/v1/users/{user_id}/permissions', {
          params: { path: { user_id: userId } },
          body: { optional_permissions: optional },
        }),
      ),
    onSuccess: (answer) => {
      queryClient.setQueryData(staffKeys.permissions(userId), answer);
      return queryClient.invalidateQueries({ queryKey: staffKeys.detail(userId) });
    },
  });
}
