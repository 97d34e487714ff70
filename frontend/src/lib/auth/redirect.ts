/**
 * Where sign-in sends the user afterwards. The target travels in the URL (`?next=`), so it
 * survives a reload of the sign-in page; it must be a path of this console (no open redirect).
 */
import type { Location } from 'react-router';
import type { SessionEndReason } from './session';

export const SIGN_IN_PATH = '/sign-in';

export function safeNextPath(raw: string | null | undefined): string | null {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return null;
  if (raw === SIGN_IN_PATH || raw.startsWith(`${SIGN_IN_PATH}?`)) return null;
  return raw;
}

export function signInPath(
  from?: Pick<Location, 'pathname' | 'search' | 'hash'>,
  reason?: SessionEndReason | null,
): string {
  const params = new URLSearchParams();
  const next = from ? safeNextPath(`${from.pathname}${from.search}${from.hash}`) : null;
  if (next && next !== '/') params.set('next', next);
  if (reason === 'expired') params.set('reason', 'expired');
  const query = params.toString();
  return query ? `${SIGN_IN_PATH}?${query}` : SIGN_IN_PATH;
}
