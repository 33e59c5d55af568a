import type { GridFeature } from '../src/geo/join/flat-grids';
import { cityCentres, provinceExtent } from './synthetic-grids';
import { gaussian, seededRandom } from './random';

/**
 * `count` points as interleaved longitude, latitude: 60 % crowded around the cities (cases follow people), 38 %
 * spread over the province and a margin outside it, and 2 % placed exactly on grid vertices and on points rounded
 * onto grid edges, where the tie-break between neighbouring grids is decided.
 */
export function syntheticPoints(count: number, grids: GridFeature[], seed: number): Float64Array {
  const random = seededRandom(seed);
  const [west, south, east, north] = provinceExtent;
  const positions = new Float64Array(count * 2);
  for (let point = 0; point < count; point++) {
    const draw = random();
    let x: number;
    let y: number;
    if (draw < 0.6) {
      const [cx, cy] = cityCentres[Math.floor(random() * cityCentres.length)] ?? [112, 37];
      x = cx + gaussian(random) * 0.1;
      y = cy + gaussian(random) * 0.1;
    } else if (draw < 0.98) {
      x = west - 0.05 + random() * (east - west + 0.1);
      y = south - 0.05 + random() * (north - south + 0.1);
    } else {
      [x, y] = onBoundary(grids, random);
    }
    positions[point * 2] = x;
    positions[point * 2 + 1] = y;
  }
  return positions;
}

function onBoundary(grids: GridFeature[], random: () => number): [number, number] {
  const geometry = grids[Math.floor(random() * grids.length)]?.geometry;
  const ring = geometry?.type === 'Polygon' ? geometry.coordinates[0] : geometry?.coordinates[0]?.[0];
  if (!ring || ring.length < 2) return [0, 0];
  const vertex = Math.floor(random() * (ring.length - 1));
  const [x1 = 0, y1 = 0] = ring[vertex] ?? [];
  const [x2 = 0, y2 = 0] = ring[vertex + 1] ?? [];
  const t = random() < 0.5 ? 0 : random();
  return [x1 + (x2 - x1) * t, y1 + (y2 - y1) * t];
}
