import { useMutation } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import type { Entity, ImportMode } from './entities';

export interface ImportUpload {
  file: File;
  entity: Entity;
  mode: ImportMode;
  dryRun: boolean;
}

type ImportForm = components['schemas']['ImportForm'];

/** The multipart upload; answers 202 with the import's id and its job. */
export function useCreateImport() {
  return useMutation({
    mutationFn: ({ file, entity, mode, dryRun }: ImportUpload) => {
      const form = new FormData();
      form.append('file', file, file.name);
      form.append('entity', entity);
      form.append('mode', mode);
      form.append('dry_run', String(dryRun));
      // The contract types the file as a string (binary); the serializer sends the real form.
      const body = { file: file.name, entity, mode, dry_run: dryRun } satisfies ImportForm;
      return unwrap(api.POST('/api/v1/imports', { body, bodySerializer: () => form }));
    },
  });
}
