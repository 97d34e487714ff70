import { createContext, useContext } from 'react';
import type { components } from '@/api/generated/schema';

export type CurrentUser = components['schemas']['MeRead'];

export const CurrentUserContext = createContext<CurrentUser | null>(null);

/** The signed-in user (`/me`), for screens inside the shell (which renders them once it is known). */
export function useCurrentUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser must be used inside the signed-in shell');
  return user;
}
