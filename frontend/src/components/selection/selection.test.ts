import { describe, expect, it } from 'vitest';
import {
  EMPTY_SELECTION,
  canOfferAllMatching,
  isSelected,
  selectAllMatching,
  selectedCount,
  selectionTarget,
  shownState,
  toggleRow,
  toggleShown,
} from './selection';

const shown = ['a', 'b', 'c'];

describe('selection model', () => {
  it('ticks and unticks rows one by one', () => {
    let state = toggleRow(EMPTY_SELECTION, 'a', shown);
    state = toggleRow(state, 'b', shown);
    expect([...state.ids]).toEqual(['a', 'b']);
    expect(shownState(state, shown)).toBe('some');
    state = toggleRow(state, 'a', shown);
    expect([...state.ids]).toEqual(['b']);
    expect(isSelected(state, 'a')).toBe(false);
  });

  it('the header box ticks every row shown, and unticks them when all are', () => {
    const all = toggleShown(toggleRow(EMPTY_SELECTION, 'a', shown), shown);
    expect(shownState(all, shown)).toBe('all');
    expect(toggleShown(all, shown)).toEqual(EMPTY_SELECTION);
  });

  it('offers “all matching” only once the whole page is ticked and more records match', () => {
    const page = toggleShown(EMPTY_SELECTION, shown);
    expect(canOfferAllMatching(toggleRow(EMPTY_SELECTION, 'a', shown), shown, 10)).toBe(false);
    expect(canOfferAllMatching(page, shown, 3)).toBe(false);
    expect(canOfferAllMatching(page, shown, 120)).toBe(true);
    expect(canOfferAllMatching(page, shown, undefined)).toBe(false);
  });

  it('“all matching” covers rows never loaded and sends the filter, not ids', () => {
    const state = selectAllMatching();
    expect(isSelected(state, 'not-loaded-yet')).toBe(true);
    expect(selectedCount(state, 1234)).toBe(1234);
    expect(selectionTarget(state, { city: 'Lisboa' })).toEqual({ filter: { city: 'Lisboa' } });
    expect(canOfferAllMatching(state, shown, 1234)).toBe(false);
  });

  it('ids selections send the ids', () => {
    const state = toggleRow(toggleRow(EMPTY_SELECTION, 'a', shown), 'c', shown);
    expect(selectedCount(state, 1234)).toBe(2);
    expect(selectionTarget(state, { city: 'Lisboa' })).toEqual({ ids: ['a', 'c'] });
  });

  it('unticking one row of “all matching” falls back to the rows shown minus that one', () => {
    const state = toggleRow(selectAllMatching(), 'b', shown);
    expect(state.allMatching).toBe(false);
    expect([...state.ids]).toEqual(['a', 'c']);
  });

  it('the header box clears “all matching”', () => {
    expect(toggleShown(selectAllMatching(), shown)).toEqual(EMPTY_SELECTION);
  });
});
