import { describe, expect, it } from 'vitest';
import type { CustomField } from '../api/customFields';
import { customFieldLabel, toCustomFieldBody, toCustomFieldInputs } from './customFieldValues';

function field(key: string, type: CustomField['type'], extra: Partial<CustomField> = {}): CustomField {
  return {
    id: key,
    entity: 'contact',
    key,
    type,
    labels: { es: `ES ${key}`, en: `EN ${key}` },
    required: false,
    options: [],
    order: 0,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    ...extra,
  };
}

const fields = [
  field('plan', 'select', { options: ['básico', 'plus'], required: true }),
  field('vip', 'boolean'),
  field('size', 'number'),
  field('since', 'date'),
  field('tags', 'multiselect', { options: ['a', 'b'] }),
  field('note', 'text'),
];

describe('additional field values', () => {
  it('fills every input by type, from stored values or empty', () => {
    expect(toCustomFieldInputs(fields, { plan: 'plus', vip: true, size: 42, tags: ['a'] })).toEqual({
      plan: 'plus',
      vip: true,
      size: 42,
      since: '',
      tags: ['a'],
      note: '',
    });
  });

  it('create: sends typed values and leaves empty ones out (the API enforces required ones)', () => {
    const inputs = { plan: '', vip: false, size: '41,5', since: '2026-03-01', tags: [], note: '  hola ' };
    expect(toCustomFieldBody(fields, inputs)).toEqual({ size: 41.5, since: '2026-03-01', note: 'hola' });
  });

  it('create: a number that is not one goes as typed, for the API to explain on the field', () => {
    expect(toCustomFieldBody([field('size', 'number')], { size: 'cuarenta' })).toEqual({ size: 'cuarenta' });
  });

  it('update: sends only what changed, null clearing a value', () => {
    const original = toCustomFieldInputs(fields, { plan: 'plus', vip: true, size: 42, note: 'x' });
    const edited = { ...original, vip: false, note: '', tags: ['b'] };
    expect(toCustomFieldBody(fields, edited, original)).toEqual({ vip: false, note: null, tags: ['b'] });
  });

  it('labels in the user’s language, falling back to Spanish, then the key', () => {
    expect(customFieldLabel(fields[0]!, 'en')).toBe('EN plan');
    expect(customFieldLabel(fields[0]!, 'pt')).toBe('ES plan');
    expect(customFieldLabel(field('x', 'text', { labels: {} }), 'pt')).toBe('x');
  });
});
