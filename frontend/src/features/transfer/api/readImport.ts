import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { JOB_POLL_MS } from '@/lib/jobs/useJob';
import { transferKeys } from './keys';

export type ImportRun = components['schemas']['ImportRead'];

export function importFinished(run: Pick<ImportRun, 'status'> | undefined): boolean {
  return run?.status === 'completed' || run?.status === 'failed';
}

/** An import's status and counts, polled until it finishes. */
export function readImportQueryOptions(importId: string) {
  return queryOptions({
    queryKey: transferKeys.import(importId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/imports/{import_id}', { params: { path: { import_id: importId } }, signal })),
    refetchInterval: (query) => (importFinished(query.state.data) ? false : JOB_POLL_MS),
    staleTime: 0,
  });
}

export function useReadImport(importId: string | null) {
  return useQuery({ ...readImportQueryOptions(importId ?? ''), enabled: importId !== null });
}
