import type { CameraPurpose } from '../../src/domain/points';
import { cameraPurposes, cameraStatuses } from '../../src/domain/points';
import type { CommunityKind } from './grid-plan';
import type { GridSite } from './grid-sites';
import { insidePolygon } from './planar';
import { randomFor, type Random } from './random';
import { randomPointInRings } from './sample-point';

/**
 * Sharp Eyes cameras as columns (typed arrays), so the same code makes the demo's 3,000 and a benchmark's
 * 2.4 million (Shanxi's real count) in a second or two: each camera picks its grid first (dense in town, sparse in
 * the countryside: "rural areas covered, cities densified"), then a place in it, so its grid is known without a join.
 */
export interface CameraColumns {
  count: number;
  /** lng, lat pairs, WGS84, rounded to 6 decimals. */
  positions: Float64Array;
  /** Index into `cameraStatuses`. */
  statuses: Uint8Array;
  /** Index into `cameraPurposes`. */
  purposes: Uint8Array;
  /** Index of the grid the camera stands in. */
  grids: Int32Array;
}

const densityByKind: Record<CommunityKind, number> = {
  urban_core: 9,
  works_community: 5,
  urban_village: 4,
  village: 0.45,
};

const purposeWeights: Record<CommunityKind, Record<CameraPurpose, number>> = {
  urban_core: { road: 40, public_security: 25, residential: 25, key_site: 10, rural: 0 },
  works_community: { road: 30, public_security: 20, residential: 10, key_site: 40, rural: 0 },
  urban_village: { road: 35, public_security: 20, residential: 30, key_site: 5, rural: 10 },
  village: { road: 35, public_security: 5, residential: 0, key_site: 5, rural: 55 },
};

function cumulative(values: readonly number[]): Float64Array {
  const sums = new Float64Array(values.length);
  let total = 0;
  values.forEach((value, index) => (sums[index] = total += value));
  return sums;
}

function pickIndex(sums: Float64Array, draw: number): number {
  const target = draw * (sums[sums.length - 1] ?? 0);
  let low = 0;
  let high = sums.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sums[middle] ?? 0) > target) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Roads run between neighbouring grids' centres; a road camera stands on the half of such a line in its grid. */
function placeOnRoad(site: GridSite, sites: readonly GridSite[], random: Random): [number, number] | null {
  const neighbour = sites[site.neighbours[random.int(0, site.neighbours.length - 1)] ?? -1];
  if (!neighbour) return null;
  const t = random.between(0, 0.5);
  const x = site.centre[0] + (neighbour.centre[0] - site.centre[0]) * t;
  const y = site.centre[1] + (neighbour.centre[1] - site.centre[1]) * t;
  return insidePolygon(x, y, site.rings) ? [x, y] : null;
}

/** Estates and village centres: a cluster round the grid's centre. */
function placeNearCentre(site: GridSite, random: Random): [number, number] | null {
  const spreadX = (site.bbox[2] - site.bbox[0]) / 6;
  const spreadY = (site.bbox[3] - site.bbox[1]) / 6;
  const x = site.centre[0] + random.normal() * spreadX;
  const y = site.centre[1] + random.normal() * spreadY;
  return insidePolygon(x, y, site.rings) ? [x, y] : null;
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/** A place for the camera, rounded to the output's 6 decimals and still inside its grid after rounding. */
function place(
  site: GridSite,
  sites: readonly GridSite[],
  purpose: CameraPurpose,
  random: Random,
): [number, number] {
  for (let attempt = 0; attempt < 20; attempt++) {
    const placed =
      (purpose === 'road'
        ? placeOnRoad(site, sites, random)
        : purpose === 'residential' || purpose === 'rural'
          ? placeNearCentre(site, random)
          : null) ?? randomPointInRings(site.rings, random, site.bbox);
    const x = round6(placed[0]);
    const y = round6(placed[1]);
    if (insidePolygon(x, y, site.rings)) return [x, y];
  }
  return site.centre;
}

export function generateCameraColumns(
  sites: readonly GridSite[],
  count: number,
  seed: number,
): CameraColumns {
  const random = randomFor(seed, 'cameras', count);
  const gridSums = cumulative(sites.map((site) => densityByKind[site.kind] * (0.5 + site.households / 400)));
  const purposeSums = Object.fromEntries(
    Object.entries(purposeWeights).map(([kind, weights]) => [
      kind,
      cumulative(cameraPurposes.map((purpose) => weights[purpose])),
    ]),
  ) as Record<CommunityKind, Float64Array>;
  const columns: CameraColumns = {
    count,
    positions: new Float64Array(count * 2),
    statuses: new Uint8Array(count),
    purposes: new Uint8Array(count),
    grids: new Int32Array(count),
  };
  for (let index = 0; index < count; index++) {
    const grid = pickIndex(gridSums, random.next());
    const site = sites[grid];
    if (!site) continue;
    const purpose = pickIndex(purposeSums[site.kind], random.next());
    const [x, y] = place(site, sites, cameraPurposes[purpose] ?? 'road', random);
    columns.positions[2 * index] = x;
    columns.positions[2 * index + 1] = y;
    const status = random.next();
    // About 95 % online, 3 % offline, 2 % faulty.
    columns.statuses[index] = status < 0.95 ? 0 : status < 0.98 ? 1 : 2;
    columns.purposes[index] = purpose;
    columns.grids[index] = grid;
  }
  return columns;
}

export const cameraStatusOf = (columns: CameraColumns, index: number) =>
  cameraStatuses[columns.statuses[index] ?? 0] ?? 'online';
export const cameraPurposeOf = (columns: CameraColumns, index: number) =>
  cameraPurposes[columns.purposes[index] ?? 0] ?? 'road';
