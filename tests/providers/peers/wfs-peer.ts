import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bbox } from '@turf/turf';
import type { Feature } from 'geojson';
import type { PeerCity } from '../fixtures/peer-city';
import { answerWithMapserv } from './mapserv-cgi';
import { layerType, writeLayerFiles } from './ogc-peer';
import { startPeerServer, type PeerOptions, type PeerServer } from './peer-server';

/**
 * MapServer 8 publishing the peer city as OGC WFS (2.0, 1.1), the way a city's GIS server does: GML 3.2 always,
 * GeoJSON as well when `geojson` is set (an OGR output format listed in GetCapabilities), EPSG:4326, 4490 and 3857
 * offered, answers capped at `maxFeatures` when set.
 */
export interface WfsPeerOptions extends PeerOptions {
  geojson: boolean;
  /** The server's cap on one answer (`wfs_maxfeatures`, WFS 2.0 CountDefault); none when absent. */
  maxFeatures?: number;
}

function mapfile(
  directory: string,
  onlineResource: string,
  extent: readonly number[],
  { geojson, maxFeatures }: WfsPeerOptions,
): string {
  const layers = Object.entries(layerType).map(
    ([name, type]) => `
  LAYER
    NAME "${name}"
    TYPE ${type}
    STATUS ON
    CONNECTIONTYPE OGR
    CONNECTION "${join(directory, `${name}.geojson`)}"
    CONNECTIONOPTIONS "DATE_AS_STRING" "YES" END
    TEMPLATE "void"
    PROJECTION "init=epsg:4326" END
    METADATA
      "wfs_title" "${name}"
      "wfs_featureid" "id"
      "gml_include_items" "all"
      "gml_types" "auto"
    END
  END`,
  );
  const output = geojson
    ? `
  OUTPUTFORMAT
    NAME "geojson"
    DRIVER "OGR/GEOJSON"
    MIMETYPE "application/json; subtype=geojson"
    FORMATOPTION "STORAGE=stream"
    FORMATOPTION "FORM=SIMPLE"
  END`
    : '';
  return `MAP
  NAME "gridboard"
  EXTENT ${extent.join(' ')}
  PROJECTION "init=epsg:4326" END${output}
  WEB
    METADATA
      "wfs_onlineresource" "${onlineResource}"
      "wfs_title" "示范市网格化治理 (MapServer WFS)"
      "wfs_enable_request" "*"
      "wfs_srs" "EPSG:4326 EPSG:4490 EPSG:3857"
      ${maxFeatures === undefined ? '' : `"wfs_maxfeatures" "${maxFeatures}"`}
      ${geojson ? '"wfs_getfeature_formatlist" "geojson"' : ''}
    END
  END${layers.join('')}
END
`;
}

export async function startWfsPeer(
  data: PeerCity,
  token: string,
  options: WfsPeerOptions,
): Promise<PeerServer & { base: string }> {
  const directory = mkdtempSync(join(tmpdir(), 'gridboard-wfs-'));
  const collections = writeLayerFiles(directory, data);
  const configFile = join(directory, 'mapserver.conf');
  const server = await startPeerServer((request, url, response) => {
    if (request.headers.authorization !== `Bearer ${token}`) {
      response.writeHead(401);
      response.end();
      return;
    }
    return answerWithMapserv(configFile, request, url, response);
  }, options);
  const base = `${server.origin}/wfs?map=gridboard`;
  const extent = bbox({
    type: 'FeatureCollection',
    features: Object.values(collections).flatMap((collection): Feature[] => collection.features),
  });
  writeFileSync(join(directory, 'gridboard.map'), mapfile(directory, base, extent, options));
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
