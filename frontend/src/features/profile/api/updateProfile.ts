import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { ME_QUERY_KEY } from '@/lib/auth/currentUser';

export type ProfileUpdate = components['schemas']['ProfileUpdate'];

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileUpdate) => unwrap(api.PATCH('/api/v1/me', { body })),
    onSuccess: (me) => queryClient.setQueryData(ME_QUERY_KEY, me),
  });
}
