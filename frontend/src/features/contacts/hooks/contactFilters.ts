/**
 * The list's filters as the URL holds them, and as the API takes them. Pure functions: the
 * hook (`useContactFilters`) only wires them to the router.
 */
import type { ContactFilters, ContactKind, ContactSort } from '../api/keys';

export const CONTACT_SORTS: readonly ContactSort[] = [
  '-created_at',
  'created_at',
  'name',
  '-name',
  '-updated_at',
  'updated_at',
];
export const DEFAULT_SORT: ContactSort = '-created_at';

/** The plain text filters, by their URL (and API) name. */
export const TEXT_FILTERS = [
  'q',
  'status',
  'group_id',
  'company_id',
  'project_id',
  'city',
  'owner_id',
  'created_from',
  'created_to',
] as const;
export type TextFilter = (typeof TEXT_FILTERS)[number];

export interface ContactFilterValues extends Record<TextFilter, string> {
  sort: ContactSort;
  trashed: boolean;
  /** Additional fields: key → value (`cf.<key>` in the URL and the API). */
  custom: Record<string, string>;
}

const CUSTOM_PREFIX = 'cf.';

function isSort(value: string | null): value is ContactSort {
  return value !== null && (CONTACT_SORTS as readonly string[]).includes(value);
}

export function filtersFromParams(params: URLSearchParams): ContactFilterValues {
  const text = Object.fromEntries(TEXT_FILTERS.map((name) => [name, params.get(name) ?? ''])) as Record<
    TextFilter,
    string
  >;
  const custom: Record<string, string> = {};
  for (const [name, value] of params) {
    if (name.startsWith(CUSTOM_PREFIX) && value) custom[name.slice(CUSTOM_PREFIX.length)] = value;
  }
  const sort = params.get('sort');
  return { ...text, sort: isSort(sort) ? sort : DEFAULT_SORT, trashed: params.get('trashed') === '1', custom };
}

/** A day typed in a date input → the instant it starts (or, for `end`, the last instant) there. */
export function dayBoundary(day: string, end: boolean): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const instant = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}`);
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
}

/** What the API gets: blanks dropped (so `?q=` and no `q` share one cache entry), the kind fixed by the screen. */
export function toQueryFilters(values: ContactFilterValues, kind: ContactKind): ContactFilters {
  const filters: Record<string, unknown> = { kind, sort: values.sort };
  for (const name of TEXT_FILTERS) {
    const value = values[name].trim();
    if (!value) continue;
    if (name === 'created_from' || name === 'created_to') {
      const instant = dayBoundary(value, name === 'created_to');
      if (instant) filters[name] = instant;
    } else {
      filters[name] = value;
    }
  }
  if (values.trashed) filters.trashed = true;
  for (const [key, value] of Object.entries(values.custom)) {
    if (value.trim()) filters[`${CUSTOM_PREFIX}${key}`] = value.trim();
  }
  return filters as ContactFilters;
}

/** Whether anything narrows the list (the kind and the sort do not count). */
export function isFiltered(filters: ContactFilters): boolean {
  return Object.keys(filters).some((name) => name !== 'kind' && name !== 'sort' && name !== 'trashed');
}

export function customParam(key: string): string {
  return `${CUSTOM_PREFIX}${key}`;
}
