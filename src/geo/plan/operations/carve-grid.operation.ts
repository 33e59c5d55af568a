import { kinks, polygon as turfPolygon } from '@turf/turf';
import type { Polygon } from 'geojson';
import { carveGrid } from '../actions/carve-grid.action';
import { areaOf, intersectAreas } from '../geometry/clip';
import { areaToleranceSquareMetres } from '../geometry/tolerance';
import { disabledReasons, type Operation } from './operation';

export interface CarveGridOperationArgs {
  polygon: Polygon;
}

/** Drawing a new grid needs no selection: the drawn polygon says where. */
export const carveGridOperation: Operation<CarveGridOperationArgs> = {
  id: 'carve_grid',
  available: () => true,
  disabled(plan, _selection, args) {
    if (!args) return false;
    if (kinks(turfPolygon(args.polygon.coordinates)).features.length > 0)
      return disabledReasons.polygonSelfIntersects;
    const inside = areaOf(intersectAreas(args.polygon, plan.community.geometry));
    return inside <= areaToleranceSquareMetres ? disabledReasons.outsideCommunity : false;
  },
  perform: (plan, _selection, args) => carveGrid(plan, { polygon: args.polygon }),
};
