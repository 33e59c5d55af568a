import Flatbush from 'flatbush';

/**
 * How much of each grid lies within reach of a service station: the "15-minute walk" of community-service
 * planning, taken as a straight-line radius (≈ 1 km). Households are assumed spread evenly over the grid, so the
 * share of households within reach is the share of the grid's area within reach, estimated on a lattice of sample
 * points. Good to a few per cent, which is what a planning map needs; exact polygon buffering would cost far more.
 */
export const walkingReachMetres = 1000;

type Position = readonly [number, number];

export interface ReachGrid {
  id: string;
  geometry:
    { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
}

const metresPerDegreeLatitude = 110_574;

/** An equirectangular projection around the data's mean latitude: metres, accurate enough within a city. */
function localProjection(latitude: number) {
  const metresPerDegreeLongitude = 111_320 * Math.cos((latitude * Math.PI) / 180);
  return (position: Position): [number, number] => [
    position[0] * metresPerDegreeLongitude,
    position[1] * metresPerDegreeLatitude,
  ];
}

function ringContains(ring: readonly Position[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i] ?? [0, 0];
    const [xj, yj] = ring[j] ?? [0, 0];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function polygonsOf(grid: ReachGrid): readonly (readonly Position[][])[] {
  return grid.geometry.type === 'Polygon' ? [grid.geometry.coordinates] : grid.geometry.coordinates;
}

function contains(grid: ReachGrid, x: number, y: number): boolean {
  return polygonsOf(grid).some(
    (rings) =>
      rings[0] !== undefined &&
      ringContains(rings[0], x, y) &&
      !rings.slice(1).some((hole) => ringContains(hole, x, y)),
  );
}

/** Sample points inside the grid: an n × n lattice over its bounding box, kept where they fall inside. */
export function samplePoints(grid: ReachGrid, perSide = 7): Position[] {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const rings of polygonsOf(grid)) {
    for (const [lng, lat] of rings[0] ?? []) {
      west = Math.min(west, lng);
      east = Math.max(east, lng);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  }
  const samples: Position[] = [];
  for (let row = 0; row < perSide; row += 1) {
    for (let column = 0; column < perSide; column += 1) {
      const x = west + ((column + 0.5) / perSide) * (east - west);
      const y = south + ((row + 0.5) / perSide) * (north - south);
      if (contains(grid, x, y)) samples.push([x, y]);
    }
  }
  // A sliver thinner than the lattice still has households: fall back to the middle of its box.
  return samples.length > 0 ? samples : [[(west + east) / 2, (south + north) / 2]];
}

/** The share (0–1) of each grid's area within `reachMetres` of at least one station, by grid id. */
export function shareWithinReach(
  grids: readonly ReachGrid[],
  stations: readonly Position[],
  reachMetres = walkingReachMetres,
): Map<string, number> {
  const shares = new Map<string, number>();
  if (grids.length === 0) return shares;
  if (stations.length === 0) {
    for (const grid of grids) shares.set(grid.id, 0);
    return shares;
  }
  const meanLatitude = stations.reduce((sum, station) => sum + station[1], 0) / stations.length;
  const project = localProjection(meanLatitude);
  const index = new Flatbush(stations.length);
  for (const station of stations) {
    const [x, y] = project(station);
    index.add(x, y, x, y);
  }
  index.finish();
  for (const grid of grids) {
    const samples = samplePoints(grid);
    let reached = 0;
    for (const sample of samples) {
      const [x, y] = project(sample);
      if (index.neighbors(x, y, 1, reachMetres).length > 0) reached += 1;
    }
    shares.set(grid.id, reached / samples.length);
  }
  return shares;
}
