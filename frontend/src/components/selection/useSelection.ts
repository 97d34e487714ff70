import { useCallback, useMemo, useState } from 'react';
import { EMPTY_SELECTION, selectAllMatching, toggleRow, toggleShown, type SelectionState } from './selection';

/**
 * The selection of a list, forgotten whenever `scope` changes (another filter is another set
 * of records: a selection made under the old one must not leak into an action on the new one).
 */
export function useSelection(scope: string) {
  const [stored, setStored] = useState<{ scope: string; state: SelectionState }>({
    scope,
    state: EMPTY_SELECTION,
  });
  const state = stored.scope === scope ? stored.state : EMPTY_SELECTION;
  const update = useCallback(
    (next: (current: SelectionState) => SelectionState) =>
      setStored((previous) => ({
        scope,
        state: next(previous.scope === scope ? previous.state : EMPTY_SELECTION),
      })),
    [scope],
  );

  return useMemo(
    () => ({
      state,
      toggleRow: (id: string, shownIds: readonly string[]) => update((current) => toggleRow(current, id, shownIds)),
      toggleShown: (shownIds: readonly string[]) => update((current) => toggleShown(current, shownIds)),
      selectAllMatching: () => update(() => selectAllMatching()),
      clear: () => update(() => EMPTY_SELECTION),
    }),
    [state, update],
  );
}

export type Selection = ReturnType<typeof useSelection>;
