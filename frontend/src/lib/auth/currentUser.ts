import { createContext, useContext } from 'react';
import type { components } from '@/api/generated/schema';

export type CurrentUser = components['schemas']['MeRead'];

/** The query key of `/me`: identity loads it, screens that change the user (profile) invalidate it. */
export const ME_QUERY_KEY = ['identity', 'me'] as const;

export const CurrentUserContext = createContext<CurrentUser | null>(null);

/** The signed-in user (`/me`), for screens inside the shell (which renders them once it is known). */
export function useCurrentUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser must be used inside the signed-in shell');
  return user;
}
