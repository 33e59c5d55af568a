import type { Position } from 'geojson';
import type { GridType } from '../../src/domain/grid';
import type { CountyLayout } from './county-layout';
import type { DemoGeography } from './build-geography';
import { gridIdOf } from './grid-id';
import { regionId } from '../../src/domain/ids';
import type { CommunityKind } from './grid-plan';
import { gridHouseholds, gridTypeFor, peoplePerHousehold, workerName } from './people';
import { bboxOf, ringCentroid, type Bbox } from './planar';
import { randomFor } from './random';
import { unionRings } from './rings';
import { areaGeometry } from './wgs84';

/**
 * The grids of one county as features, numbered within their community ("…001", "…002"), and beside each the
 * facts the point generators need: its outline in WGS84, its box, its centre, its neighbours and its kind.
 */
export interface GridSite {
  rings: Position[][];
  bbox: Bbox;
  centre: [number, number];
  /** Indices (into the city's grids) of grids sharing an edge with this one. */
  neighbours: number[];
  kind: CommunityKind;
  type: GridType;
  households: number;
  communityName: string;
  streetName: string;
  countyName: string;
}

/** Kilometres-ish in degrees: the distance over which a village counts as near the seat. */
const countrysideScale = 0.15;

export function placeGrids(
  layout: CountyLayout,
  position: (id: number) => [number, number],
  seed: number,
  geography: DemoGeography,
): void {
  const { county, graph } = layout;
  const random = randomFor(seed, 'grids', county.code);
  const seatDistance = (cell: number) => {
    const [x = 0, y = 0] = graph.cells[cell]?.centre ?? [];
    return Math.hypot(x - county.seat[0], y - county.seat[1]);
  };
  const coreRadius = Math.max(
    1e-6,
    ...layout.streets.filter((street) => street.core).flatMap((street) => street.cells.map(seatDistance)),
  );
  const gridOfCell = new Map<number, number>();
  for (const cell of layout.communities.flatMap((community) => community.cells)) {
    gridOfCell.set(cell, geography.grids.length + gridOfCell.size);
  }
  const streetNames = new Map(layout.streets.map((street) => [street.code, street.name]));
  for (const community of layout.communities) {
    const scale =
      community.kind === 'urban_core' || community.kind === 'urban_village' ? coreRadius : countrysideScale;
    community.cells.forEach((cell, serial) => {
      const geometry = areaGeometry(unionRings(graph.cells[cell]?.rings ?? [], graph.vertices), position);
      const rings = geometry.type === 'Polygon' ? geometry.coordinates : (geometry.coordinates[0] ?? []);
      const outer = rings[0] ?? [];
      const type = gridTypeFor(community.kind, seatDistance(cell) / scale, random);
      const households = gridHouseholds(community.kind, random);
      const id = gridIdOf(community.code, serial + 1);
      geography.grids.push({
        type: 'Feature',
        geometry,
        properties: {
          id,
          code: id,
          name: `${community.name}第${serial + 1}网格`,
          communityId: regionId(community.code),
          type,
          households,
          population: Math.round(households * peoplePerHousehold(community.kind, random)),
          workerName: workerName(random),
          version: 1,
        },
      });
      geography.sites.push({
        rings,
        bbox: bboxOf(outer),
        centre: ringCentroid(outer.slice(0, -1)),
        neighbours: (graph.neighbours[cell] ?? [])
          .flatMap((other) => gridOfCell.get(other) ?? [])
          .sort((a, b) => a - b),
        kind: community.kind,
        type,
        households,
        communityName: community.name,
        streetName: streetNames.get(community.streetCode) ?? '',
        countyName: county.name,
      });
    });
  }
}
