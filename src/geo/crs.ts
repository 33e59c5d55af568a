import gcoord from 'gcoord';

/**
 * Coordinate systems the product meets: WGS84 (GPS, Tianditu's CGCS2000 within centimetres) and GCJ-02 (Amap,
 * Tencent). Overlaying data on a base map in the other system shifts it by several hundred metres (≈ 570 m in
 * Jincheng), so whole collections are converted once, before they reach the map.
 */
export type Crs = 'wgs84' | 'gcj02';

type Position = [number, number];

const gcoordCrs = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02 } as const;

export function convertPosition(position: readonly [number, number], from: Crs, to: Crs): Position {
  if (from === to) return [position[0], position[1]];
  const [lng, lat] = gcoord.transform<[number, number]>(
    [position[0], position[1]],
    gcoordCrs[from],
    gcoordCrs[to],
  );
  return [lng, lat];
}

interface PointGeometry {
  type: 'Point';
  coordinates: Position;
}
interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Position[][];
}
interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}
type Geometry = PointGeometry | PolygonGeometry | MultiPolygonGeometry;

function convertGeometry<G extends Geometry>(geometry: G, from: Crs, to: Crs): G {
  const move = (position: Position) => convertPosition(position, from, to);
  switch (geometry.type) {
    case 'Point':
      return { ...geometry, coordinates: move(geometry.coordinates) };
    case 'Polygon':
      return { ...geometry, coordinates: geometry.coordinates.map((ring) => ring.map(move)) };
    case 'MultiPolygon':
      return {
        ...geometry,
        coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(move))),
      };
  }
}

interface Collection<G extends Geometry> {
  type: 'FeatureCollection';
  features: { geometry: G }[];
}

/**
 * The collection in the base map's system. Returns the same object when the systems agree, so a caller that
 * memoises on identity does no work and pushes nothing to the map.
 */
export function convertCollection<G extends Geometry, C extends Collection<G>>(
  collection: C,
  from: Crs,
  to: Crs,
): C {
  if (from === to) return collection;
  return {
    ...collection,
    features: collection.features.map((feature) => ({
      ...feature,
      geometry: convertGeometry(feature.geometry, from, to),
    })),
  };
}

/** The bounding box [west, south, east, north] in the other system (its corners converted). */
export function convertBbox(
  bbox: readonly [number, number, number, number],
  from: Crs,
  to: Crs,
): [number, number, number, number] {
  const [west, south] = convertPosition([bbox[0], bbox[1]], from, to);
  const [east, north] = convertPosition([bbox[2], bbox[3]], from, to);
  return [west, south, east, north];
}
