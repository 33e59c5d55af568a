import type { Polygon } from 'geojson';
import type { GridId } from '../../../domain/ids';
import {
  areaOf,
  boundsIntersect,
  boundsOf,
  intersectAreas,
  partsOf,
  subtractAreas,
  unionAreas,
} from '../geometry/clip';
import { areaToleranceSquareMetres } from '../geometry/tolerance';
import { newGridProperties, nextSerials } from '../grid-naming';
import type { AreaGeometry, Changeset, GridFeature, Plan } from '../plan';

export interface CarveGridArgs {
  polygon: Polygon;
}

const partsOfNullable = (geometry: AreaGeometry | null): AreaGeometry[] =>
  geometry ? partsOf(geometry) : [];

interface Donor {
  grid: GridFeature;
  given: number;
  remaining: GridFeature['geometry'] | null;
}

/**
 * Draws a new grid: the drawn polygon clipped to the community, taken out of every grid it overlaps. Each
 * neighbour gives households and population in proportion to the share of its area it gives (households are
 * assumed spread evenly over a grid); a neighbour covered entirely disappears.
 */
export function carveGrid(plan: Plan, { polygon }: CarveGridArgs): Changeset {
  const clipped = intersectAreas(polygon, plan.community.geometry);
  if (!clipped) throw new Error('carveGrid: the polygon does not overlap the community');
  const carvedBounds = boundsOf(clipped);
  const donors: Donor[] = [];
  const crumbs: AreaGeometry[] = [];
  for (const grid of plan.grids) {
    if (!boundsIntersect(boundsOf(grid.geometry), carvedBounds)) continue;
    const given = areaOf(intersectAreas(grid.geometry, polygon));
    if (given <= areaToleranceSquareMetres) continue;
    const remainingParts = partsOfNullable(subtractAreas(grid.geometry, [polygon]));
    // Crumbs a neighbour would keep (the drawn outline passing a hair from its corner) go to the new grid.
    crumbs.push(...remainingParts.filter((part) => areaOf(part) < areaToleranceSquareMetres));
    const kept = remainingParts.filter((part) => areaOf(part) >= areaToleranceSquareMetres);
    donors.push({
      grid,
      given,
      remaining: kept.length === 0 ? null : kept.length === 1 ? (kept[0] ?? null) : unionAreas(kept),
    });
  }
  const geometry = crumbs.length > 0 ? (unionAreas([clipped, ...crumbs]) ?? clipped) : clipped;
  const put: GridFeature[] = [];
  const remove: GridId[] = [];
  let households = 0;
  let population = 0;
  for (const { grid, given, remaining } of donors) {
    const share = remaining ? Math.min(1, given / areaOf(grid.geometry)) : 1;
    const householdsGiven = Math.round(grid.properties.households * share);
    const populationGiven = Math.round(grid.properties.population * share);
    households += householdsGiven;
    population += populationGiven;
    if (!remaining) {
      remove.push(grid.properties.id);
      continue;
    }
    put.push({
      ...grid,
      geometry: remaining,
      properties: {
        ...grid.properties,
        households: grid.properties.households - householdsGiven,
        population: grid.properties.population - populationGiven,
      },
    });
  }
  const [serial = 1] = nextSerials(plan, 1);
  const largestDonor = [...donors].sort((a, b) => b.given - a.given)[0];
  const from = largestDonor ? largestDonor.grid.properties : { name: '', type: 'new_build' as const };
  const carved: GridFeature = {
    type: 'Feature',
    geometry,
    properties: newGridProperties(plan, serial, from, { households, population }),
  };
  return {
    label: {
      action: 'carve_grid',
      gridIds: [carved.properties.id, ...donors.map((donor) => donor.grid.properties.id)],
    },
    put: [carved, ...put],
    remove,
  };
}
