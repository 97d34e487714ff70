import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { ME_QUERY_KEY } from '@/lib/auth/currentUser';
import { profileKeys } from './keys';

/**
 * My photo as a blob: URL. It needs the bearer token, so an `<img src>` pointing at the API
 * cannot load it; an upload resets the query so the new one loads.
 */
export function myPhotoQueryOptions() {
  return queryOptions({
    queryKey: profileKeys.photo(),
    queryFn: async ({ signal }) => {
      const blob = await unwrap(api.GET('/api/v1/me/photo', { signal, parseAs: 'blob' }));
      return URL.createObjectURL(blob);
    },
    staleTime: Infinity,
  });
}

export function useMyPhoto(enabled: boolean) {
  return useQuery({ ...myPhotoQueryOptions(), enabled });
}

export function useUploadMyPhoto() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      unwrap(
        api.PUT('/api/v1/me/photo', {
          body: { file: file as unknown as string },
          bodySerializer: (body) => {
            const form = new FormData();
            form.append('file', body.file as unknown as Blob);
            return form;
          },
        }),
      ),
    onSuccess: async (me) => {
      queryClient.setQueryData(ME_QUERY_KEY, me);
      await queryClient.resetQueries({ queryKey: profileKeys.photo() });
    },
  });
}

export function useDeleteMyPhoto() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/me/photo')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }),
  });
}
