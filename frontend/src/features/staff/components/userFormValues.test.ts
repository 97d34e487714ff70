import { describe, expect, it } from 'vitest';
import { EMPTY_USER, toUserBody } from './userFormValues';

describe('toUserBody', () => {
  it('sends blanks as null and keeps only a known culture', () => {
    expect(
      toUserBody({
        ...EMPTY_USER,
        first_name: 'Ana',
        email: ' ana@x.test ',
        phone: '  ',
        culture: 'fr',
        roles: ['r1'],
      }),
    ).toEqual({
      first_name: 'Ana',
      last_name: '',
      email: 'ana@x.test',
      phone: null,
      culture: null,
      roles: ['r1'],
      is_specialist: false,
    });
    expect(toUserBody({ ...EMPTY_USER, culture: 'pt' }).culture).toBe('pt');
  });
});
