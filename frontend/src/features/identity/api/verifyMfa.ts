import { useMutation } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';

export type MfaVerifyRequest = components['schemas']['MfaVerifyRequest'];

/** Finish an MFA sign-in: the challenge's token plus a TOTP code or a recovery code. */
export function useVerifyMfa() {
  return useMutation({
    mutationKey: ['identity', 'mfa-verify'] as const,
    mutationFn: (body: MfaVerifyRequest) => unwrap(api.POST('/api/v1/auth/mfa/verify', { body })),
  });
}
