import { describe, expect, it } from 'vitest';
import { filtersFromParams, toQueryFilters } from './useStaffFilters';

describe('staff filters', () => {
  it('read from the URL and reach the API typed, blanks and nonsense dropped', () => {
    const values = filtersFromParams(new URLSearchParams('q=%20jose%20&status=inactive&is_specialist=true&role_id=r1'));
    expect(toQueryFilters(values)).toEqual({ q: 'jose', status: 'inactive', is_specialist: true, role_id: 'r1' });
    expect(toQueryFilters(filtersFromParams(new URLSearchParams('status=whatever&is_specialist=maybe&q=')))).toEqual(
      {},
    );
    expect(toQueryFilters(filtersFromParams(new URLSearchParams('is_specialist=false')))).toEqual({
      is_specialist: false,
    });
  });
});
