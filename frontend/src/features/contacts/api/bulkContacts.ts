import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { contactKeys } from './keys';

export type BulkRequest = components['schemas']['BulkRequest'];
export type BulkAction = BulkRequest['action'];
export type BulkResult = components['schemas']['BulkResult'];
export type JobAccepted = components['schemas']['JobAccepted'];

/** 200 with the counts, or 202 with a job when over 1,000 contacts match. */
export function isJobAccepted(outcome: BulkResult | JobAccepted): outcome is JobAccepted {
  return 'job_id' in outcome;
}

export function useBulkContacts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkRequest) => unwrap(api.POST('/api/v1/contacts/bulk', { body })),
    onSuccess: async (outcome) => {
      if (!isJobAccepted(outcome)) await queryClient.invalidateQueries({ queryKey: contactKeys.all });
    },
  });
}

/** Once a background bulk action finishes, the lists and figures are stale. */
export function useRefreshContacts() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: contactKeys.all });
}
