import { describe, expect, it } from 'vitest';
import { changedFields, EMPTY_LOCATION, fromLocation, toLocationBody } from './locationFormValues';

const record = {
  id: 'l1',
  name: 'Sede Madrid',
  street: 'Calle de Alcalá 45',
  city: 'Madrid',
  state: null,
  country: 'España',
  postal_code: '28014',
  latitude: 40.4187,
  longitude: -3.6979,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

describe('location form values', () => {
  it('sends empty optional fields as null and numbers as numbers', () => {
    expect(toLocationBody({ ...EMPTY_LOCATION, name: 'Sede', city: '  ', latitude: '12.5', longitude: 3 })).toEqual({
      name: 'Sede',
      street: null,
      city: null,
      state: null,
      country: null,
      postal_code: null,
      latitude: 12.5,
      longitude: 3,
    });
  });

  it('round-trips a record through the form', () => {
    expect(toLocationBody(fromLocation(record))).toMatchObject({ name: 'Sede Madrid', state: null, latitude: 40.4187 });
  });

  it('patches only what changed, clearing with null', () => {
    const original = fromLocation(record);
    expect(changedFields(original, original)).toEqual({});
    expect(changedFields({ ...original, city: 'Alcalá', postal_code: '' }, original)).toEqual({
      city: 'Alcalá',
      postal_code: null,
    });
  });
});
