/**
 * Follow a background job (`GET /api/v1/jobs/{id}`): exports, imports and bulk actions over
 * many records answer 202 with a job, then run in the worker. The query polls while the job is
 * pending or running and stops once it has finished either way.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';

export type Job = components['schemas']['JobRead'];

export const JOB_POLL_MS = 1000;

export function isFinished(job: Pick<Job, 'status'> | undefined): boolean {
  return job?.status === 'completed' || job?.status === 'failed';
}

export function jobQueryOptions(jobId: string) {
  return queryOptions({
    queryKey: ['jobs', 'detail', jobId] as const,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/jobs/{job_id}', { params: { path: { job_id: jobId } }, signal })),
    refetchInterval: (query) => (isFinished(query.state.data) ? false : JOB_POLL_MS),
    // Progress must be fresh, never a cached snapshot.
    staleTime: 0,
  });
}

/** The job, polled until it finishes; `null` id means there is nothing to follow yet. */
export function useJob(jobId: string | null) {
  return useQuery({ ...jobQueryOptions(jobId ?? ''), enabled: jobId !== null });
}
