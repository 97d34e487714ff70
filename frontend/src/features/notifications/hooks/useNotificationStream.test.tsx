import { QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSessionStore } from '@/lib/auth/session';
import { testQueryClient } from '@/test/render';
import { notificationKeys } from '../api/keys';
import { reconnectDelay, STREAM_PATH, useNotificationStream } from './useNotificationStream';

/** A fake server: each call to fetch gets the next scripted stream (chunks, then it closes or stays open). */
function streamResponse(chunks: string[], { stayOpen = false } = {}): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      if (!stayOpen) controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

function signedInStore() {
  const store = createSessionStore(null);
  store.signIn({
    access_token: 'a1',
    refresh_token: 'r1',
    token_type: 'bearer',
    expires_in: 900,
    mfa_enrollment_required: false,
  });
  return store;
}

function setup(store = signedInStore()) {
  const queryClient = testQueryClient();
  const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const hook = renderHook(() => useNotificationStream(store), { wrapper });
  return { hook, invalidate, store };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('useNotificationStream', () => {
  it('sends the bearer token (never in the URL) and refetches the inbox when a notification arrives', async () => {
    const fetch = vi.fn(() =>
      Promise.resolve(
        streamResponse([': connected\n\n', 'event: notification\nid: 42\ndata: {"id":"n1"}\n\n'], { stayOpen: true }),
      ),
    );
    vi.stubGlobal('fetch', fetch);
    const { hook, invalidate } = setup();

    await waitFor(() => expect(hook.result.current).toBe('live'));
    await waitFor(() => expect(invalidate).toHaveBeenCalledWith({ queryKey: notificationKeys.all }));
    const [request] = fetch.mock.calls[0] as unknown as [Request];
    expect(new URL(request.url).pathname).toBe(STREAM_PATH);
    expect(new URL(request.url).search).toBe('');
    expect(request.headers.get('Authorization')).toBe('Bearer a1');
    hook.unmount();
  });

  it('reconnects after the stream drops, resuming from the last event id', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(streamResponse(['event: notification\nid: 7\ndata: {}\n\n']))
      .mockResolvedValueOnce(streamResponse([': connected\n\n'], { stayOpen: true }));
    vi.stubGlobal('fetch', fetch);
    vi.spyOn(Math, 'random').mockReturnValue(0); // shortest backoff: 500 ms
    const { hook } = setup();

    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(2), { timeout: 3000 });
    const [second] = fetch.mock.calls[1] as unknown as [Request];
    expect(second.headers.get('Last-Event-ID')).toBe('7');
    await waitFor(() => expect(hook.result.current).toBe('live'));
    hook.unmount();
  });

  it('refreshes the session when the server ends the stream as unauthenticated, and ends it if that fails', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(streamResponse(['event: end\ndata: {"reason":"unauthenticated"}\n\n']))),
    );
    const store = signedInStore();
    const refresher = vi.fn(() => Promise.resolve(null));
    store.setRefresher(refresher);
    setup(store);

    await waitFor(() => expect(store.getTokens()).toBeNull());
    expect(refresher).toHaveBeenCalledWith('r1');
    expect(store.getEndReason()).toBe('expired');
  });

  it('backs off exponentially up to 30 seconds', () => {
    expect(reconnectDelay(0, () => 1)).toBe(1000);
    expect(reconnectDelay(3, () => 0)).toBe(4000);
    expect(reconnectDelay(20, () => 1)).toBe(30_000);
  });
});
