/**
 * The signed-in session: the token pair, kept in memory and mirrored to sessionStorage.
 *
 * Why sessionStorage (and not localStorage or a cookie):
 * - the API hands out tokens in the response body and reads `Authorization: Bearer`, so a
 *   cookie would need API changes (HttpOnly refresh cookie + CSRF defence) — worth revisiting
 *   when refresh tokens land (`/auth/refresh`);
 * - memory alone would sign the user out on every reload; sessionStorage survives reloads of
 *   the tab but dies with it, is never shared with other tabs or written to disk long-term, and
 *   is never sent automatically (no CSRF exposure);
 * - like any storage JavaScript can read, it is exposed to XSS: the console renders no
 *   untrusted HTML, and access tokens are short-lived (≤ 15 min).
 *
 * Silent refresh: the app registers identity's `TokenRefresher` (`POST /auth/refresh`); when the
 * refresh is refused the session ends and the console sends the user to sign in.
 */
import type { components } from '@/api/generated/schema';

type TokenPair = components['schemas']['TokenPair'];

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds when the access token stops being accepted. */
  expiresAt: number;
  /** Epoch milliseconds of the sign-in this session started with (kept across refreshes). */
  signedInAt: number;
}

/** Why the last session ended: the sign-in page explains an expiry, not a sign-out. */
export type SessionEndReason = 'signed-out' | 'expired';

/** Exchanges a refresh token for a new pair; resolves `null` when the session cannot go on. */
export type TokenRefresher = (refreshToken: string) => Promise<TokenPair | null>;

export interface SessionStore {
  getTokens: () => Tokens | null;
  getEndReason: () => SessionEndReason | null;
  signIn: (pair: TokenPair) => void;
  /** The user chose to leave. */
  signOut: () => void;
  /** The API refused our credential (401) and it could not be refreshed. */
  expire: () => void;
  /** Try to renew the access token; resolves the new one, or `null` (the session has ended). */
  refresh: () => Promise<string | null>;
  setRefresher: (refresher: TokenRefresher | null) => void;
  hasRefresher: () => boolean;
  subscribe: (listener: () => void) => () => void;
}

const STORAGE_KEY = 'ficha.session';

function readStored(storage: Storage | null): Tokens | null {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return null;
    const value: unknown = JSON.parse(raw);
    if (
      typeof value === 'object' &&
      value !== null &&
      'accessToken' in value &&
      'refreshToken' in value &&
      'expiresAt' in value &&
      'signedInAt' in value &&
      typeof value.accessToken === 'string' &&
      typeof value.refreshToken === 'string' &&
      typeof value.expiresAt === 'number' &&
      typeof value.signedInAt === 'number'
    ) {
      const { accessToken, refreshToken, expiresAt, signedInAt } = value;
      return { accessToken, refreshToken, expiresAt, signedInAt };
    }
  } catch {
    // Corrupt or inaccessible storage: start signed out.
  }
  return null;
}

function writeStored(storage: Storage | null, tokens: Tokens | null): void {
  try {
    if (tokens) storage?.setItem(STORAGE_KEY, JSON.stringify(tokens));
    else storage?.removeItem(STORAGE_KEY);
  } catch {
    // Private mode or quota: the session still works in memory for this page.
  }
}

export function createSessionStore(storage: Storage | null, now: () => number = Date.now): SessionStore {
  let tokens = readStored(storage);
  let endReason: SessionEndReason | null = null;
  let refresher: TokenRefresher | null = null;
  let inFlight: Promise<string | null> | null = null;
  const listeners = new Set<() => void>();

  const set = (next: Tokens | null, reason: SessionEndReason | null) => {
    tokens = next;
    endReason = reason;
    writeStored(storage, next);
    listeners.forEach((listener) => listener());
  };

  const fromPair = (pair: TokenPair, signedInAt: number): Tokens => ({
    accessToken: pair.access_token,
    refreshToken: pair.refresh_token,
    expiresAt: now() + pair.expires_in * 1000,
    signedInAt,
  });

  const end = (reason: SessionEndReason) => {
    if (tokens !== null) set(null, reason);
  };

  return {
    getTokens: () => tokens,
    getEndReason: () => endReason,
    signIn: (pair) => set(fromPair(pair, now()), null),
    signOut: () => end('signed-out'),
    expire: () => end('expired'),
    setRefresher: (next) => {
      refresher = next;
    },
    hasRefresher: () => refresher !== null,
    refresh: () => {
      // Single flight: ten requests failing together trigger one refresh, not ten.
      if (inFlight) return inFlight;
      const current = tokens;
      if (!current || !refresher) return Promise.resolve(null);
      const run = refresher;
      inFlight = run(current.refreshToken)
        .catch(() => null)
        .then((pair) => {
          if (tokens !== current) return tokens?.accessToken ?? null; // signed out meanwhile
          if (!pair) {
            end('expired');
            return null;
          }
          set(fromPair(pair, current.signedInAt), null);
          return pair.access_token;
        })
        .finally(() => {
          inFlight = null;
        });
      return inFlight;
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function browserSessionStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

/** The console's one session. */
export const session = createSessionStore(browserSessionStorage());
