import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { locationKeys } from './keys';

export function useDeleteLocation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locationId: string) =>
      unwrap(api.DELETE('/api/v1/locations/{location_id}', { params: { path: { location_id: locationId } } })),
    onSuccess: async (_nothing, locationId) => {
      queryClient.removeQueries({ queryKey: locationKeys.detail(locationId) });
      await queryClient.invalidateQueries({ queryKey: locationKeys.lists() });
    },
  });
}
