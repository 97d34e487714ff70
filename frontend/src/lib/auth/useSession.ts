import { useSyncExternalStore } from 'react';
import { session as defaultSession, type SessionStore, type Tokens } from './session';

/** The current tokens (or `null` when signed out); re-renders when the session changes. */
export function useSessionTokens(store: SessionStore = defaultSession): Tokens | null {
  return useSyncExternalStore(store.subscribe, store.getTokens, store.getTokens);
}
