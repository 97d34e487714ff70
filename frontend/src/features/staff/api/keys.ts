/**
 * Query keys of the staff feature (users, roles, groups and what hangs off a user), built in
 * one place so queries and the mutations that invalidate them cannot drift apart.
 */
import type { operations } from '@/api/generated/schema';

type UserListQuery = NonNullable<operations['identity-list_users']['parameters']['query']>;

/** The staff list's filters (paging parameters are the infinite query's business). */
export type StaffFilters = Pick<UserListQuery, 'q' | 'role_id' | 'group_id' | 'status' | 'is_specialist'>;

export const staffKeys = {
  all: ['staff'] as const,
  lists: () => [...staffKeys.all, 'list'] as const,
  list: (filters: StaffFilters) => [...staffKeys.lists(), filters] as const,
  detail: (id: string) => [...staffKeys.all, 'detail', id] as const,
  permissions: (id: string) => [...staffKeys.all, 'permissions', id] as const,
  comments: (id: string) => [...staffKeys.all, 'comments', id] as const,
  shifts: (id: string) => [...staffKeys.all, 'shifts', id] as const,
  roles: () => ['roles'] as const,
  catalogue: () => ['permissions-catalogue'] as const,
  groups: () => ['groups'] as const,
  groupMembers: (id: string) => ['groups', 'members', id] as const,
  calendars: () => ['calendars'] as const,
  specialties: () => ['specialties'] as const,
  userFields: () => ['custom-fields', 'user'] as const,
};
