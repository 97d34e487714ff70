import type { ReactNode } from 'react';
import type { PermissionRequirement } from './permissions';
import { useCan } from './usePermissions';

interface CanProps {
  /** One permission, or a list that must all be held. */
  permission: PermissionRequirement;
  children: ReactNode;
  /** Rendered instead when the permission is missing (nothing by default). */
  fallback?: ReactNode;
}

/** Show `children` only to users holding `permission`. Hides; the API enforces. */
export function Can({ permission, children, fallback = null }: CanProps) {
  return useCan(permission) ? children : fallback;
}
