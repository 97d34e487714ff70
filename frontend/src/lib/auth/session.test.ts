import { describe, expect, it, vi } from 'vitest';
import { createSessionStore } from './session';

const pair = (access: string, refresh = `rt-${access}`) => ({
  access_token: access,
  refresh_token: refresh,
  token_type: 'bearer' as const,
  expires_in: 900,
  mfa_enrollment_required: false,
});

describe('session store', () => {
  it('starts signed out and keeps the tokens in memory and sessionStorage', () => {
    const store = createSessionStore(window.sessionStorage, () => 1_000);
    expect(store.getTokens()).toBeNull();
    store.signIn(pair('a1'));
    expect(store.getTokens()).toEqual({
      accessToken: 'a1',
      refreshToken: 'rt-a1',
      expiresAt: 901_000,
      signedInAt: 1_000,
    });
    // A reload (a new store over the same storage) finds the session again.
    expect(createSessionStore(window.sessionStorage).getTokens()?.accessToken).toBe('a1');
  });

  it('ignores corrupt storage', () => {
    window.sessionStorage.setItem('ficha.session', '{not json');
    expect(createSessionStore(window.sessionStorage).getTokens()).toBeNull();
    window.sessionStorage.setItem('ficha.session', JSON.stringify({ accessToken: 1 }));
    expect(createSessionStore(window.sessionStorage).getTokens()).toBeNull();
  });

  it('remembers why the session ended and tells subscribers', () => {
    const store = createSessionStore(window.sessionStorage);
    const listener = vi.fn();
    store.subscribe(listener);
    store.signIn(pair('a1'));
    store.expire();
    expect(store.getTokens()).toBeNull();
    expect(store.getEndReason()).toBe('expired');
    expect(window.sessionStorage.getItem('ficha.session')).toBeNull();
    store.signIn(pair('a2'));
    expect(store.getEndReason()).toBeNull();
    store.signOut();
    expect(store.getEndReason()).toBe('signed-out');
    expect(listener).toHaveBeenCalledTimes(4);
  });

  it('without a refresher, refreshing gives up at once', async () => {
    const store = createSessionStore(null);
    store.signIn(pair('a1'));
    await expect(store.refresh()).resolves.toBeNull();
  });

  it('refreshes once for many callers and keeps the sign-in time', async () => {
    let now = 1_000;
    const store = createSessionStore(null, () => now);
    store.signIn(pair('a1'));
    now = 2_000;
    const refresher = vi.fn((refreshToken: string) => Promise.resolve(refreshToken === 'rt-a1' ? pair('a2') : null));
    store.setRefresher(refresher);
    const results = await Promise.all([store.refresh(), store.refresh(), store.refresh()]);
    expect(results).toEqual(['a2', 'a2', 'a2']);
    expect(refresher).toHaveBeenCalledTimes(1);
    expect(store.getTokens()).toMatchObject({ accessToken: 'a2', signedInAt: 1_000, expiresAt: 902_000 });
  });

  it('expires the session when the refresh is refused or fails', async () => {
    const store = createSessionStore(null);
    store.signIn(pair('a1'));
    store.setRefresher(() => Promise.reject(new Error('offline')));
    await expect(store.refresh()).resolves.toBeNull();
    expect(store.getTokens()).toBeNull();
    expect(store.getEndReason()).toBe('expired');
  });
});
