import { useQuery } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { downloadFile } from '@/lib/api/download';
import { unwrap } from '@/lib/api/unwrap';
import { contactKeys } from './keys';
import { paging, useSectionList, useSectionMutation } from './sectionQueries';

export type ContactFile = components['schemas']['FileRead'];
type UploadBody = components['schemas']['Body_contact-files-upload_contact_file'];

export function useFiles(contactId: string) {
  return useSectionList(contactId, 'files', (cursor, signal) =>
    unwrap(
      api.GET('/api/v1/contacts/{contact_id}/files', {
        params: { path: { contact_id: contactId }, query: paging(cursor) },
        signal,
      }),
    ),
  );
}

/** Multipart upload; the API sniffs the type from the bytes and enforces the size limit. */
export function useUploadFile(contactId: string) {
  return useSectionMutation(contactId, 'files', (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    // The contract types the file as a string (binary); the serializer sends the real form.
    const body = { file: file.name } satisfies UploadBody;
    return unwrap(
      api.POST('/api/v1/contacts/{contact_id}/files', {
        params: { path: { contact_id: contactId } },
        body,
        bodySerializer: () => form,
      }),
    );
  });
}

export function useDeleteFile(contactId: string) {
  return useSectionMutation(contactId, 'files', (id: string) =>
    unwrap(
      api.DELETE('/api/v1/contacts/{contact_id}/files/{file_id}', {
        params: { path: { contact_id: contactId, file_id: id } },
      }),
    ),
  );
}

function fetchFile(contactId: string, fileId: string, signal?: AbortSignal) {
  return api.GET('/api/v1/contacts/{contact_id}/files/{file_id}', {
    params: { path: { contact_id: contactId, file_id: fileId } },
    parseAs: 'blob',
    ...(signal ? { signal } : {}),
  });
}

export function downloadContactFile(contactId: string, file: ContactFile) {
  return downloadFile(fetchFile(contactId, file.id), file.filename);
}

/** An image's bytes (fetched with the token) for a preview; kept while the tab is open. */
export function useImageBlob(contactId: string, file: ContactFile) {
  return useQuery({
    queryKey: [...contactKeys.section(contactId, 'files'), 'blob', file.id],
    queryFn: ({ signal }) => unwrap(fetchFile(contactId, file.id, signal)),
    enabled: file.is_image,
    staleTime: Infinity,
  });
}
