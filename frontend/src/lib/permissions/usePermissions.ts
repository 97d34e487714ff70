import { createContext, useContext } from 'react';
import { hasPermission, type Permission, type PermissionRequirement } from './permissions';

export const PermissionsContext = createContext<ReadonlySet<Permission>>(new Set());

export function useGrantedPermissions(): ReadonlySet<Permission> {
  return useContext(PermissionsContext);
}

/** Whether the signed-in user holds `required` (to hide what they cannot use). */
export function useCan(required?: PermissionRequirement): boolean {
  return hasPermission(useGrantedPermissions(), required);
}
