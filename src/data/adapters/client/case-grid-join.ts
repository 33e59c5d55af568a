import { gridId } from '../../../domain/ids';
import { flattenGrids } from '../../../geo/join/flat-grids';
import { buildGridIndex } from '../../../geo/join/grid-index';
import { joinPoints } from '../../../geo/join/join';
import type { CaseCollection, GridCollection } from '../../../contract/schemas/contract.schema';

/**
 * Give each case the grid it lies in, with the project's spatial join (src/geo/join): a raster index answers most
 * points with one array read. Cases that already name a known grid keep it (the source knew better, e.g. after a
 * redraw); cases outside every grid keep `gridId: null`. Synchronous, for the data layer; the map's interactive
 * join runs the same code in a Web Worker (join-client.ts).
 */
export function joinCasesToGrids(cases: CaseCollection, grids: GridCollection): CaseCollection {
  const known = new Set<string>(grids.features.map((grid) => grid.properties.id));
  const pending = cases.features.filter(
    (feature) => feature.properties.gridId === null || !known.has(feature.properties.gridId),
  );
  if (pending.length === 0 || grids.features.length === 0) return cases;
  const flat = flattenGrids(grids.features);
  const positions = new Float64Array(pending.length * 2);
  pending.forEach((feature, index) => {
    positions[index * 2] = feature.geometry.coordinates[0];
    positions[index * 2 + 1] = feature.geometry.coordinates[1];
  });
  const assignments = joinPoints(buildGridIndex(flat), positions);
  const assigned = new Map(
    pending.map((feature, index) => {
      const grid = assignments[index] ?? -1;
      const id = grid >= 0 ? flat.ids[grid] : undefined;
      return [feature, id === undefined ? null : gridId(id)] as const;
    }),
  );
  return {
    ...cases,
    features: cases.features.map((feature) =>
      assigned.has(feature)
        ? { ...feature, properties: { ...feature.properties, gridId: assigned.get(feature) ?? null } }
        : feature,
    ),
  };
}
