import { convertBbox, convertCollection, convertPosition, type Crs } from '../geo/crs';
import { useMeta } from './queries';

type Bbox = readonly [number, number, number, number];
/** Moves one position from the data's CRS into the base map's. */
export type PositionStep = (position: readonly [number, number]) => [number, number];
type Convertible = Parameters<typeof convertCollection>[0];

/**
 * The one step between the data and the map: every layer the map, the wall, the hotspots and the live cases draw
 * passes through it into the base map's CRS (a GCJ-02 base map puts WGS84 data ≈ 570 m off in Jincheng).
 *
 * One rule while `meta` loads: the data's CRS is not known yet (`dataCrs` null) and nothing is placed, so no
 * layer is drawn in a guessed system and jumps when meta arrives. A failed meta means WGS84, the contract's
 * default. Columns that carry their own CRS (the columnar format) need no meta.
 */
export interface MapCrs {
  /** The data's CRS; null while meta loads. */
  dataCrs: Crs | null;
  mapCrs: Crs;
  /** The collection in the base map's CRS (the same object when the systems agree); null until known. */
  collection<C extends Convertible>(collection: C | null | undefined): C | null;
  /** A bounding box in the base map's CRS; null until known. */
  bbox(bbox: Bbox | null | undefined): [number, number, number, number] | null;
  /**
   * For points that come as columns or one by one (live cases, cameras): the step from `own` (the columns' CRS;
   * null or absent: the dataset's) into the map's. Undefined when nothing moves; null while the CRS is unknown.
   */
  positionStep(own?: Crs | null): PositionStep | undefined | null;
}

// A converted collection is shared by every reader of the same answer (the dashboard's map and hotspots, the wall):
// 70,000 grids are converted once per answer and CRS pair, not once per hook.
const converted = new WeakMap<object, Map<string, unknown>>();

function convertOnce<C extends Convertible>(collection: C, from: Crs, to: Crs): C {
  if (from === to) return collection;
  let byPair = converted.get(collection);
  if (!byPair) converted.set(collection, (byPair = new Map<string, unknown>()));
  const key = `${from}>${to}`;
  const known = byPair.get(key) as C | undefined;
  if (known) return known;
  const result = convertCollection(collection, from, to);
  byPair.set(key, result);
  return result;
}

const steps = new Map<string, MapCrs>();

/** Meta as a query reports it: a read that never succeeded is `isPending` again during each retry. */
interface MetaState {
  isPending: boolean;
  data?: { crs: Crs } | undefined;
  /** How many reads failed so far: once one has, meta counts as failed, retries or not. */
  errorUpdateCount?: number;
}

/** Whether meta has answered, or failed at least once (then the defaults hold until it answers). */
export const metaSettled = (meta: MetaState): boolean => !meta.isPending || (meta.errorUpdateCount ?? 0) > 0;

/** The step for a dataset whose meta is in this state (the dashboard's or the wall's own polled query). */
export function mapCrsOf(meta: MetaState, mapCrs: Crs): MapCrs {
  const dataCrs: Crs | null = metaSettled(meta) ? (meta.data?.crs ?? 'wgs84') : null;
  const key = `${dataCrs ?? 'unknown'}>${mapCrs}`;
  const known = steps.get(key);
  if (known) return known;
  const step: MapCrs = {
    dataCrs,
    mapCrs,
    collection: (collection) => (collection && dataCrs ? convertOnce(collection, dataCrs, mapCrs) : null),
    bbox: (bbox) => (bbox && dataCrs ? convertBbox(bbox, dataCrs, mapCrs) : null),
    positionStep: (own) => {
      const from = own ?? dataCrs;
      if (from === null) return null;
      return from === mapCrs ? undefined : (position) => convertPosition(position, from, mapCrs);
    },
  };
  steps.set(key, step);
  return step;
}

/** The configured source's step into a base map in `mapCrs` (the runtime config's `basemap.crs`). */
export const useMapCrs = (mapCrs: Crs): MapCrs => mapCrsOf(useMeta(), mapCrs);
