import { useMutation } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';

export type ExportRequest = components['schemas']['ExportRequest'];

/** 202 with a job; the job's result carries the zip's signed `download_url`. */
export function useCreateExport() {
  return useMutation({
    mutationFn: (body: ExportRequest) => unwrap(api.POST('/api/v1/exports', { body })),
  });
}
