import { useMutation } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';

export type BroadcastCreate = components['schemas']['BroadcastCreate'];

/** Send a notice to everyone in the workspace, now or at `send_at` (needs notifications:broadcast). */
export function useCreateBroadcast() {
  return useMutation({
    mutationFn: (body: BroadcastCreate) => unwrap(api.POST('/api/v1/notifications/broadcasts', { body })),
  });
}
