import { afterEach, describe, expect, it, vi } from 'vitest';
import { headerEventSource } from './header-event-source';

afterEach(() => vi.unstubAllGlobals());

/** A stream answer holding one case event, as the server sends it. */
const streamAnswer = () =>
  new Response('retry: 3000\n\nid: 7\nevent: case\ndata: {"id":"A"}\n\n', {
    headers: { 'content-type': 'text/event-stream' },
  });

describe('the case stream with headers', () => {
  it('sends the session’s token in the header (read afresh per connection), never in the URL', async () => {
    const asked: { url: string; headers: Record<string, string> }[] = [];
    vi.stubGlobal('fetch', (url: string | URL, init: { headers: Record<string, string> }) => {
      asked.push({ url: String(url), headers: init.headers });
      return Promise.resolve(streamAnswer());
    });
    let token = 'first-token';
    const headers = Object.defineProperty({ 'X-Tenant': 'jincheng' }, 'Authorization', {
      enumerable: true,
      get: () => `Bearer ${token}`,
    }) as Record<string, string>;
    const open = headerEventSource(headers);
    const first = open('http://127.0.0.1/api/cases/stream');
    const received = await new Promise<MessageEvent>((resolve) =>
      first.addEventListener('case', (event) => resolve(event as MessageEvent)),
    );
    expect(received.data).toBe('{"id":"A"}');
    expect(received.lastEventId).toBe('7');
    first.close();
    token = 'renewed-token';
    const second = open('http://127.0.0.1/api/cases/stream?lastEventId=7');
    await new Promise((resolve) => second.addEventListener('open', resolve));
    second.close();
    expect(asked.map((request) => request.headers.Authorization)).toEqual([
      'Bearer first-token',
      'Bearer renewed-token',
    ]);
    expect(asked.every((request) => request.headers['X-Tenant'] === 'jincheng')).toBe(true);
    expect(asked.every((request) => request.headers.Accept === 'text/event-stream')).toBe(true);
    expect(asked.map((request) => request.url).join()).not.toContain('token');
  });
});
