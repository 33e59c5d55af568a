import Flatbush from 'flatbush';
import { boundsOf, type Bounds } from '../geometry/clip';
import { edgeToleranceDegrees } from '../geometry/tolerance';
import type { GridFeature } from '../plan';

/** A spatial index of the grids' bounding boxes, so checks between grids only look at neighbours. */
export interface GridIndex {
  bounds: Bounds[];
  search(bounds: Bounds): number[];
  /** Index pairs [i, j], i < j, whose boxes touch: the only grids that can overlap or share an edge. */
  candidatePairs(): [number, number][];
}

export function indexGrids(grids: readonly GridFeature[]): GridIndex {
  const bounds = grids.map((grid) => boundsOf(grid.geometry));
  const index = new Flatbush(Math.max(1, bounds.length));
  for (const [west, south, east, north] of bounds) index.add(west, south, east, north);
  if (bounds.length === 0) index.add(0, 0, 0, 0);
  index.finish();
  const search = ([west, south, east, north]: Bounds): number[] =>
    bounds.length === 0
      ? []
      : index.search(
          west - edgeToleranceDegrees,
          south - edgeToleranceDegrees,
          east + edgeToleranceDegrees,
          north + edgeToleranceDegrees,
        );
  return {
    bounds,
    search,
    candidatePairs: () =>
      bounds.flatMap((box, i) =>
        search(box)
          .filter((j) => j > i)
          .map((j): [number, number] => [i, j]),
      ),
  };
}
