import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { StaffFilters } from '../api/keys';

export const STAFF_FILTER_NAMES = ['q', 'role_id', 'group_id', 'status', 'is_specialist'] as const;
export type StaffFilterName = (typeof STAFF_FILTER_NAMES)[number];
export type StaffFilterValues = Record<StaffFilterName, string>;

const SEARCH_DELAY_MS = 300;

export function filtersFromParams(params: URLSearchParams): StaffFilterValues {
  const values = {} as StaffFilterValues;
  for (const name of STAFF_FILTER_NAMES) values[name] = params.get(name) ?? '';
  return values;
}

/** What the API gets: blanks dropped (one cache entry per real filter), typed values. */
export function toQueryFilters(values: StaffFilterValues): StaffFilters {
  const q = values.q.trim();
  return {
    ...(q ? { q } : {}),
    ...(values.role_id ? { role_id: values.role_id } : {}),
    ...(values.group_id ? { group_id: values.group_id } : {}),
    ...(values.status === 'active' || values.status === 'inactive' ? { status: values.status } : {}),
    ...(values.is_specialist === 'true' || values.is_specialist === 'false'
      ? { is_specialist: values.is_specialist === 'true' }
      : {}),
  };
}

/** The staff list's filters, kept in the URL (shareable, kept by Back); typing is debounced. */
export function useStaffFilters() {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => filtersFromParams(params), [params]);
  const [debouncedQ] = useDebouncedValue(values.q, SEARCH_DELAY_MS);
  const queryFilters = useMemo(() => toQueryFilters({ ...values, q: debouncedQ }), [values, debouncedQ]);

  const setFilter = useCallback(
    (name: StaffFilterName, value: string) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  const isFiltered = Object.keys(toQueryFilters(values)).length > 0;

  return { values, queryFilters, setFilter, clear, isFiltered };
}
