import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { GridProperties } from '../../src/domain/grid';
import type { Region } from '../../src/domain/hierarchy';
import type { CommunityKind } from './grid-plan';
import type { GridSite } from './grid-sites';
import { bboxOf, ringCentroid } from './planar';

/**
 * Grid sites rebuilt from a generated city's features, so code that only has the JSON (the mock API, a benchmark)
 * can still run the camera generator on it — e.g. Shanxi's 2.4 million cameras over the demo city's grids:
 * `generateCameraColumns(gridSitesFromCity(city.regions.features, city.grids.features), 2_400_000, seed)`.
 * The community kind is read back from names and grid types, close to but not exactly what the generator used.
 */
interface AreaFeature<P> {
  geometry: Polygon | MultiPolygon;
  properties: P;
}

function kindOf(communityName: string, grid: GridProperties): CommunityKind {
  if (communityName.includes('社区'))
    return /(工业园|产业园|开发区|监狱|矿)/.test(communityName) ? 'works_community' : 'urban_core';
  return grid.type === 'urban_village' ? 'urban_village' : 'village';
}

const mainRings = (geometry: Polygon | MultiPolygon): Position[][] =>
  geometry.type === 'Polygon' ? geometry.coordinates : (geometry.coordinates[0] ?? []);

export function gridSitesFromCity(
  regions: readonly AreaFeature<Region>[],
  grids: readonly AreaFeature<GridProperties>[],
): GridSite[] {
  const regionById = new Map(regions.map((region) => [String(region.properties.id), region.properties]));
  const parentOf = (id: string | null | undefined) => (id ? regionById.get(id) : undefined);
  const ownersOfEdge = new Map<string, number[]>();
  grids.forEach((grid, index) => {
    const outer = mainRings(grid.geometry)[0] ?? [];
    for (let k = 0; k + 1 < outer.length; k++) {
      const a = String(outer[k]);
      const b = String(outer[k + 1]);
      const key = a < b ? `${a}|${b}` : `${b}|${a}`;
      const owners = ownersOfEdge.get(key);
      if (owners) owners.push(index);
      else ownersOfEdge.set(key, [index]);
    }
  });
  const neighbours = grids.map(() => new Set<number>());
  for (const owners of ownersOfEdge.values()) {
    for (const a of owners) for (const b of owners) if (a !== b) neighbours[a]?.add(b);
  }
  return grids.map((grid, index) => {
    const rings = mainRings(grid.geometry);
    const outer = rings[0] ?? [];
    const community = regionById.get(String(grid.properties.communityId));
    const street = parentOf(community?.parentId);
    const county = parentOf(street?.parentId);
    return {
      rings,
      bbox: bboxOf(outer),
      centre: ringCentroid(outer.slice(0, -1)),
      neighbours: [...(neighbours[index] ?? [])].sort((a, b) => a - b),
      kind: kindOf(community?.name ?? '', grid.properties),
      type: grid.properties.type,
      households: grid.properties.households,
      communityName: community?.name ?? '',
      streetName: street?.name ?? '',
      countyName: county?.name ?? '',
    };
  });
}
