import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { streamEvents, type ServerSentEvent } from '@/lib/api/eventStream';
import { session as defaultSession, type SessionStore } from '@/lib/auth/session';
import { notificationKeys } from '../api/keys';

export const STREAM_PATH = '/api/v1/notifications/stream';

/** Wait before reconnecting: 1 s, 2 s, 4 s… up to 30 s, with jitter so tabs don't stampede. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** attempt);
  return base / 2 + random() * (base / 2);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Events that change what the inbox shows (`job` progress alone does not). */
const INBOX_EVENTS = new Set(['notification', 'read_all', 'reset']);

export type StreamState = 'connecting' | 'live' | 'offline';

/**
 * Keep the notification inbox live: listen to the user's stream and refetch the inbox when
 * it reports a change. Reconnects with backoff (resuming from `Last-Event-ID`); when the server
 * says the credential ended (`end: unauthenticated`, or a 401) it refreshes the session once
 * and carries on, or stops if the session is over.
 */
export function useNotificationStream(store: SessionStore = defaultSession): StreamState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<StreamState>('connecting');

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    let lastEventId: string | null = null;

    const onEvent = (event: ServerSentEvent) => {
      if (event.id) lastEventId = event.id;
      if (INBOX_EVENTS.has(event.event)) void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    };

    const run = async () => {
      let attempt = 0;
      while (!signal.aborted) {
        let unauthenticated = false;
        const usedToken = store.getTokens()?.accessToken;
        try {
          const outcome = await streamEvents(STREAM_PATH, {
            signal,
            lastEventId,
            session: store,
            onOpen: () => {
              attempt = 0;
              setState('live');
              // Anything missed while away is replayed, but a refetch also fixes the count.
              if (lastEventId) void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
            },
            onEvent: (event) => {
              if (event.event === 'end') unauthenticated = event.data.includes('unauthenticated');
              else onEvent(event);
            },
          });
          unauthenticated ||= outcome === 'unauthorized';
        } catch {
          // Network failure or server error: fall through to the backoff.
        }
        if (signal.aborted) return;
        setState('offline');
        if (unauthenticated) {
          // Requests may have refreshed the session meanwhile: then just reconnect with it.
          if (store.getTokens()?.accessToken !== usedToken) continue;
          const token = await store.refresh();
          if (signal.aborted) return;
          if (!token) {
            store.expire();
            return;
          }
          continue; // a fresh credential: reconnect at once
        }
        await sleep(reconnectDelay(attempt), signal);
        attempt += 1;
      }
    };
    void run();
    return () => controller.abort();
  }, [queryClient, store]);

  return state;
}
