import { spawn } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * MapServer run as CGI behind a node:http peer: each request spawns `mapserv` with the CGI environment (~100 ms),
 * which keeps a peer to one process we own and lets the wrapper record requests and inject failures. Shared by the
 * OGC API – Features and WFS peers.
 */

/** Parse a CGI answer: header lines, a blank line, the body. */
function cgiResponse(output: Buffer): { status: number; headers: Record<string, string>; body: Buffer } {
  const text = output.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const headerText = end < 0 ? '' : text.slice(0, end);
  const separator = end < 0 ? 0 : (/\r?\n\r?\n/.exec(text.slice(end))?.[0].length ?? 2);
  const headers: Record<string, string> = {};
  let status = 200;
  for (const line of headerText.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'status') status = Number.parseInt(value, 10);
    else headers[name] = value;
  }
  return { status, headers, body: output.subarray(end < 0 ? 0 : end + separator) };
}

/** Answer one request with mapserv, configured by `configFile` (a MapServer 8 CONFIG naming the maps). */
export function answerWithMapserv(
  configFile: string,
  request: IncomingMessage,
  url: URL,
  response: ServerResponse,
): Promise<void> {
  return new Promise<void>((resolve) => {
    const child = spawn('mapserv', [], {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        MAPSERVER_CONFIG_FILE: configFile,
        REQUEST_METHOD: 'GET',
        GATEWAY_INTERFACE: 'CGI/1.1',
        PATH_INFO: url.pathname,
        QUERY_STRING: url.search.slice(1),
        SERVER_NAME: '127.0.0.1',
        SERVER_PORT: url.port,
        HTTP_ACCEPT: request.headers.accept ?? '*/*',
      },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('close', () => {
      const answer = cgiResponse(Buffer.concat(chunks));
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body);
      resolve();
    });
  });
}
