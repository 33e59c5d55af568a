import type {
  CaseCollection,
  GridCollection,
  RegionCollection,
} from '../../../contract/schemas/contract.schema';
import { joinCasesToGrids } from './case-grid-join';
import { UnitTree } from '../../../domain/unit-tree';

/**
 * For case providers that know no grids (Open311, files, OGC): each case gets its grid by position, and a
 * `region` query keeps the cases whose grid lies in that region or is that grid — what `GET /cases?region=` does.
 */
export function casesInRegion(
  cases: CaseCollection,
  grids: GridCollection,
  regions: RegionCollection,
  region: string | undefined,
): CaseCollection {
  const joined = joinCasesToGrids(cases, grids);
  if (region === undefined || region === '') return joined;
  const tree = UnitTree.of(regions, grids);
  const unit = tree.get(region);
  if (!unit) return { ...joined, features: [] };
  const depth = unit.path.length - 1;
  return {
    ...joined,
    features: joined.features.filter((feature) => {
      const gridId = feature.properties.gridId;
      return gridId !== null && tree.get(gridId)?.path[depth] === unit.id;
    }),
  };
}
