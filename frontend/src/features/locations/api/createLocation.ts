import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { locationKeys } from './keys';

export type LocationCreate = components['schemas']['LocationCreate'];

export function useCreateLocation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LocationCreate) => unwrap(api.POST('/api/v1/locations', { body })),
    onSuccess: async (location) => {
      queryClient.setQueryData(locationKeys.detail(location.id), location);
      await queryClient.invalidateQueries({ queryKey: locationKeys.lists() });
    },
  });
}
