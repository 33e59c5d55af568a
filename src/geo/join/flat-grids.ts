import type { Feature, MultiPolygon, Polygon } from 'geojson';

/**
 * Grid polygons as flat typed arrays: the shape the join index, the worker protocol and the exact
 * point-in-polygon test share. Flat arrays travel to a worker as transferable buffers (no structured clone of
 * millions of small arrays) and keep the inner loops free of object lookups.
 *
 * Nesting is expressed by offset tables, CSR style: grid g owns parts `gridPartOffsets[g] .. gridPartOffsets[g+1]`,
 * part p owns rings `partRingOffsets[p] .. partRingOffsets[p+1]` (first the exterior, then its holes), ring r owns
 * vertices `ringVertexOffsets[r] .. ringVertexOffsets[r+1]` (closed: the last vertex repeats the first), and vertex
 * v sits at `coordinates[2v], coordinates[2v+1]` (longitude, latitude).
 */
export interface FlatGrids {
  /** Grid ids in input order; an index into this array is what the join answers. */
  readonly ids: readonly string[];
  readonly coordinates: Float64Array;
  readonly ringVertexOffsets: Uint32Array;
  readonly partRingOffsets: Uint32Array;
  readonly gridPartOffsets: Uint32Array;
  /** minLng, minLat, maxLng, maxLat per grid. */
  readonly bboxes: Float64Array;
}

export type GridFeature = Feature<Polygon | MultiPolygon, { id?: string | number } | null>;

/** The id a grid is known by: `properties.id` (the contract's), else the feature id, else its position. */
function gridIdOf(feature: GridFeature, index: number): string {
  const fromProperties = feature.properties?.id;
  if (fromProperties !== undefined) return String(fromProperties);
  return feature.id === undefined ? String(index) : String(feature.id);
}

export function flattenGrids(features: readonly GridFeature[]): FlatGrids {
  let vertexCount = 0;
  let ringCount = 0;
  let partCount = 0;
  for (const feature of features) {
    for (const part of partsOf(feature.geometry)) {
      partCount += 1;
      ringCount += part.length;
      for (const ring of part) vertexCount += ring.length;
    }
  }
  const coordinates = new Float64Array(vertexCount * 2);
  const ringVertexOffsets = new Uint32Array(ringCount + 1);
  const partRingOffsets = new Uint32Array(partCount + 1);
  const gridPartOffsets = new Uint32Array(features.length + 1);
  const bboxes = new Float64Array(features.length * 4);
  let vertex = 0;
  let ring = 0;
  let part = 0;
  features.forEach((feature, grid) => {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const polygon of partsOf(feature.geometry)) {
      for (const positions of polygon) {
        for (const position of positions) {
          const x = position[0] ?? NaN;
          const y = position[1] ?? NaN;
          coordinates[vertex * 2] = x;
          coordinates[vertex * 2 + 1] = y;
          vertex += 1;
          if (x < minX) minX = x;
          if (x > maxX) maxX = x;
          if (y < minY) minY = y;
          if (y > maxY) maxY = y;
        }
        ring += 1;
        ringVertexOffsets[ring] = vertex;
      }
      part += 1;
      partRingOffsets[part] = ring;
    }
    gridPartOffsets[grid + 1] = part;
    bboxes.set([minX, minY, maxX, maxY], grid * 4);
  });
  return {
    ids: features.map(gridIdOf),
    coordinates,
    ringVertexOffsets,
    partRingOffsets,
    gridPartOffsets,
    bboxes,
  };
}

function partsOf(geometry: Polygon | MultiPolygon): number[][][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** The buffers a worker message can transfer instead of copying. */
export function flatGridBuffers(grids: FlatGrids): ArrayBuffer[] {
  return [
    grids.coordinates,
    grids.ringVertexOffsets,
    grids.partRingOffsets,
    grids.gridPartOffsets,
    grids.bboxes,
  ].map((array) => array.buffer as ArrayBuffer);
}
