import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ContactKind } from '../api/keys';
import { DEFAULT_SORT, filtersFromParams, isFiltered, toQueryFilters } from './contactFilters';

const TYPING_DELAY_MS = 300;

/**
 * The list's filters, kept in the URL (shareable, kept by Back). Inputs follow the URL at once;
 * the API is asked only after typing pauses.
 */
export function useContactFilters(kind: ContactKind) {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => filtersFromParams(params), [params]);
  const [debounced] = useDebouncedValue(values, TYPING_DELAY_MS);
  // Choices (selects, sort, trash) apply at once; only typed text waits.
  const queryFilters = useMemo(
    () => toQueryFilters({ ...values, q: debounced.q, city: debounced.city }, kind),
    [values, debounced.q, debounced.city, kind],
  );

  /** Set (or, with '', remove) one URL parameter: `q`, `status`, `cf.plan`, `trashed`… */
  const setParam = useCallback(
    (name: string, value: string) => {
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

  /** Clear the filters, staying in the trash or the live list. */
  const clear = useCallback(
    () => setParams(values.trashed ? new URLSearchParams({ trashed: '1' }) : new URLSearchParams(), { replace: true }),
    [setParams, values.trashed],
  );

  return { values, queryFilters, setParam, clear, isFiltered: isFiltered(queryFilters) };
}
