import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { LocationFilters, LocationSort } from '../api/keys';

export const LOCATION_SORTS: readonly LocationSort[] = ['name', '-name', '-created_at', 'created_at'];
const DEFAULT_SORT: LocationSort = 'name';
const SEARCH_DELAY_MS = 300;

function isSort(value: string | null): value is LocationSort {
  return value !== null && (LOCATION_SORTS as readonly string[]).includes(value);
}

/** The filters as the URL holds them (`?q=&city=&sort=`): shareable, and kept by Back. */
export function filtersFromParams(params: URLSearchParams): Required<Pick<LocationFilters, 'sort'>> & {
  q: string;
  city: string;
} {
  const sort = params.get('sort');
  return { q: params.get('q') ?? '', city: params.get('city') ?? '', sort: isSort(sort) ? sort : DEFAULT_SORT };
}

/** What the API gets: blanks dropped, so `?q=` and no `q` share one cache entry. */
export function toQueryFilters(filters: { q: string; city: string; sort: LocationSort }): LocationFilters {
  const q = filters.q.trim();
  const city = filters.city.trim();
  return { sort: filters.sort, ...(q ? { q } : {}), ...(city ? { city } : {}) };
}

/**
 * The list's filters, kept in the URL. Inputs follow the URL at once (typing stays responsive
 * and Back restores them); the API is asked only after typing pauses.
 */
export function useLocationFilters() {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => filtersFromParams(params), [params]);
  const [debounced] = useDebouncedValue(values, SEARCH_DELAY_MS);
  // Sorting is a click, not typing: apply it without waiting.
  const queryFilters = useMemo(() => toQueryFilters({ ...debounced, sort: values.sort }), [debounced, values.sort]);

  const setFilter = useCallback(
    (name: 'q' | 'city' | 'sort', value: string) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (!value || (name === 'sort' && value === DEFAULT_SORT)) next.delete(name);
          else next.set(name, value);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  const isFiltered = Boolean(queryFilters.q || queryFilters.city);

  return { values, queryFilters, setFilter, clear, isFiltered };
}
