import { useMutation } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';

export type PasswordChange = components['schemas']['PasswordChange'];

/** Change my password; the API ends my other sessions (this one goes on). */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: PasswordChange) => unwrap(api.POST('/api/v1/me/password', { body })),
  });
}
