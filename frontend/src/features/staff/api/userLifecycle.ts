import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { staffKeys } from './keys';

export type LifecycleAction = 'activate' | 'deactivate' | 'delete' | 'resend-invitation';

function call(action: LifecycleAction, userId: string) {
  const params = { params: { path: { user_id: userId } } };
  switch (action) {
    case 'activate':
      return unwrap(api.POST('/api/v1/users/{user_id}/activate', params));
    case 'deactivate':
      return unwrap(api.POST('/api/v1/users/{user_id}/deactivate', params));
    case 'delete':
      return unwrap(api.DELETE('/api/v1/users/{user_id}', params));
    case 'resend-invitation':
      return unwrap(api.POST('/api/v1/users/{user_id}/invitation', params));
  }
}

/** Activate, deactivate (ends their sessions), delete (soft) or re-send the invitation. */
export function useUserLifecycle(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: LifecycleAction) => call(action, userId),
    onSuccess: async (_answer, action) => {
      if (action === 'delete') queryClient.removeQueries({ queryKey: staffKeys.detail(userId) });
      else await queryClient.invalidateQueries({ queryKey: staffKeys.detail(userId) });
      await queryClient.invalidateQueries({ queryKey: staffKeys.lists() });
    },
  });
}
