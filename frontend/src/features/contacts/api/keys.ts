/**
 * Query keys of the contacts feature, in one place so queries and the mutations that
 * invalidate them cannot drift apart.
 */
import type { components, operations } from '@/api/generated/schema';

type ListQuery = NonNullable<operations['contacts-list_contacts']['parameters']['query']>;

export type ContactKind = components['schemas']['ContactRead']['kind'];
export type ContactSort = NonNullable<ListQuery['sort']>;
export type ContactRead = components['schemas']['ContactRead'];
export type ContactListItem = components['schemas']['ContactListItem'];

/**
 * The list's filters as the API takes them (paging aside). Additional fields filter as
 * `cf.<key>=<value>`, which the contract allows but cannot name: they ride along as extra keys.
 */
export type ContactFilters = Omit<ListQuery, 'limit' | 'cursor'> & { [customField: `cf.${string}`]: string };

/** The same filters without the sort: what metrics, bulk actions and exports take. */
export type ContactCriteria = Omit<ContactFilters, 'sort'>;

export function criteriaOf(filters: ContactFilters): ContactCriteria {
  const { sort: _sort, ...criteria } = filters;
  return criteria;
}

export const contactKeys = {
  all: ['contacts'] as const,
  lists: () => [...contactKeys.all, 'list'] as const,
  list: (filters: ContactFilters) => [...contactKeys.lists(), filters] as const,
  metrics: (criteria: ContactCriteria) => [...contactKeys.all, 'metrics', criteria] as const,
  details: () => [...contactKeys.all, 'detail'] as const,
  detail: (id: string) => [...contactKeys.details(), id] as const,
  section: (id: string, section: string) => [...contactKeys.detail(id), section] as const,
  customFields: () => ['custom-fields', 'contact'] as const,
  options: (source: string) => ['contact-options', source] as const,
};
