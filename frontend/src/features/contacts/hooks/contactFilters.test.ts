import { describe, expect, it } from 'vitest';
import { dayBoundary, filtersFromParams, isFiltered, toQueryFilters } from './contactFilters';

describe('contact filters', () => {
  it('reads the URL, additional fields included, and defaults the sort', () => {
    const values = filtersFromParams(new URLSearchParams('q=ana&status=inactive&cf.plan=plus&trashed=1&sort=bogus'));
    expect(values.q).toBe('ana');
    expect(values.status).toBe('inactive');
    expect(values.custom).toEqual({ plan: 'plus' });
    expect(values.trashed).toBe(true);
    expect(values.sort).toBe('-created_at');
  });

  it('gives the API the kind of the screen, no blanks, days as instants and cf.<key>', () => {
    const values = filtersFromParams(new URLSearchParams('q=%20&city=Lisboa&created_from=2026-03-01&cf.plan=plus'));
    const filters = toQueryFilters(values, 'lead');
    expect(filters).toEqual({
      kind: 'lead',
      sort: '-created_at',
      city: 'Lisboa',
      created_from: new Date('2026-03-01T00:00:00').toISOString(),
      'cf.plan': 'plus',
    });
    expect(isFiltered(filters)).toBe(true);
    expect(isFiltered(toQueryFilters(filtersFromParams(new URLSearchParams('sort=name')), 'lead'))).toBe(false);
  });

  it('ends a “created until” day at its last instant, and ignores what is not a day', () => {
    expect(dayBoundary('2026-03-01', true)).toBe(new Date('2026-03-01T23:59:59.999').toISOString());
    expect(dayBoundary('01/03/2026', false)).toBeUndefined();
  });
});
