import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { getResponse, type RequestHandler } from 'msw';
import { contentSecurityPolicy } from '../../csp.config';

export interface DataServer {
  origin: string;
  /** How many data requests (`/api/…`) it has answered. */
  apiRequests: () => number;
  close(): Promise<void>;
}

/**
 * A production deployment on 127.0.0.1: the build (from the preview server) with a `config.json` whose data
 * come from a real HTTP API (`mock: false`), answered here by the mock's own handlers through msw's `getResponse`
 * (the same contract the app reads in demo mode, but over the network, so the app's service worker and its kept
 * data are what a deployment gets). Streams (the live cases) are piped as they come.
 */
export async function startDataServer(
  upstream: string,
  config: unknown,
  /** The handlers for this server's origin (known once it listens): the mock builds its links from it. */
  handlersFor: (origin: string) => RequestHandler[],
): Promise<DataServer> {
  let apiRequests = 0;
  let handlers: RequestHandler[] = [];
  let origin = '';
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    const url = new URL(path, origin);
    if (url.pathname === '/config.json') {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify(config));
      return;
    }
    const answer = url.pathname.startsWith('/api/')
      ? (apiRequests++,
        getResponse(
          handlers,
          new Request(`${origin}${path}`, {
            method: request.method ?? 'GET',
            headers: { accept: request.headers.accept ?? '*/*' },
          }),
        ).then((found) => found ?? new Response('not found', { status: 404 })))
      : fetch(`${upstream}${path}`, { headers: { accept: request.headers.accept ?? '*/*' } });
    answer
      .then((found) => {
        const headers: Record<string, string> = {};
        found.headers.forEach((value, name) => {
          // fetch has already decoded the body, so its encoding and length no longer apply.
          if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(name))
            headers[name] = value;
        });
        headers['content-security-policy'] = contentSecurityPolicy;
        response.writeHead(found.status, headers);
        if (!found.body) response.end();
        else Readable.fromWeb(found.body as WebReadableStream).pipe(response);
      })
      .catch((error: unknown) => {
        response.writeHead(502, { 'content-type': 'text/plain' });
        response.end(error instanceof Error ? error.message : 'upstream failed');
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  handlers = handlersFor(origin);
  return {
    origin,
    apiRequests: () => apiRequests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
