/**
 * Query keys of the locations feature, built in one place so the query options that use them
 * and the mutations that invalidate them cannot drift apart.
 */
import type { operations } from '@/api/generated/schema';

type ListQuery = NonNullable<operations['locations-list_locations']['parameters']['query']>;

/** The list's filters (paging parameters are the infinite query's business). */
export type LocationFilters = Pick<ListQuery, 'q' | 'city' | 'sort'>;
export type LocationSort = NonNullable<ListQuery['sort']>;

export const locationKeys = {
  all: ['locations'] as const,
  lists: () => [...locationKeys.all, 'list'] as const,
  list: (filters: LocationFilters) => [...locationKeys.lists(), filters] as const,
  details: () => [...locationKeys.all, 'detail'] as const,
  detail: (id: string) => [...locationKeys.details(), id] as const,
};
