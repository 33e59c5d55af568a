/**
 * What the contract suite needs from a server: a base URL and a fetch. The helpers read JSON and Server-Sent
 * Events with nothing but fetch, so the same suite runs against the MSW mock in Node and against a real server.
 */
export interface ContractClient {
  baseUrl: string;
  fetch: typeof fetch;
  /** Sent with every request (a deployment's `Authorization`, say), under the request's own. */
  headers?: Record<string, string>;
}

/** The client's headers with the request's own on top. */
export const withHeaders = (client: ContractClient, init?: RequestInit): RequestInit => ({
  ...init,
  headers: { ...client.headers, ...Object.fromEntries(new Headers(init?.headers).entries()) },
});

export interface JsonReply {
  status: number;
  body: unknown;
}

export async function getJson(client: ContractClient, path: string, init?: RequestInit): Promise<JsonReply> {
  const response = await client.fetch(`${client.baseUrl}${path}`, withHeaders(client, init));
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

export const putJson = (client: ContractClient, path: string, body: unknown) =>
  getJson(client, path, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

export interface StreamEvent {
  id: string | undefined;
  event: string;
  data: string;
}

/** Parse complete SSE frames out of a buffer; returns the events and what is left of an unfinished frame. */
export function parseFrames(buffer: string): { events: StreamEvent[]; rest: string } {
  const frames = buffer.replaceAll('\r\n', '\n').split('\n\n');
  const rest = frames.pop() ?? '';
  const events: StreamEvent[] = [];
  for (const frame of frames) {
    let id: string | undefined;
    let event = 'message';
    const data: string[] = [];
    for (const line of frame.split('\n')) {
      const colon = line.indexOf(':');
      if (colon === 0) continue;
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0) events.push({ id, event, data: data.join('\n') });
  }
  return { events, rest };
}

/** Read `count` events from the stream (or fewer if `timeoutMs` passes first), then hang up. */
export async function readEvents(
  client: ContractClient,
  options: { count: number; timeoutMs: number; lastEventId?: string },
): Promise<StreamEvent[]> {
  const controller = new AbortController();
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (options.lastEventId !== undefined) headers['last-event-id'] = options.lastEventId;
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  const events: StreamEvent[] = [];
  try {
    const response = await client.fetch(
      `${client.baseUrl}/cases/stream`,
      withHeaders(client, { headers, signal: controller.signal }),
    );
    if (!response.ok || !response.body) throw new Error(`stream answered HTTP ${response.status}`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    while (events.length < options.count) {
      const chunk = await reader.read();
      if (chunk.done) break;
      const parsed = parseFrames(buffer + chunk.value);
      buffer = parsed.rest;
      events.push(...parsed.events);
    }
    await reader.cancel();
  } catch (error) {
    if (!(error instanceof Error && error.name === 'AbortError')) throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return events.slice(0, options.count);
}
