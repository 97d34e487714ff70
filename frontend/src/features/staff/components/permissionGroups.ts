import type { Permission } from '../api/roles';

/** Group the catalogue by domain (contacts, users…), keeping the API's order inside each. */
export function byDomain(catalogue: Permission[]): [string, Permission[]][] {
  const groups = new Map<string, Permission[]>();
  for (const permission of catalogue) {
    const list = groups.get(permission.domain) ?? [];
    list.push(permission);
    groups.set(permission.domain, list);
  }
  return [...groups.entries()];
}
