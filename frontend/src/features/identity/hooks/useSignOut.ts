import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { session } from '@/lib/auth/session';
import { useLogout } from '../api/logout';

/**
 * Sign out: revoke the session on the server first (its refresh token must not outlive the
 * sign-out); if that fails (offline), forgetting the tokens still ends it on this side.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const logout = useLogout();
  const { mutate } = logout;
  return useCallback(
    () =>
      mutate(undefined, {
        onSettled: () => {
          session.signOut();
          queryClient.removeQueries();
        },
      }),
    [mutate, queryClient],
  );
}
