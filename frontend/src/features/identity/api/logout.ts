import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';

/** Revoke the current session on the server (its refresh token stops working at once). */
export function useLogout() {
  return useMutation({
    mutationKey: ['identity', 'logout'] as const,
    mutationFn: () => unwrap(api.POST('/api/v1/auth/logout')),
  });
}
