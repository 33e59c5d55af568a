import { join } from 'node:path';
import type { PeerCity } from '../fixtures/peer-city';
import { startMapservPeer } from './mapserv-cgi';
import { layerType } from './ogc-peer';
import type { PeerOptions, PeerServer } from './peer-server';

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

export function startWfsPeer(
  data: PeerCity,
  token: string,
  options: WfsPeerOptions,
): Promise<PeerServer & { base: string }> {
  return startMapservPeer(data, token, options, {
    name: 'wfs',
    path: '/wfs?map=gridboard',
    mapfile: (directory, base, extent) => mapfile(directory, base, extent, options),
  });
}
