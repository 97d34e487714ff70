/**
 * Server-sent events over `fetch`, because the API authenticates streams like every route
 * (`Authorization: Bearer`) and the browser's `EventSource` cannot send headers — tokens never
 * go in the URL (they would end up in logs and histories).
 */
import { session as defaultSession, type SessionStore } from '@/lib/auth/session';
import { currentLanguage } from '@/lib/i18n/language';

export interface ServerSentEvent {
  event: string;
  data: string;
  id: string | null;
}

/**
 * An incremental parser of `text/event-stream` (WHATWG HTML §9.2.6): feed it chunks as they
 * arrive, get back the events they complete. Comments (`: ping`) and `retry:` are skipped.
 */
export function createEventStreamParser() {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let id: string | null = null;

  const line = (text: string, out: ServerSentEvent[]) => {
    if (text === '') {
      if (data.length > 0) out.push({ event: event || 'message', data: data.join('\n'), id });
      event = '';
      data = [];
      id = null;
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) id = value;
  };

  return {
    push(chunk: string): ServerSentEvent[] {
      buffer += chunk;
      const out: ServerSentEvent[] = [];
      const lines = buffer.split(/\r\n|\r|\n/);
      buffer = lines.pop() ?? '';
      for (const text of lines) line(text, out);
      return out;
    },
  };
}

/** How a stream ended: the server closed it, or our credential was refused (401). */
export type StreamOutcome = 'closed' | 'unauthorized';

export interface StreamOptions {
  signal: AbortSignal;
  lastEventId?: string | null;
  onOpen?: () => void;
  onEvent: (event: ServerSentEvent) => void;
  session?: SessionStore;
}

/**
 * Open `path` as an event stream with the session's token and deliver its events until it
 * ends. Rejects on a network failure or an unexpected status (the caller reconnects).
 */
export async function streamEvents(path: string, options: StreamOptions): Promise<StreamOutcome> {
  const store = options.session ?? defaultSession;
  const headers = new Headers({ Accept: 'text/event-stream', 'Accept-Language': currentLanguage() });
  const tokens = store.getTokens();
  if (tokens) headers.set('Authorization', `Bearer ${tokens.accessToken}`);
  if (options.lastEventId) headers.set('Last-Event-ID', options.lastEventId);
  const response = await globalThis.fetch(
    new Request(new URL(path, globalThis.location.origin), { headers, signal: options.signal }),
  );
  if (response.status === 401) return 'unauthorized';
  if (!response.ok || !response.body) throw new Error(`event stream answered ${response.status}`);
  options.onOpen?.();
  const parser = createEventStreamParser();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return 'closed';
    for (const event of parser.push(decoder.decode(value, { stream: true }))) options.onEvent(event);
  }
}
