import { useMutation } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';

export type AcceptInvitationRequest = components['schemas']['AcceptInvitationRequest'];

/** Set the first password with the invitation link's token; answers the workspace and email. */
export function useAcceptInvitation() {
  return useMutation({
    mutationKey: ['identity', 'accept-invitation'] as const,
    mutationFn: (body: AcceptInvitationRequest) => unwrap(api.POST('/api/v1/auth/invitations/accept', { body })),
  });
}
