import type { AreaGeometry } from '../../src/contract/schemas/geojson.schema';
import type { Random } from '../city/random';

type Position = readonly [number, number];
type Ring = readonly Position[];

/** Even–odd ray casting over all rings of a polygon (holes included). */
function insideRings(rings: readonly Ring[], longitude: number, latitude: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index++) {
      const [x1, y1] = ring[index] ?? [0, 0];
      const [x2, y2] = ring[previous] ?? [0, 0];
      if (y1 > latitude !== y2 > latitude && longitude < ((x2 - x1) * (latitude - y1)) / (y2 - y1) + x1) {
        inside = !inside;
      }
    }
  }
  return inside;
}

export function pointInArea(geometry: AreaGeometry, longitude: number, latitude: number): boolean {
  if (geometry.type === 'Polygon') return insideRings(geometry.coordinates, longitude, latitude);
  return geometry.coordinates.some((polygon) => insideRings(polygon, longitude, latitude));
}

export type Bbox = [west: number, south: number, east: number, north: number];

export function bboxOfArea(geometry: AreaGeometry): Bbox {
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) {
    for (const [longitude, latitude] of polygon[0] ?? []) {
      box[0] = Math.min(box[0], longitude);
      box[1] = Math.min(box[1], latitude);
      box[2] = Math.max(box[2], longitude);
      box[3] = Math.max(box[3], latitude);
    }
  }
  return box;
}

const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;

/**
 * Draws case locations inside one grid. Part of them cluster around a "focus" (a market, an old compound) so the
 * heatmap shows hotspots inside grids, the rest spread evenly; every point is inside the grid by construction.
 */
export class GridSampler {
  private readonly box: Bbox;
  private readonly focus: Position;

  constructor(
    private readonly geometry: AreaGeometry,
    random: Random,
  ) {
    this.box = bboxOfArea(geometry);
    this.focus = this.uniform(random) ?? this.fallback();
  }

  sample(random: Random): [number, number] {
    const [west, south, east, north] = this.box;
    if (random.chance(0.45)) {
      const spreadX = (east - west) * 0.12;
      const spreadY = (north - south) * 0.12;
      for (let attempt = 0; attempt < 8; attempt++) {
        const point = this.inside(
          this.focus[0] + random.normal() * spreadX,
          this.focus[1] + random.normal() * spreadY,
        );
        if (point) return point;
      }
    }
    const point = this.uniform(random) ?? this.focus;
    return [point[0], point[1]];
  }

  /** The point rounded to 6 decimals (~0.1 m), if the rounded point is still inside the grid. */
  private inside(longitude: number, latitude: number): [number, number] | undefined {
    const rounded: [number, number] = [round6(longitude), round6(latitude)];
    return pointInArea(this.geometry, rounded[0], rounded[1]) ? rounded : undefined;
  }

  private uniform(random: Random): Position | undefined {
    const [west, south, east, north] = this.box;
    for (let attempt = 0; attempt < 40; attempt++) {
      const point = this.inside(random.between(west, east), random.between(south, north));
      if (point) return point;
    }
    return undefined;
  }

  /** A vertex average: inside for the convex cells the generator draws; only used if sampling keeps missing. */
  private fallback(): Position {
    const ring =
      (this.geometry.type === 'Polygon' ? this.geometry.coordinates[0] : this.geometry.coordinates[0]?.[0]) ??
      [];
    const count = Math.max(ring.length - 1, 1);
    let longitude = 0;
    let latitude = 0;
    for (let index = 0; index < count; index++) {
      longitude += ring[index]?.[0] ?? 0;
      latitude += ring[index]?.[1] ?? 0;
    }
    return [longitude / count, latitude / count];
  }
}
