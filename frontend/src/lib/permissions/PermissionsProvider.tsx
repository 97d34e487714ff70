import { useMemo, type ReactNode } from 'react';
import type { Permission } from './permissions';
import { PermissionsContext } from './usePermissions';

/** Provided by the shell from `/me`'s `permissions`. */
export function PermissionsProvider({
  permissions,
  children,
}: {
  permissions: readonly Permission[];
  children: ReactNode;
}) {
  const granted = useMemo(() => new Set(permissions), [permissions]);
  return <PermissionsContext.Provider value={granted}>{children}</PermissionsContext.Provider>;
}
