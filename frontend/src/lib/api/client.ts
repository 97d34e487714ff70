/**
 * The one HTTP client of the console: openapi-fetch over the generated contract.
 *
 * Every request gets `Accept-Language` (so problem details come back in the user's language)
 * and, unless the operation is public, the bearer token. A 401 on an authenticated request
 * asks the session to refresh once and replays the request; when that is impossible the
 * session expires, and the router sends the user to sign in (and back afterwards).
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from '@/api/generated/schema';
import { session as defaultSession, type SessionStore } from '@/lib/auth/session';
import { currentLanguage } from '@/lib/i18n/language';

export type ApiClient = Client<paths>;

/** Operations that take no credential: a 401 from them is a wrong password, not an expiry. */
const PUBLIC_PATHS: ReadonlySet<string> = new Set([
  '/api/v1/auth/login',
  '/api/v1/auth/mfa/verify',
  '/api/v1/auth/refresh',
  '/api/v1/auth/invitations/accept',
  '/api/v1/auth/password/forgot',
  '/api/v1/auth/password/reset',
]);

/**
 * 401s that refuse a second factor (a wrong or reused MFA code while enrolling or turning MFA
 * off), not the session: the form shows them, and the session goes on.
 */
const FACTOR_REFUSALS: ReadonlySet<string> = new Set(['mfa_code_invalid', 'mfa_code_already_used']);

async function refusesFactor(response: Response): Promise<boolean> {
  try {
    const body: unknown = await response.clone().json();
    return typeof body === 'object' && body !== null && 'code' in body && FACTOR_REFUSALS.has(String(body.code));
  } catch {
    return false;
  }
}

export interface ApiClientOptions {
  session?: SessionStore;
  language?: () => string;
  fetch?: (request: Request) => Promise<Response>;
  baseUrl?: string;
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const store = options.session ?? defaultSession;
  const language = options.language ?? currentLanguage;
  const client = createClient<paths>({
    // The API and the console share an origin (the API serves the built SPA).
    baseUrl: options.baseUrl ?? globalThis.location?.origin ?? '',
    // Late-bound so tests (and fetch stubs) installed after start-up are honoured.
    fetch: options.fetch ?? ((request: Request) => globalThis.fetch(request)),
  });

  // Requests kept (unsent copies) so a 401 can be replayed after a refresh; keyed by the
  // middleware's request id and dropped when the response arrives.
  const replayable = new Map<string, Request>();

  const auth: Middleware = {
    onRequest({ request, schemaPath, id }) {
      request.headers.set('Accept-Language', language());
      const tokens = store.getTokens();
      if (tokens && !PUBLIC_PATHS.has(schemaPath)) {
        request.headers.set('Authorization', `Bearer ${tokens.accessToken}`);
        if (store.hasRefresher()) replayable.set(id, request.clone());
      }
      return request;
    },
    async onResponse({ request, response, id, options: fetchOptions }) {
      const replay = replayable.get(id);
      replayable.delete(id);
      if (response.status !== 401 || !request.headers.has('Authorization')) return undefined;
      if (await refusesFactor(response)) return undefined;
      const accessToken = await store.refresh();
      if (accessToken && replay) {
        replay.headers.set('Authorization', `Bearer ${accessToken}`);
        const retried = await fetchOptions.fetch(replay);
        if (retried.status !== 401) return retried;
      }
      store.expire();
      return undefined;
    },
    onError({ id }) {
      replayable.delete(id);
      return undefined;
    },
  };
  client.use(auth);
  return client;
}

/** The console's client, bound to its session and current language. */
export const api = createApiClient();
