import { EventSource as FetchEventSource } from 'eventsource';
import type { EventSourceLike } from './case-stream';

/**
 * An EventSource that sends the source's headers (the signed-in session's `Authorization` among them), which the
 * browser's own EventSource cannot: the `eventsource` package (a WHATWG-compliant EventSource over `fetch`, with
 * `Last-Event-ID` on its own reconnects). The headers are read at each connection, so a silently renewed token
 * is the one sent, and the token never goes into the URL.
 */
export function headerEventSource(headers: Record<string, string>): (url: string) => EventSourceLike {
  return (url) =>
    new FetchEventSource(url, {
      fetch: (input, init) => fetch(input, { ...init, headers: { ...init.headers, ...headers } }),
    });
}
