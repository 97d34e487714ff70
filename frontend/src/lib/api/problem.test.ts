import { describe, expect, it } from 'vitest';
import { ApiError, CLIENT_PROBLEM_CODES, problemText, toProblem } from './problem';

describe('toProblem', () => {
  it('reads an RFC 9457 problem as the API sends it', () => {
    const problem = toProblem(422, {
      type: 'urn:ficha:problem:validation_failed',
      title: 'Datos no válidos',
      status: 422,
      detail: 'La solicitud contiene datos no válidos.',
      code: 'validation_failed',
      request_id: 'abc123',
      errors: [{ loc: ['body', 'name'], msg: 'Debe tener al menos 1 caracteres', type: 'string_too_short' }],
    });
    expect(problem).toEqual({
      status: 422,
      code: 'validation_failed',
      title: 'Datos no válidos',
      detail: 'La solicitud contiene datos no válidos.',
      requestId: 'abc123',
      errors: [{ loc: ['body', 'name'], msg: 'Debe tener al menos 1 caracteres', type: 'string_too_short' }],
    });
  });

  it('keeps well-formed field errors and drops malformed ones', () => {
    const problem = toProblem(422, {
      code: 'validation_failed',
      errors: [{ loc: ['body', 'items', 2, { x: 1 }], msg: 'bad' }, { msg: 'no loc' }, 'nonsense', null],
    });
    expect(problem.errors).toEqual([{ loc: ['body', 'items', 2], msg: 'bad', type: '' }]);
  });

  it.each([null, 'Bad Gateway', 42, ['a'], { unrelated: true }])(
    'turns a body that is not a problem (%j) into unexpected_response',
    (body) => {
      expect(toProblem(502, body)).toEqual({
        status: 502,
        code: CLIENT_PROBLEM_CODES.unexpected,
        title: '',
        detail: '',
        errors: [],
      });
    },
  );

  it('prefers the detail, then the title, for people', () => {
    expect(problemText(toProblem(404, { code: 'x', title: 'No encontrado', detail: 'No existe.' }))).toBe('No existe.');
    expect(problemText(toProblem(404, { code: 'x', title: 'No encontrado' }))).toBe('No encontrado');
  });

  it('keeps the members a problem adds, such as a conflict’s existing record', () => {
    const problem = toProblem(409, { code: 'contact_email_taken', title: 'Correo en uso', existing_id: 'c1' });
    expect(problem.extensions).toEqual({ existing_id: 'c1' });
    expect(toProblem(404, { code: 'not_found', title: 'No encontrado' }).extensions).toBeUndefined();
  });
});

describe('ApiError', () => {
  it('exposes the status and code of its problem', () => {
    const error = new ApiError(toProblem(409, { code: 'location_name_taken', title: 'Nombre en uso' }));
    expect(error.status).toBe(409);
    expect(error.code).toBe('location_name_taken');
    expect(error.message).toBe('Nombre en uso');
  });

  it('marks failures to reach the server as network errors', () => {
    const error = ApiError.network(new TypeError('Failed to fetch'));
    expect(error.status).toBe(0);
    expect(error.code).toBe(CLIENT_PROBLEM_CODES.network);
    expect(error.cause).toBeInstanceOf(TypeError);
  });
});
