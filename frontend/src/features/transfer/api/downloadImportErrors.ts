import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { downloadFile } from '@/lib/api/download';

/** The failed rows as they were, with the reason per cell (needs the bearer token). */
export function useDownloadImportErrors() {
  return useMutation({
    mutationFn: (importId: string) =>
      downloadFile(
        api.GET('/api/v1/imports/{import_id}/errors.xlsx', {
          params: { path: { import_id: importId } },
          parseAs: 'blob',
        }),
        `import-errors-${importId}.xlsx`,
      ),
  });
}
