import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bbox } from '@turf/turf';
import type { BBox, Feature } from 'geojson';
import type { PeerCity } from '../fixtures/peer-city';
import { startPeerServer, type PeerOptions, type PeerServer } from './peer-server';

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

/** The peer city's layers as GeoJSON files in `directory`, one per layer, for MapServer's OGR input. */
export function writeLayerFiles(directory: string, data: PeerCity) {
  const { regions, grids, cameras, stations } = data.city;
  const collections = { regions, grids, cameras, stations, cases: data.cases };
  for (const [name, collection] of Object.entries(collections)) {
    // Step times are nested objects, which a flat attribute table cannot hold.
    const features = collection.features.map((feature) => {
      const properties: Record<string, unknown> = { ...feature.properties };
      delete properties.stageTimes;
      return { ...feature, properties };
    });
    writeFileSync(
      join(directory, `${name}.geojson`),
      JSON.stringify({ type: 'FeatureCollection', features }),
    );
  }
  return collections;
}

export interface MapservPeer {
  /** Names the temporary folder. */
  name: string;
  /** The service's address below the peer's origin, e.g. `/wfs?map=gridboard`. */
  path: string;
  /** The mapfile for the layer files in `directory`, whose links say `base`, over `extent`. */
  mapfile: (directory: string, base: string, extent: BBox) => string;
  /** Answers a request itself (a stricter server in front), or leaves it to MapServer (false). */
  refuse?: (url: URL, response: ServerResponse) => boolean;
}

/**
 * A MapServer service of the peer city behind a bearer token (the OGC API – Features and WFS peers): the layers
 * as files, one mapfile, MapServer's CGI per request; closing removes the files.
 */
export async function startMapservPeer(
  data: PeerCity,
  token: string,
  options: PeerOptions & { onlineResource?: string },
  peer: MapservPeer,
): Promise<PeerServer & { base: string }> {
  const directory = mkdtempSync(join(tmpdir(), `gridboard-${peer.name}-`));
  const collections = writeLayerFiles(directory, data);
  const configFile = join(directory, 'mapserver.conf');
  const server = await startPeerServer((request, url, response) => {
    if (request.headers.authorization !== `Bearer ${token}`) {
      response.writeHead(401);
      response.end();
      return;
    }
    if (peer.refuse?.(url, response)) return;
    return answerWithMapserv(configFile, request, url, response);
  }, options);
  const base = `${server.origin}${peer.path}`;
  const extent = bbox({
    type: 'FeatureCollection',
    features: Object.values(collections).flatMap((collection): Feature[] => collection.features),
  });
  writeFileSync(
    join(directory, 'gridboard.map'),
    peer.mapfile(directory, options.onlineResource ?? base, extent),
  );
  writeFileSync(
    configFile,
    `CONFIG\n  MAPS\n    "gridboard" "${join(directory, 'gridboard.map')}"\n  END\nEND\n`,
  );
  return {
    ...server,
    base,
    close: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
