import type { ReactNode } from 'react';
import { CurrentUserContext, type CurrentUser } from './currentUser';

/** Provided by the shell once `/me` has loaded. */
export function CurrentUserProvider({ user, children }: { user: CurrentUser; children: ReactNode }) {
  return <CurrentUserContext.Provider value={user}>{children}</CurrentUserContext.Provider>;
}
