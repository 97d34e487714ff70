import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/unwrap';
import { staffKeys } from './keys';

export type Role = components['schemas']['RoleRead'];
export type RoleCreate = components['schemas']['RoleCreate'];
export type RoleUpdate = components['schemas']['RoleUpdate'];
export type Permission = components['schemas']['PermissionRead'];

/** Every role of the workspace (a workspace has a handful: one page of 200 holds them). */
export function listRolesQueryOptions() {
  return queryOptions({
    queryKey: staffKeys.roles(),
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/roles', { params: { query: { limit: 200 } }, signal }))).items,
    staleTime: 60_000,
  });
}

export function useRoles(enabled = true) {
  return useQuery({ ...listRolesQueryOptions(), enabled });
}

/** The permission catalogue (what a role can grant), with each permission's domain. */
export function permissionCatalogueQueryOptions() {
  return queryOptions({
    queryKey: staffKeys.catalogue(),
    queryFn: async ({ signal }) => (await unwrap(api.GET('/api/v1/permissions', { signal }))).items,
    staleTime: Infinity,
  });
}

export function usePermissionCatalogue() {
  return useQuery(permissionCatalogueQueryOptions());
}

function useInvalidateRoles() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: staffKeys.roles() });
}

export function useCreateRole() {
  const onSuccess = useInvalidateRoles();
  return useMutation({ mutationFn: (body: RoleCreate) => unwrap(api.POST('/api/v1/roles', { body })), onSuccess });
}

export function useUpdateRole() {
  const onSuccess = useInvalidateRoles();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RoleUpdate }) =>
      unwrap(api.PATCH('/api/v1/roles/{role_id}', { params: { path: { role_id: id } }, body })),
    onSuccess,
  });
}

export function useDeleteRole() {
  const onSuccess = useInvalidateRoles();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/roles/{role_id}', { params: { path: { role_id: id } } })),
    onSuccess,
  });
}
