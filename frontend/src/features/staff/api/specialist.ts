import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { staffKeys } from './keys';

export type Shift = components['schemas']['ShiftRead'];
export type ShiftCreate = components['schemas']['ShiftCreate'];

export function userShiftsQueryOptions(userId: string) {
  return queryOptions({
    queryKey: staffKeys.shifts(userId),
    queryFn: async ({ signal }) =>
      (
        await unwrap(
          api.GET('/api/v1/users/{user_id}/shifts', {
            params: { path: { user_id: userId }, query: { limit: 200 } },
            signal,
          }),
        )
      ).items,
  });
}

export function useUserShifts(userId: string) {
  return useQuery(userShiftsQueryOptions(userId));
}

export function useCalendars() {
  return useQuery({
    queryKey: staffKeys.calendars(),
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/calendars', { params: { query: { limit: 200 } }, signal }))).items,
    staleTime: 60_000,
  });
}

export function useSpecialties() {
  return useQuery({
    queryKey: staffKeys.specialties(),
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/specialties', { params: { query: { limit: 200 } }, signal }))).items,
    staleTime: 60_000,
  });
}

export function useAddShift(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ShiftCreate) =>
      unwrap(api.POST('/api/v1/users/{user_id}/shifts', { params: { path: { user_id: userId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffKeys.shifts(userId) }),
  });
}

export function useDeleteShift(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (shiftId: string) =>
      unwrap(
        api.DELETE('/api/v1/users/{user_id}/shifts/{shift_id}', {
          params: { path: { user_id: userId, shift_id: shiftId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffKeys.shifts(userId) }),
  });
}

export function useSetSpecialties(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (specialtyIds: string[]) =>
      unwrap(
        api.PUT('/api/v1/users/{user_id}/specialties', {
          params: { path: { user_id: userId } },
          body: { specialty_ids: specialtyIds },
        }),
      ),
    onSuccess: (user) => queryClient.setQueryData(staffKeys.detail(userId), user),
  });
}
