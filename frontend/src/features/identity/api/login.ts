import { useMutation } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';

export type LoginRequest = components['schemas']['LoginRequest'];

export function loginMutationOptions() {
  return {
    mutationKey: ['identity', 'login'] as const,
    mutationFn: (body: LoginRequest) => unwrap(api.POST('/api/v1/auth/login', { body })),
  };
}

/** Exchange workspace + email + password for a token pair (the caller starts the session). */
export function useLogin() {
  return useMutation(loginMutationOptions());
}
