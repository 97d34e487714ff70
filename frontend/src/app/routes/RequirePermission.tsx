import { Navigate, Outlet } from 'react-router';
import { ForbiddenState } from '@/components/states/ForbiddenState';
import type { PermissionRequirement } from '@/lib/permissions/permissions';
import { useCan } from '@/lib/permissions/usePermissions';

interface RequirePermissionProps {
  permission: PermissionRequirement;
  /** Where to send users without it (e.g. from an edit drawer back to its list); else explain. */
  redirectTo?: string;
}

/** A route the user's permissions do not cover says so instead of failing on the API's 403. */
export function RequirePermission({ permission, redirectTo }: RequirePermissionProps) {
  if (useCan(permission)) return <Outlet />;
  return redirectTo ? <Navigate to={redirectTo} replace /> : <ForbiddenState />;
}
