import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { locationKeys } from './keys';

export type LocationUpdate = components['schemas']['LocationUpdate'];

/** PATCH: only the fields sent change; `null` clears an optional one. */
export function useUpdateLocation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ locationId, changes }: { locationId: string; changes: LocationUpdate }) =>
      unwrap(
        api.PATCH('/api/v1/locations/{location_id}', { params: { path: { location_id: locationId } }, body: changes }),
      ),
    onSuccess: async (location) => {
      queryClient.setQueryData(locationKeys.detail(location.id), location);
      await queryClient.invalidateQueries({ queryKey: locationKeys.lists() });
    },
  });
}
