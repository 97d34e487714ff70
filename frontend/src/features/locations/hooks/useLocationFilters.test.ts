import { describe, expect, it } from 'vitest';
import { filtersFromParams, toQueryFilters } from './useLocationFilters';

describe('location filters in the URL', () => {
  it('reads them, defaulting the sort and refusing unknown sorts', () => {
    expect(filtersFromParams(new URLSearchParams('q=Pe%C3%B1a&city=Santiago&sort=-created_at'))).toEqual({
      q: 'Peña',
      city: 'Santiago',
      sort: '-created_at',
    });
    expect(filtersFromParams(new URLSearchParams('sort=drop+table'))).toEqual({ q: '', city: '', sort: 'name' });
  });

  it('sends the API only what filters, trimmed', () => {
    expect(toQueryFilters({ q: '  Peñalolén ', city: '', sort: 'name' })).toEqual({ q: 'Peñalolén', sort: 'name' });
    expect(toQueryFilters({ q: '', city: ' Madrid', sort: '-name' })).toEqual({ city: 'Madrid', sort: '-name' });
  });
});
