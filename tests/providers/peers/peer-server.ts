import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a peer saw of one request: enough to check that credentials travelled in headers, never in URLs. */
export interface RecordedRequest {
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

export type FailureMode = 'http500' | 'html';

/**
 * A node:http server on 127.0.0.1 that records every request and can be told to fail the next one, shared by the
 * Open311, files and OGC peers so the contract suite can break any of them the same way.
 */
export interface PeerServer {
  origin: string;
  requests: RecordedRequest[];
  failNext(mode: FailureMode): void;
  /** Fail every request until `work` settles: background reads (a case join's grids) cannot take the failure. */
  failDuring<T>(mode: FailureMode, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface PeerOptions {
  /**
   * The dashboard's origin, for a peer read by the app in a browser: answered with CORS headers and preflights
   * (a request with an Authorization header is preflighted), as a city's server must be set up for the dashboard.
   */
  allowOrigin?: string;
}

export async function startPeerServer(
  handle: (request: IncomingMessage, url: URL, response: ServerResponse) => void | Promise<void>,
  options: PeerOptions = {},
): Promise<PeerServer> {
  const requests: RecordedRequest[] = [];
  let failure: FailureMode | undefined;
  let failingAll: FailureMode | undefined;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (options.allowOrigin !== undefined && request.headers.origin === options.allowOrigin) {
      response.setHeader('access-control-allow-origin', options.allowOrigin);
      response.setHeader('vary', 'Origin');
      if (request.method === 'OPTIONS') {
        // The preflight carries no credentials; the request that follows it does.
        response.writeHead(204, {
          'access-control-allow-methods': 'GET',
          'access-control-allow-headers': 'authorization, accept',
          'access-control-max-age': '600',
        });
        response.end();
        return;
      }
    }
    requests.push({ url: request.url ?? '', headers: { ...request.headers } });
    if (failure ?? failingAll) {
      const mode = failure ?? failingAll;
      failure = undefined;
      response.writeHead(mode === 'http500' ? 500 : 200, {
        'content-type': mode === 'html' ? 'text/html' : 'text/plain',
      });
      response.end(
        mode === 'html' ? '<!doctype html><title>Login</title><p>Please sign in</p>' : 'internal error',
      );
      return;
    }
    Promise.resolve(handle(request, url, response)).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(error instanceof Error ? error.message : 'peer failed');
    });
  });
  // Node's 5 s keep-alive races the test's fetch (undici) on a loaded machine: the client reuses a socket the
  // server is just closing, and the read fails as "cannot reach" with no fault in the adapter. A peer lives for
  // one test file, so its idle sockets are kept for a minute instead.
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    failNext: (mode) => {
      failure = mode;
    },
    failDuring: async (mode, work) => {
      failingAll = mode;
      try {
        return await work();
      } finally {
        failingAll = undefined;
      }
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  type = 'application/json',
): void {
  response.writeHead(status, { 'content-type': type });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}
