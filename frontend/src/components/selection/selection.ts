/**
 * The selection model of a list with bulk actions. Either some rows by id, or "every record
 * matching the filter" — which the API resolves itself (`{"filter": …}`), so it covers rows
 * never loaded into the page. Pure functions, so the rules are tested without a browser.
 */

export interface SelectionState {
  /** Every record matching the current filter, loaded or not. */
  allMatching: boolean;
  /** The rows picked one by one (empty while `allMatching`). */
  ids: ReadonlySet<string>;
}

export const EMPTY_SELECTION: SelectionState = { allMatching: false, ids: new Set() };

export function isSelected(state: SelectionState, id: string): boolean {
  return state.allMatching || state.ids.has(id);
}

/**
 * Flip one row. Unticking a row while "all matching" is on falls back to the rows shown
 * minus that one: the API cannot take "the filter except these".
 */
export function toggleRow(state: SelectionState, id: string, shownIds: readonly string[]): SelectionState {
  if (state.allMatching) {
    return { allMatching: false, ids: new Set(shownIds.filter((shown) => shown !== id)) };
  }
  const ids = new Set(state.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { allMatching: false, ids };
}

/** Tick every row shown, or untick them all when they already are. */
export function toggleShown(state: SelectionState, shownIds: readonly string[]): SelectionState {
  if (state.allMatching || (shownIds.length > 0 && shownIds.every((id) => state.ids.has(id)))) {
    return EMPTY_SELECTION;
  }
  return { allMatching: false, ids: new Set([...state.ids, ...shownIds]) };
}

export function selectAllMatching(): SelectionState {
  return { allMatching: true, ids: new Set() };
}

/** How the header checkbox looks: all, some (indeterminate) or none of the rows shown. */
export function shownState(state: SelectionState, shownIds: readonly string[]): 'all' | 'some' | 'none' {
  if (state.allMatching) return shownIds.length > 0 ? 'all' : 'none';
  const picked = shownIds.filter((id) => state.ids.has(id)).length;
  if (picked === 0) return 'none';
  return picked === shownIds.length ? 'all' : 'some';
}

/** How many records an action would touch (`total`: the filter's count, when known). */
export function selectedCount(state: SelectionState, total: number | undefined): number | undefined {
  return state.allMatching ? total : state.ids.size;
}

/** The part of a bulk request that says which records: the ids, or the filter itself. */
export function selectionTarget<F>(state: SelectionState, filter: F): { ids: string[] } | { filter: F } {
  return state.allMatching ? { filter } : { ids: [...state.ids] };
}

/** "All matching" is worth offering once every row shown is ticked and more exist. */
export function canOfferAllMatching(
  state: SelectionState,
  shownIds: readonly string[],
  total: number | undefined,
): boolean {
  return !state.allMatching && shownState(state, shownIds) === 'all' && total !== undefined && total > state.ids.size;
}
