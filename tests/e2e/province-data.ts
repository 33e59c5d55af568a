import { bboxPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';

/**
 * Province-scale data for the browser journeys and the browser bench, generated (no data set at this scale is
 * shipped): Shanxi's extent cut into a lattice of rectangular grids, so the grid under any point is known by
 * arithmetic, with districts, streets and communities as blocks of grids, and cameras spread with a seeded PRNG.
 */
export const provinceBounds: [number, number, number, number] = [110.2, 34.6, 114.6, 40.7];
export const provinceColumns = 250;
export const provinceRows = 280;
/** Grids per community block side; communities per street block side; streets per district column. */
const communitySide = 10;
const streetSide = 5;

const cellWidth = (provinceBounds[2] - provinceBounds[0]) / provinceColumns;
const cellHeight = (provinceBounds[3] - provinceBounds[1]) / provinceRows;

const rectangle = (west: number, south: number, east: number, north: number): Polygon =>
  bboxPolygon([west, south, east, north]).geometry;

const gridTypes = ['new_build', 'urban_village', 'old_town', 'work_unit', 'suburban'] as const;

export const provinceGridId = (column: number, row: number) => `G${row * provinceColumns + column}`;

/** Every grid id, `G<n>` at index n (row by row): the columnar fixture's gridId dictionary, so a code is n. */
export const provinceGridIds = (): string[] =>
  Array.from({ length: provinceColumns * provinceRows }, (_, number) => `G${number}`);

/** The number n of the grid `G<n>` whose interior holds a point, by the lattice's arithmetic. */
export function provinceGridNumberAt(lng: number, lat: number): number {
  const column = Math.floor((lng - provinceBounds[0]) / cellWidth);
  const row = Math.floor((lat - provinceBounds[1]) / cellHeight);
  return row * provinceColumns + column;
}

/** The grid whose interior holds a point, by the lattice's arithmetic. */
export function provinceGridAt(lng: number, lat: number): string {
  return `G${provinceGridNumberAt(lng, lat)}`;
}

const communityId = (column: number, row: number) =>
  `C${Math.floor(row / communitySide)}-${Math.floor(column / communitySide)}`;

export function provinceGrids(): FeatureCollection<Polygon> {
  const features: Feature<Polygon>[] = [];
  for (let row = 0; row < provinceRows; row += 1) {
    for (let column = 0; column < provinceColumns; column += 1) {
      const west = provinceBounds[0] + column * cellWidth;
      const south = provinceBounds[1] + row * cellHeight;
      const id = provinceGridId(column, row);
      features.push({
        type: 'Feature',
        geometry: rectangle(west, south, west + cellWidth, south + cellHeight),
        properties: {
          id,
          code: id,
          name: `网格${row * provinceColumns + column}`,
          communityId: communityId(column, row),
          type: gridTypes[(row * 7 + column * 3) % gridTypes.length],
          households: 300 + ((row * 31 + column * 17) % 900),
          population: 900 + ((row * 53 + column * 29) % 2700),
          workerName: `网格员${(row * provinceColumns + column) % 997}`,
          version: 1,
        },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

/** City → districts (columns of streets) → streets → communities, each a block of the lattice. */
export function provinceRegions(): FeatureCollection<Polygon> {
  const features: Feature<Polygon>[] = [];
  const block = (
    id: string,
    name: string,
    level: string,
    parentId: string | null,
    c0: number,
    r0: number,
    span: [number, number],
  ) =>
    features.push({
      type: 'Feature',
      geometry: rectangle(
        provinceBounds[0] + c0 * cellWidth,
        provinceBounds[1] + r0 * cellHeight,
        provinceBounds[0] + Math.min(provinceColumns, c0 + span[0]) * cellWidth,
        provinceBounds[1] + Math.min(provinceRows, r0 + span[1]) * cellHeight,
      ),
      properties: { id, name, level, parentId },
    });
  block('P', '山西省', 'city', null, 0, 0, [provinceColumns, provinceRows]);
  const streetCells = communitySide * streetSide;
  const streetColumns = Math.ceil(provinceColumns / streetCells);
  const streetRows = Math.ceil(provinceRows / streetCells);
  for (let sc = 0; sc < streetColumns; sc += 1) {
    block(`D${sc}`, `区${sc}`, 'district', 'P', sc * streetCells, 0, [streetCells, provinceRows]);
    for (let sr = 0; sr < streetRows; sr += 1) {
      const streetId = `S${sr}-${sc}`;
      block(streetId, `街道${sr}-${sc}`, 'street', `D${sc}`, sc * streetCells, sr * streetCells, [
        streetCells,
        streetCells,
      ]);
      for (let cr = 0; cr < streetSide; cr += 1) {
        for (let cc = 0; cc < streetSide; cc += 1) {
          const column = sc * streetCells + cc * communitySide;
          const row = sr * streetCells + cr * communitySide;
          if (column >= provinceColumns || row >= provinceRows) continue;
          block(communityId(column, row), `社区${row}-${column}`, 'community', streetId, column, row, [
            communitySide,
            communitySide,
          ]);
        }
      }
    }
  }
  return { type: 'FeatureCollection', features };
}

/** Park–Miller: the same cameras on every run. */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
}

const statuses = ['online', 'online', 'online', 'online', 'offline', 'fault'] as const;
const purposes = ['road', 'public_security', 'residential', 'key_site', 'rural'] as const;

export function provinceCameras(count: number): FeatureCollection<Point> {
  const random = seeded(20_240_610);
  const features: Feature<Point>[] = [];
  for (let i = 0; i < count; i += 1) {
    const lng = provinceBounds[0] + random() * (provinceBounds[2] - provinceBounds[0]);
    const lat = provinceBounds[1] + random() * (provinceBounds[3] - provinceBounds[1]);
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lng, lat] },
      properties: {
        id: `K${i}`,
        name: `摄像头${i}`,
        status: statuses[i % statuses.length],
        purpose: purposes[i % purposes.length],
        gridId: provinceGridAt(lng, lat),
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

export const provinceMeta = (dataTime: string) => ({
  name: '山西省网格化治理（生成数据）',
  city: '山西省',
  bbox: provinceBounds,
  crs: 'wgs84',
  dataTime,
});

export const provinceCaseChannels = ['hotline_12345', 'message_board', 'app', 'patrol'] as const;
export const provinceCaseCategories = ['dispute', 'safety_hazard', 'livelihood', 'environment'] as const;
export const provinceCaseStages = ['reported', 'assigned', 'handling', 'feedback'] as const;
const channels = provinceCaseChannels;
const categories = provinceCaseCategories;
const stages = provinceCaseStages;

/** Open cases reported over the last 20 days, three in five crowded around eleven city centres. */
export function provinceCases(count: number, now: Date): FeatureCollection<Point> {
  const random = seeded(7_310_925);
  const centres = Array.from({ length: 11 }, () => [
    provinceBounds[0] + 0.5 + random() * (provinceBounds[2] - provinceBounds[0] - 1),
    provinceBounds[1] + 0.5 + random() * (provinceBounds[3] - provinceBounds[1] - 1),
  ]);
  const features: Feature<Point>[] = [];
  for (let i = 0; i < count; i += 1) {
    const centre = centres[i % centres.length] ?? [0, 0];
    const urban = random() < 0.6;
    const lng = urban
      ? (centre[0] ?? 0) + (random() - 0.5) * 0.4
      : provinceBounds[0] + random() * (provinceBounds[2] - provinceBounds[0]);
    const lat = urban
      ? (centre[1] ?? 0) + (random() - 0.5) * 0.4
      : provinceBounds[1] + random() * (provinceBounds[3] - provinceBounds[1]);
    const reported = new Date(now.getTime() - random() * 20 * 86_400_000);
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lng, lat] },
      properties: {
        id: `E${i}`,
        title: `事件${i}`,
        channel: channels[i % channels.length],
        category: categories[i % categories.length],
        status: stages[i % stages.length],
        reportedAt: reported.toISOString(),
        dueAt: new Date(reported.getTime() + 7 * 86_400_000).toISOString(),
        closedAt: null,
        resolved: null,
        satisfaction: null,
        gridId: provinceGridAt(lng, lat),
      },
    });
  }
  return { type: 'FeatureCollection', features };
}
