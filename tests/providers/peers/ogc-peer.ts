import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { PeerCity } from '../fixtures/peer-city';
import { startMapservPeer } from './mapserv-cgi';
import type { PeerOptions, PeerServer } from './peer-server';

/**
 * MapServer 8 (Debian's mapserver-bin) publishing the peer city through its OGC API – Features, run as CGI behind
 * a node:http wrapper (mapserv-cgi.ts) that records requests and injects failures like the other peers.
 */
export function mapservMissing(): string | undefined {
  const probe = spawnSync('mapserv', ['-v'], { encoding: 'utf8' });
  if (probe.error)
    return 'mapserv is not installed: run scripts/ensure-peers.sh (apt-get install mapserver-bin)';
  if (!probe.stdout.includes('OGCAPI_SERVER')) return `mapserv lacks OGC API support: ${probe.stdout.trim()}`;
  return undefined;
}

export const layerType = {
  regions: 'POLYGON',
  grids: 'POLYGON',
  cameras: 'POINT',
  stations: 'POINT',
  cases: 'POINT',
} as const;

function mapfile(
  directory: string,
  onlineResource: string,
  extent: readonly number[],
  maxLimit: number | undefined,
): string {
  const layers = Object.entries(layerType).map(
    ([name, type]) => `
  LAYER
    NAME "${name}"
    TYPE ${type}
    STATUS ON
    CONNECTIONTYPE OGR
    CONNECTION "${join(directory, `${name}.geojson`)}"
    # Without this OGR parses "…+08:00" as a date-time and MapServer writes it back as "…Z": 8 hours off.
    CONNECTIONOPTIONS "DATE_AS_STRING" "YES" END
    TEMPLATE "void"
    PROJECTION "init=epsg:4326" END
    METADATA
      "oga_title" "${name}"
      "oga_featureid" "id"
      "gml_include_items" "all"
      "gml_types" "auto"
    END
  END`,
  );
  // MapServer answers items only inside the map's EXTENT (numberMatched included), so it must hold all the data.
  return `MAP
  NAME "gridboard"
  EXTENT ${extent.join(' ')}
  PROJECTION "init=epsg:4326" END
  WEB
    METADATA
      "oga_onlineresource" "${onlineResource}"
      "oga_title" "示范市网格化治理 (MapServer)"
      "oga_enable_request" "*"${maxLimit === undefined ? '' : `\n      "oga_max_limit" "${maxLimit}"`}
    END
  END${layers.join('')}
END
`;
}

export interface OgcPeerOptions extends PeerOptions {
  /** MapServer's own largest `limit` (`oga_max_limit`): a larger one is clamped, the rest paged with `next`. */
  maxLimit?: number;
  /**
   * A stricter server in front: `limit` above this is refused with 400 and an OGC exception naming the range,
   * as servers that do not clamp answer.
   */
  refuseLimitAbove?: number;
  /** The address MapServer writes into its links (`oga_onlineresource`): a proxy's internal host, say. */
  onlineResource?: string;
}

export function startOgcPeer(
  data: PeerCity,
  token: string,
  options: OgcPeerOptions = {},
): Promise<PeerServer & { base: string }> {
  return startMapservPeer(data, token, options, {
    name: 'ogc',
    path: '/gridboard/ogcapi',
    mapfile: (directory, base, extent) => mapfile(directory, base, extent, options.maxLimit),
    refuse: (url, response) => {
      const limit = Number(url.searchParams.get('limit') ?? 0);
      if (options.refuseLimitAbove === undefined || limit <= options.refuseLimitAbove) return false;
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          code: 'InvalidParameterValue',
          description: `Invalid limit: must be between 1 and ${options.refuseLimitAbove}`,
        }),
      );
      return true;
    },
  });
}
