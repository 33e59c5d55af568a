import { Delaunay } from 'd3-delaunay';
import type { Position } from 'geojson';
import type { GridFeature } from '../src/geo/join/flat-grids';
import { gaussian, seededRandom } from './random';

/** Shanxi province's extent: the scale of the 70,000 grids. */
export const provinceExtent = [110.2, 34.6, 114.6, 40.7] as const;

/** Eleven prefecture-level city centres, roughly where Shanxi's are: grids and cases crowd around them. */
export const cityCentres: [number, number][] = [
  [112.55, 37.87],
  [113.3, 40.08],
  [113.58, 37.86],
  [113.12, 36.2],
  [112.85, 35.49],
  [112.43, 39.33],
  [112.75, 37.69],
  [111.0, 35.03],
  [112.73, 38.42],
  [111.52, 36.08],
  [111.14, 37.52],
];

/** Seeds: a third crowded around the cities (small urban grids), the rest spread over the province (rural ones). */
function gridSeeds(count: number, random: () => number): [number, number][] {
  const [west, south, east, north] = provinceExtent;
  return Array.from({ length: count }, () => {
    if (random() < 0.35) {
      const [x, y] = cityCentres[Math.floor(random() * cityCentres.length)] ?? [112, 37];
      return [
        clamp(x + gaussian(random) * 0.12, west, east),
        clamp(y + gaussian(random) * 0.12, south, north),
      ];
    }
    return [west + random() * (east - west), south + random() * (north - south)];
  });
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/**
 * A tessellation of the province into exactly `gridCount` grids: Voronoi cells of the seeds, where every 50th cell
 * gets a hole whose exact shape is either a separate island grid (every 100th) or an exclave part of a neighbouring
 * cell (a MultiPolygon), as villages' enclaves are. Shared boundaries carry identical coordinates, as a real
 * topology-clean grid layer does.
 */
export function syntheticGrids(gridCount: number, seed: number): GridFeature[] {
  let seedCount = gridCount;
  while (seedCount + Math.ceil(seedCount / 100) > gridCount) seedCount -= 1;
  const random = seededRandom(seed);
  const seeds = gridSeeds(seedCount, random);
  const voronoi = Delaunay.from(seeds).voronoi([...provinceExtent]);
  const parts: Position[][][][] = seeds.map((_, index) => [[voronoi.cellPolygon(index) as Position[]]]);
  const islands: Position[][] = [];
  for (let index = 0; index < seedCount; index += 50) {
    const exterior = parts[index]?.[0]?.[0];
    if (!exterior) continue;
    const inner = shrinkTowardsCentroid(exterior, 0.35);
    parts[index]?.[0]?.push([...inner].reverse());
    if (index % 100 === 0) islands.push(inner);
    else parts[nearestOtherCell(voronoi.delaunay, index)]?.push([inner]);
  }
  const features: GridFeature[] = parts.map((polygons, index) => ({
    type: 'Feature',
    properties: { id: `grid-${index}` },
    geometry:
      polygons.length === 1
        ? { type: 'Polygon', coordinates: polygons[0] ?? [] }
        : { type: 'MultiPolygon', coordinates: polygons },
  }));
  islands.forEach((ring, index) =>
    features.push({
      type: 'Feature',
      properties: { id: `island-${index}` },
      geometry: { type: 'Polygon', coordinates: [ring] },
    }),
  );
  return features;
}

function nearestOtherCell(delaunay: Delaunay<Delaunay.Point>, index: number): number {
  for (const neighbour of delaunay.neighbors(index)) return neighbour;
  return index;
}

function shrinkTowardsCentroid(ring: Position[], factor: number): Position[] {
  const corners = ring.slice(0, -1);
  const cx = corners.reduce((sum, position) => sum + (position[0] ?? 0), 0) / corners.length;
  const cy = corners.reduce((sum, position) => sum + (position[1] ?? 0), 0) / corners.length;
  const shrunk = corners.map(([x = 0, y = 0]): Position => [cx + (x - cx) * factor, cy + (y - cy) * factor]);
  return [...shrunk, shrunk[0] ?? [cx, cy]];
}
