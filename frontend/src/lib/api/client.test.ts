import { describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '@/test/render';
import { createSessionStore } from '@/lib/auth/session';
import { createApiClient } from './client';
import { ApiError, CLIENT_PROBLEM_CODES } from './problem';
import { unwrap } from './unwrap';

const me = { id: 'u1', email: 'ana@example.com', permissions: ['locations:read'] };
const pair = (access: string) => ({
  access_token: access,
  refresh_token: `rt-${access}`,
  token_type: 'bearer' as const,
  expires_in: 900,
  mfa_enrollment_required: false,
});
const invalidCredential = {
  type: 'urn:ficha:problem:invalid_credential',
  title: 'Credencial no válida',
  status: 401,
  detail: 'La credencial presentada no es válida, ha caducado o fue revocada.',
  code: 'invalid_credential',
};

function setup(responses: ((request: Request) => Response)[], language = 'pt') {
  const session = createSessionStore(null);
  const requests: Request[] = [];
  const fetch = vi.fn((request: Request) => {
    requests.push(request);
    const next = responses.shift();
    if (!next) throw new Error(`unexpected request ${request.method} ${request.url}`);
    return Promise.resolve(next(request));
  });
  const api = createApiClient({ session, fetch, language: () => language, baseUrl: 'http://ficha.test' });
  return { api, session, requests, fetch };
}

describe('api client', () => {
  it('sends the bearer token and the language', async () => {
    const { api, session, requests } = setup([() => jsonResponse(200, me)]);
    session.signIn(pair('a1'));
    await expect(unwrap(api.GET('/api/v1/me'))).resolves.toEqual(me);
    expect(requests[0]?.headers.get('Authorization')).toBe('Bearer a1');
    expect(requests[0]?.headers.get('Accept-Language')).toBe('pt');
  });

  it('signs in without a token, and a refused sign-in does not end any session', async () => {
    const refused = { code: 'invalid_login', title: 'Acceso denegado', detail: 'No son correctos.', status: 401 };
    const { api, session, requests } = setup([() => jsonResponse(401, refused)]);
    session.signIn(pair('old'));
    const body = { workspace: 'demo', email: 'ana@example.com', password: 'x' };
    const error = await unwrap(api.POST('/api/v1/auth/login', { body })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem.detail).toBe('No son correctos.');
    expect(requests[0]?.headers.has('Authorization')).toBe(false);
    expect(session.getTokens()?.accessToken).toBe('old');
  });

  it('turns an error response into an ApiError holding the field errors', async () => {
    const problem = {
      code: 'validation_failed',
      title: 'Datos no válidos',
      status: 422,
      errors: [{ loc: ['body', 'name'], msg: 'Debe tener al menos 1 caracteres', type: 'string_too_short' }],
    };
    const { api, session } = setup([() => jsonResponse(422, problem)]);
    session.signIn(pair('a1'));
    const error = (await unwrap(api.POST('/api/v1/locations', { body: { name: '' } })).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error.status).toBe(422);
    expect(error.problem.errors[0]?.loc).toEqual(['body', 'name']);
  });

  it('reports a failure to reach the server as a network error', async () => {
    const { api, session } = setup([
      () => {
        throw new TypeError('Failed to fetch');
      },
    ]);
    session.signIn(pair('a1'));
    const error = (await unwrap(api.GET('/api/v1/me')).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe(CLIENT_PROBLEM_CODES.network);
  });

  it('ends the session when the API refuses the token and nothing can refresh it', async () => {
    const { api, session } = setup([() => jsonResponse(401, invalidCredential)]);
    session.signIn(pair('a1'));
    await expect(unwrap(api.GET('/api/v1/me'))).rejects.toBeInstanceOf(ApiError);
    expect(session.getTokens()).toBeNull();
    expect(session.getEndReason()).toBe('expired');
  });

  it('refreshes once and replays the refused request (body included) with the new token', async () => {
    const { api, session, requests } = setup([
      () => jsonResponse(401, invalidCredential),
      () => jsonResponse(201, { id: 'l1', name: 'Sede' }),
    ]);
    session.signIn(pair('a1'));
    session.setRefresher(() => Promise.resolve(pair('a2')));
    const created = await unwrap(api.POST('/api/v1/locations', { body: { name: 'Sede' } }));
    expect(created).toEqual({ id: 'l1', name: 'Sede' });
    expect(requests).toHaveLength(2);
    expect(requests[1]?.headers.get('Authorization')).toBe('Bearer a2');
    expect(await requests[1]?.json()).toEqual({ name: 'Sede' });
    expect(session.getTokens()?.accessToken).toBe('a2');
  });

  it('gives up when even the refreshed token is refused', async () => {
    const { api, session } = setup([
      () => jsonResponse(401, invalidCredential),
      () => jsonResponse(401, invalidCredential),
    ]);
    session.signIn(pair('a1'));
    session.setRefresher(() => Promise.resolve(pair('a2')));
    await expect(unwrap(api.GET('/api/v1/me'))).rejects.toMatchObject({ status: 401 });
    expect(session.getEndReason()).toBe('expired');
  });

  it('keeps the session when a 401 refuses an MFA code, not the credential', async () => {
    const { api, session, requests } = setup([
      () =>
        jsonResponse(401, {
          code: 'mfa_code_invalid',
          status: 401,
          title: 'No autorizado',
          detail: 'Código no válido',
        }),
    ]);
    session.signIn(pair('a1'));
    session.setRefresher(() => Promise.resolve(pair('a2')));
    await expect(unwrap(api.POST('/api/v1/me/mfa/enable', { body: { code: '000000' } }))).rejects.toMatchObject({
      status: 401,
    });
    expect(requests).toHaveLength(1);
    expect(session.getTokens()?.accessToken).toBe('a1');
  });
});
