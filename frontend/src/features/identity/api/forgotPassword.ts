import { useMutation } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';

export type ForgotPasswordRequest = components['schemas']['ForgotPasswordRequest'];

/** Ask for a reset link by email (the answer is the same whether or not the account exists). */
export function useForgotPassword() {
  return useMutation({
    mutationKey: ['identity', 'forgot-password'] as const,
    mutationFn: (body: ForgotPasswordRequest) => unwrap(api.POST('/api/v1/auth/password/forgot', { body })),
  });
}
