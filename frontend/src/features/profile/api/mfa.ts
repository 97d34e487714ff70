import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { ME_QUERY_KEY } from '@/lib/auth/currentUser';

/** Start enrolment: a fresh secret and its QR code (nothing changes until it is confirmed). */
export function useSetupMfa() {
  return useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/me/mfa/setup')) });
}

/** Confirm enrolment with a first code; answers the recovery codes, shown this once. */
export function useEnableMfa() {
  return useMutation({
    mutationFn: (code: string) => unwrap(api.POST('/api/v1/me/mfa/enable', { body: { code } })),
  });
}

export function useDisableMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => unwrap(api.POST('/api/v1/me/mfa/disable', { body: { code } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }),
  });
}

/** Replace the recovery codes (the old ones stop working). */
export function useRegenerateRecoveryCodes() {
  return useMutation({
    mutationFn: (code: string) => unwrap(api.POST('/api/v1/me/mfa/recovery-codes', { body: { code } })),
  });
}
