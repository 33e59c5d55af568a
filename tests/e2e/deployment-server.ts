import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DeploymentServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * A city's web server in front of the production build, on 127.0.0.1: it serves that city's `config.json` and
 * sends its own Content-Security-Policy (the product's, with the data origins added), and passes everything else
 * to the preview server. A real server rather than Playwright routing: Chromium treats a routed document as
 * coming from nowhere in particular and refuses its requests to the loopback peers (Local Network Access).
 */
export interface Deployment {
  config: unknown;
  policy: string;
}

/** `deployment` is read per request: the peers' origins (for the policy) are known only once this one is up. */
export async function startDeploymentServer(
  upstream: string,
  deployment: () => Deployment,
): Promise<DeploymentServer> {
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    if (path.split('?')[0] === '/config.json') {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify(deployment().config));
      return;
    }
    fetch(`${upstream}${path}`, { headers: { accept: request.headers.accept ?? '*/*' } })
      .then(async (answer) => {
        const headers: Record<string, string> = {};
        answer.headers.forEach((value, name) => {
          // fetch has already decoded the body, so its encoding and length no longer apply.
          if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(name))
            headers[name] = value;
        });
        headers['content-security-policy'] = deployment().policy;
        response.writeHead(answer.status, headers);
        response.end(Buffer.from(await answer.arrayBuffer()));
      })
      .catch((error: unknown) => {
        response.writeHead(502, { 'content-type': 'text/plain' });
        response.end(error instanceof Error ? error.message : 'upstream failed');
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
