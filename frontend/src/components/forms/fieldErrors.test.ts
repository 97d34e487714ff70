import { describe, expect, it } from 'vitest';
import { toProblem } from '@/lib/api/problem';
import { fieldErrorsFromProblem, formPaths } from './fieldErrors';

const problem = (body: Record<string, unknown>) =>
  toProblem(422, { code: 'validation_failed', title: 'Datos', ...body });

describe('fieldErrorsFromProblem', () => {
  const fields = ['name', 'address', 'address.city', 'tags'];

  it('puts each body error under its field', () => {
    const mapping = fieldErrorsFromProblem(
      problem({
        errors: [
          { loc: ['body', 'name'], msg: 'Obligatorio', type: 'missing' },
          { loc: ['body', 'address', 'city'], msg: 'Muy largo', type: 'string_too_long' },
        ],
      }),
      fields,
    );
    expect(mapping).toEqual({ fieldErrors: { name: 'Obligatorio', 'address.city': 'Muy largo' }, unmatched: [] });
  });

  it('climbs to the nearest field the form has (list items, unknown sub-keys)', () => {
    const mapping = fieldErrorsFromProblem(
      problem({
        errors: [
          { loc: ['body', 'tags', 2], msg: 'Etiqueta no válida', type: 'value_error' },
          { loc: ['body', 'address', 'zip', 'x'], msg: 'Formato', type: 'value_error' },
        ],
      }),
      fields,
    );
    expect(mapping.fieldErrors).toEqual({ tags: 'Etiqueta no válida', address: 'Formato' });
  });

  it('keeps the first message of a field', () => {
    const mapping = fieldErrorsFromProblem(
      problem({
        errors: [
          { loc: ['body', 'name'], msg: 'Primero', type: 'a' },
          { loc: ['body', 'name'], msg: 'Segundo', type: 'b' },
        ],
      }),
      fields,
    );
    expect(mapping.fieldErrors.name).toBe('Primero');
  });

  it('returns what belongs to no field (whole body, query, unknown fields)', () => {
    const mapping = fieldErrorsFromProblem(
      problem({
        errors: [
          { loc: ['body'], msg: 'Latitud y longitud van juntas', type: 'value_error' },
          { loc: ['query', 'cursor'], msg: 'Cursor no válido', type: 'invalid_cursor' },
          { loc: ['body', 'colour'], msg: 'Campo no permitido', type: 'extra_forbidden' },
        ],
      }),
      fields,
    );
    expect(mapping.fieldErrors).toEqual({});
    expect(mapping.unmatched).toEqual(['Latitud y longitud van juntas', 'Cursor no válido', 'Campo no permitido']);
  });

  it('places a field-less problem on the field its code concerns', () => {
    const taken = toProblem(409, {
      code: 'location_name_taken',
      title: 'Nombre en uso',
      detail: 'Ya existe una ubicación llamada «Sede».',
    });
    expect(fieldErrorsFromProblem(taken, fields, { codeFields: { location_name_taken: 'name' } })).toEqual({
      fieldErrors: { name: 'Ya existe una ubicación llamada «Sede».' },
      unmatched: [],
    });
  });
});

describe('formPaths', () => {
  it('lists every dotted path of the form values', () => {
    expect(formPaths({ name: '', address: { city: '', lines: ['a'] } })).toEqual([
      'name',
      'address',
      'address.city',
      'address.lines',
      'address.lines.0',
    ]);
  });
});
