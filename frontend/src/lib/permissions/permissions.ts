/**
 * Permission checks for the UI. They only *hide* what a user cannot use: the API enforces
 * every permission on its own, so nothing here is a security boundary.
 *
 * Permissions are `domain:action` strings, as `/me` lists them.
 */
export type Permission = string;

/** A requirement: one permission, or several that must all be held. */
export type PermissionRequirement = Permission | readonly Permission[];

export function hasPermission(granted: ReadonlySet<Permission>, required?: PermissionRequirement): boolean {
  if (required === undefined) return true;
  const all = typeof required === 'string' ? [required] : required;
  return all.every((permission) => granted.has(permission));
}

/** Keep the items whose `permission` (if any) the user holds, e.g. navigation entries. */
export function filterByPermission<T extends { permission?: PermissionRequirement }>(
  items: readonly T[],
  granted: ReadonlySet<Permission>,
): T[] {
  return items.filter((item) => hasPermission(granted, item.permission));
}
