import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { PeerCity } from '../fixtures/peer-city';
import { startPeerServer, type PeerOptions, type PeerServer } from './peer-server';

/**
 * Koop (@koopjs/koop-core with the GeoJSON file provider) serving the peer city as ArcGIS FeatureServer layers,
 * one service per layer (`…/file-geojson/rest/services/grids/FeatureServer/0`), behind the shared node:http
 * wrapper that checks the token, records requests and injects failures. Every layer declares `maxRecordCount`
 * (below the grids' and the cases' counts), so the adapter must page with resultOffset until
 * exceededTransferLimit is false.
 */
export async function startKoopPeer(
  data: PeerCity,
  token: string,
  maxRecordCount: number,
  options: PeerOptions = {},
): Promise<PeerServer & { layerUrl(layer: string): string }> {
  // Koop reads its `config` directory at load time; the peer has none to give.
  process.env.SUPPRESS_NO_CONFIG_WARNING = '1';
  const [{ default: Koop }, { default: fileGeoJson }] = await Promise.all([
    import('@koopjs/koop-core'),
    import('@koopjs/provider-file-geojson'),
  ]);
  const directory = mkdtempSync(join(tmpdir(), 'gridboard-koop-'));
  const { regions, grids, cameras, stations } = data.city;
  const collections = { regions, grids, cameras, stations, cases: data.cases };
  mkdirSync(directory, { recursive: true });
  for (const [name, collection] of Object.entries(collections)) {
    const features = collection.features.map((feature, index) => {
      // A flat attribute table (no nested step times) with an integer object id, as a geodatabase has.
      const properties: Record<string, unknown> = { ...feature.properties, OBJECTID: index + 1 };
      delete properties.stageTimes;
      return { ...feature, properties };
    });
    writeFileSync(
      join(directory, `${name}.geojson`),
      JSON.stringify({
        type: 'FeatureCollection',
        metadata: { name, maxRecordCount, idField: 'OBJECTID' },
        features,
      }),
    );
  }
  const koop = new Koop({ logLevel: 'error' });
  // The provider resolves its data directory against the working directory.
  koop.register(fileGeoJson, { dataDir: relative(process.cwd(), directory) });
  const server = await startPeerServer((request, _url, response) => {
    if (request.headers.authorization !== `Bearer ${token}`) {
      response.writeHead(401);
      response.end();
      return;
    }
    return new Promise<void>((resolve) => {
      response.on('close', resolve);
      koop.server(request, response);
    });
  }, options);
  return {
    ...server,
    layerUrl: (layer) => `${server.origin}/file-geojson/rest/services/${layer}/FeatureServer/0`,
    close: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
