import { VectorTile } from '@mapbox/vector-tile';
import { booleanPointInPolygon } from '@turf/turf';
import type { Polygon, MultiPolygon } from 'geojson';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { gridsSchema, metaSchema } from '../../src/contract/schemas/contract.schema';
import { serverOnCopiedDatabase } from './server-harness';

/** `GET /tiles/{layer}/{z}/{x}/{y}.mvt`: what a tile holds, checked against PostGIS asked on its own. */

// A copy of the seeded city: these saves must not change what the other files compare with the mock.
const server = serverOnCopiedDatabase('tiles');

/** The Web Mercator tile at zoom z holding a position (the slippy-map formula). */
function tileAt(lng: number, lat: number, z: number): [number, number, number] {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  const x = Math.floor(((lng + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return [z, x, y];
}

async function tileUrl(layer: 'grids' | 'regions', [z, x, y]: [number, number, number]) {
  const meta = metaSchema.parse(await (await fetch(`${server.base}/meta`)).json());
  const template = layer === 'grids' ? meta.tiles?.grids : meta.tiles?.regions;
  if (!template) throw new Error(`meta advertises no ${layer} tiles`);
  return `${server.base}${template.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y))}`;
}

const decode = async (reply: Response) => new VectorTile(new PbfReader(await reply.arrayBuffer()));

/** A point inside the n-th grid (city order), and the tile at zoom 14 holding it. */
async function gridPoint(offset: number) {
  const { rows } = await server.db.query<{ id: string; community_id: string; lng: number; lat: number }>(
    `SELECT id, community_id, ST_X(p) AS lng, ST_Y(p) AS lat
     FROM (SELECT id, community_id, sort, ST_PointOnSurface(geom) AS p FROM grids) g ORDER BY sort OFFSET $1 LIMIT 1`,
    [offset],
  );
  const row = rows[0];
  if (!row) throw new Error('no grid');
  return { ...row, tile: tileAt(row.lng, row.lat, 14) };
}

describe('GET /tiles', () => {
  it('/meta advertises the grid and region tiles; a grid tile holds exactly the grids that intersect it, with their properties', async () => {
    const { id, lng, lat, tile } = await gridPoint(100);
    const reply = await fetch(await tileUrl('grids', tile));
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    expect(reply.headers.get('etag')).toMatch(/^"grids-[0-9a-f]{32}"$/);
    const layer = (await decode(reply)).layers.grids;
    if (!layer) throw new Error('no grids layer');
    const features = Array.from({ length: layer.length }, (_, index) => layer.feature(index));
    // PostGIS asked on its own: the grids whose outline meets the tile with its 64-unit buffer, in Mercator.
    const [z, x, y] = tile;
    const expected = await server.db.query<Record<string, unknown>>(
      `SELECT id, code, name, community_id AS "communityId", type, households, population,
              worker_name AS "workerName", version
       FROM grids WHERE ST_Intersects(ST_Transform(geom, 3857), ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096))
       ORDER BY id`,
      [z, x, y],
    );
    expect(expected.rows.length).toBeGreaterThan(1);
    const decoded = features
      .map((feature) => feature.properties)
      .sort((a, b) => String(a.id).localeCompare(String(b.id)));
    expect(decoded).toEqual(expected.rows);
    // The grid's outline is where it belongs: its interior point falls inside the decoded polygon.
    const grid = features.find((feature) => feature.properties.id === id);
    const geometry = grid?.toGeoJSON(x, y, z).geometry as Polygon | MultiPolygon | undefined;
    if (!geometry) throw new Error(`grid ${id} is not in its tile`);
    expect(booleanPointInPolygon([lng, lat], geometry)).toBe(true);
  });

  it('a tile away from the city is empty; a region tile holds the community under a grid', async () => {
    const empty = await fetch(await tileUrl('grids', [14, 0, 0]));
    expect(empty.status).toBe(200);
    expect(Object.keys((await decode(empty)).layers)).toEqual([]);
    const { community_id: community, tile } = await gridPoint(200);
    const regions = (await decode(await fetch(await tileUrl('regions', tile)))).layers.regions;
    if (!regions) throw new Error('no regions layer');
    const ids = Array.from({ length: regions.length }, (_, index) => regions.feature(index).properties.id);
    expect(ids).toContain(community);
  });

  it('answers 304 to its ETag until a plan save of a grid in the tile changes it; other tiles keep theirs', async () => {
    const { community_id: community, tile } = await gridPoint(300);
    const url = await tileUrl('grids', tile);
    const elsewhere = await tileUrl('grids', (await gridPoint(3000)).tile);
    const etag = (await fetch(url)).headers.get('etag') ?? '';
    const otherEtag = (await fetch(elsewhere)).headers.get('etag') ?? '';
    expect((await fetch(url, { headers: { 'if-none-match': etag } })).status).toBe(304);
    const grids = gridsSchema.parse(
      await (await fetch(`${server.base}/grids?community=${community}`)).json(),
    ).features;
    const version = Math.max(...grids.map((grid) => grid.properties.version));
    const saved = await fetch(`${server.base}/grids?community=${community}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ baseVersion: version, grids: { type: 'FeatureCollection', features: grids } }),
    });
    expect(saved.status).toBe(200);
    const after = await fetch(url, { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const versions = (await decode(after)).layers.grids;
    const savedVersions = Array.from({ length: versions?.length ?? 0 }, (_, index) =>
      versions?.feature(index),
    )
      .filter((feature) => feature?.properties.communityId === community)
      .map((feature) => feature?.properties.version);
    expect(savedVersions.length).toBeGreaterThan(0);
    expect(new Set(savedVersions)).toEqual(new Set([version + 1]));
    expect((await fetch(elsewhere, { headers: { 'if-none-match': otherEtag } })).status).toBe(304);
  });

  it.each([
    'tiles/cameras/1/0/0.mvt',
    'tiles/grids/-1/0/0.mvt',
    'tiles/grids/01/0/0.mvt',
    'tiles/grids/1/2/0.mvt',
    'tiles/grids/1/0/2.mvt',
    'tiles/grids/23/0/0.mvt',
    'tiles/grids/1/0/0.png',
    'tiles/grids/1/0/1.5.mvt',
    "tiles/grids/1/0/0';DROP TABLE grids;--.mvt",
    `tiles/grids/1/0/${'9'.repeat(90)}.mvt`,
  ])('answers %s with 400 bad_tile', async (path) => {
    const reply = await fetch(`${server.base}/${path}`);
    expect(reply.status).toBe(400);
    expect(((await reply.json()) as { error: string }).error).toBe('bad_tile');
  });
});
