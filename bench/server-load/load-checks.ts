import { VectorTile } from '@mapbox/vector-tile';
import type pg from 'pg';
import { PbfReader } from 'pbf';
import { decodeCaseColumns } from '../../src/contract/columnar/case-columns.decode';
import { columnarMediaType } from '../../src/geo/columnar/points-columnar';
import { provinceId } from './province-load';

/** The Web Mercator tile at zoom z holding a position (the slippy-map formula). */
function tileAt(lng: number, lat: number, z: number) {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  const x = Math.floor(((lng + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return { z, x, y, path: `/tiles/grids/${z}/${x}/${y}.mvt` };
}

/**
 * The three requests the load test makes: one window ending at the load's `now`, and the zoom-12 tile (a
 * screenful of grids at street level) over the middle of the loaded lattice.
 */
export function loadRequests(now: Date, middle: [number, number]) {
  const from = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  const to = now.toISOString();
  const window = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
  return {
    from,
    to,
    indicators: `/indicators?region=${provinceId}&${window}`,
    cases: `/cases?${window}`,
    tile: tileAt(middle[0], middle[1], 12),
  };
}

export const columnarAccept = `${columnarMediaType}, application/json;q=0.5`;

/**
 * Correctness of the three answers against PostgreSQL asked on its own (not through the server's SQL): the
 * province's cases reported in the window and each district's, the window's case ids, the grids meeting the tile.
 * Returns the problems found (none: the server is right).
 */
export async function checkAnswers(
  base: string,
  db: pg.Client,
  now: Date,
  columns: number,
  middle: [number, number],
): Promise<string[]> {
  const request = loadRequests(now, middle);
  const problems: string[] = [];
  const window = [request.from, request.to];

  const indicators = await fetch(`${base}${request.indicators}`);
  if (indicators.status !== 200) problems.push(`indicators answered ${indicators.status}`);
  const body = (await indicators.json()) as {
    figures: { casesReported: number };
    children: { id: string; figures: { casesReported: number } }[];
  };
  const counts = await db.query<{ district: string | null; n: number }>(
    // A grid's district by the lattice's arithmetic: grid G<n> is in column n mod columns, 50 columns a district.
    `SELECT 'D' || (substr(grid_id, 2)::int % $3 / 50) AS district, count(*)::int AS n
     FROM cases WHERE reported_at >= $1 AND reported_at < $2 GROUP BY ROLLUP (1)`,
    [...window, columns],
  );
  const total = counts.rows.find((row) => row.district === null)?.n;
  if (!total) problems.push('no case in the window: the check would prove nothing');
  if (body.figures.casesReported !== total)
    problems.push(`indicators: ${body.figures.casesReported} cases reported, SQL counts ${total}`);
  for (const child of body.children) {
    const expected = counts.rows.find((row) => row.district === child.id)?.n ?? 0;
    if (child.figures.casesReported !== expected)
      problems.push(`indicators: ${child.id} ${child.figures.casesReported} cases, SQL counts ${expected}`);
  }

  const cases = await fetch(`${base}${request.cases}`, { headers: { accept: columnarAccept } });
  if (cases.status !== 200) problems.push(`cases answered ${cases.status}`);
  const ids = await db.query<{ id: string }>(
    'SELECT id FROM cases WHERE reported_at >= $1 AND reported_at < $2 ORDER BY id',
    window,
  );
  const wire = decodeCaseColumns(await cases.arrayBuffer());
  const text = new TextDecoder();
  const served = Array.from({ length: wire.count }, (_, row) =>
    text.decode(wire.idBytes.subarray(wire.idOffsets[row] ?? 0, wire.idOffsets[row + 1] ?? 0)),
  ).sort();
  const expectedIds = ids.rows.map((row) => row.id).sort();
  if (served.length !== expectedIds.length || served.some((id, index) => id !== expectedIds[index]))
    problems.push(`cases: ${served.length} served, SQL finds ${expectedIds.length} (or other ids)`);

  const tile = await fetch(`${base}${request.tile.path}`);
  if (tile.status !== 200) problems.push(`tile answered ${tile.status}`);
  const layer = new VectorTile(new PbfReader(await tile.arrayBuffer())).layers.grids;
  const tileIds = Array.from({ length: layer?.length ?? 0 }, (_, index) =>
    String(layer?.feature(index).properties.id),
  ).sort();
  const { z, x, y } = request.tile;
  const meeting = await db.query<{ id: string }>(
    `SELECT id FROM grids
     WHERE ST_Intersects(ST_Transform(geom, 3857), ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096)) ORDER BY id`,
    [z, x, y],
  );
  const expectedTile = meeting.rows.map((row) => row.id).sort();
  if (expectedTile.length === 0) problems.push('no grid meets the tile: the check would prove nothing');
  if (tileIds.join() !== expectedTile.join())
    problems.push(`tile: ${tileIds.length} grids, SQL finds ${expectedTile.length} meeting it`);
  return problems;
}
