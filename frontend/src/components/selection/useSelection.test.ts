import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useSelection } from './useSelection';

describe('useSelection', () => {
  it('forgets the selection when the filter (its scope) changes', () => {
    const { result, rerender } = renderHook(({ scope }) => useSelection(scope), { initialProps: { scope: 'city=A' } });
    act(() => result.current.toggleRow('x', ['x', 'y']));
    act(() => result.current.selectAllMatching());
    expect(result.current.state.allMatching).toBe(true);

    rerender({ scope: 'city=B' });
    expect(result.current.state.allMatching).toBe(false);
    expect(result.current.state.ids.size).toBe(0);

    act(() => result.current.toggleRow('z', ['z']));
    expect([...result.current.state.ids]).toEqual(['z']);
  });
});
