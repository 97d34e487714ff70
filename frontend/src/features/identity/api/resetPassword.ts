import { useMutation } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';

export type ResetPasswordRequest = components['schemas']['ResetPasswordRequest'];

/** Set a new password with a reset link's token (it does not sign in). */
export function useResetPassword() {
  return useMutation({
    mutationKey: ['identity', 'reset-password'] as const,
    mutationFn: (body: ResetPasswordRequest) => unwrap(api.POST('/api/v1/auth/password/reset', { body })),
  });
}
