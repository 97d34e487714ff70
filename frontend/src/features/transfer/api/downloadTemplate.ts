import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { downloadFile } from '@/lib/api/download';
import type { Entity } from './entities';

/** The empty template (.xlsx) downloads at once: header of field keys, Info sheet, dropdowns. */
export function useDownloadTemplate() {
  return useMutation({
    mutationFn: (entity: Entity) =>
      downloadFile(
        api.GET('/api/v1/exports/template', { params: { query: { entity } }, parseAs: 'blob' }),
        `${entity}-template.xlsx`,
      ),
  });
}
