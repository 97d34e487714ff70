import type { TokenRefresher } from '@/lib/auth/session';
import { api } from '@/lib/api/client';

/**
 * The session's `TokenRefresher`: rotate the refresh token for a new pair. A refusal (revoked,
 * expired, reused) resolves `null` and the session ends; a network failure rejects, which the
 * session also treats as the end (it cannot tell how long the outage lasts).
 */
export const refreshTokens: TokenRefresher = async (refreshToken) => {
  const { data, response } = await api.POST('/api/v1/auth/refresh', { body: { refresh_token: refreshToken } });
  return response.ok && data ? data : null;
};
