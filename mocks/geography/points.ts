import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import {
  cameraPurposes,
  type CameraPurpose,
  type CameraStatus,
  type StationKind,
  type StationLevel,
} from '../../src/domain/points';
import type { GridProperties } from '../../src/domain/grid';
import { createRandom, hashSeed, type Random } from '../cases/random';
import { insidePolygon } from './cells';
import type { AreaFeature, RegionProperties } from './build-demo-city';

/**
 * Cameras and service stations placed inside the grids: cameras dense where people live (urban grids weigh far
 * more, "rural areas covered, cities densified"), stations at each level of the governance ladder.
 */
type Grid = AreaFeature<GridProperties>;

function mainPolygon(geometry: Polygon | MultiPolygon): Polygon {
  return geometry.type === 'Polygon'
    ? geometry
    : { type: 'Polygon', coordinates: geometry.coordinates[0] ?? [] };
}

function boxOf(polygon: Polygon): [number, number, number, number] {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x = 0, y = 0] of polygon.coordinates[0] ?? []) {
    west = Math.min(west, x);
    east = Math.max(east, x);
    south = Math.min(south, y);
    north = Math.max(north, y);
  }
  return [west, south, east, north];
}

/** A uniform random point inside a grid (rejection sampling in its box); falls back to a vertex-average point. */
export function pointInGrid(grid: Grid, random: Random): [number, number] {
  const polygon = mainPolygon(grid.geometry);
  const [west, south, east, north] = boxOf(polygon);
  for (let attempt = 0; attempt < 200; attempt++) {
    const point: [number, number] = [random.between(west, east), random.between(south, north)];
    if (insidePolygon(point, polygon)) return point;
  }
  const ring = polygon.coordinates[0] ?? [];
  return [
    ring.reduce((sum, p) => sum + (p[0] ?? 0), 0) / ring.length,
    ring.reduce((sum, p) => sum + (p[1] ?? 0), 0) / ring.length,
  ];
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/** Camera weight of a grid: urban types are "densified", villages "covered". */
const cameraWeight = (grid: Grid) =>
  grid.properties.type === 'suburban' ? 1 : grid.properties.type === 'urban_village' ? 2.5 : 4;

function statusOf(random: Random): CameraStatus {
  const roll = random.next();
  return roll < 0.95 ? 'online' : roll < 0.98 ? 'offline' : 'fault';
}

function purposeOf(grid: Grid, random: Random): CameraPurpose {
  if (grid.properties.type === 'suburban')
    return random.chance(0.6) ? 'rural' : random.pick(['road', 'key_site'] as const);
  return random.pick(cameraPurposes.filter((purpose) => purpose !== 'rural'));
}

export interface CameraPlan {
  gridIndex: Int32Array;
  positions: Float64Array;
}

/** Where `count` cameras stand: a grid drawn by weight, then a point inside it. Typed arrays, so 2.4 M is fine. */
export function placeCameras(grids: readonly Grid[], count: number, seed: number): CameraPlan {
  const random = createRandom(hashSeed(seed, 'cameras', count));
  const cumulative = new Float64Array(grids.length);
  let total = 0;
  grids.forEach((grid, index) => {
    total += cameraWeight(grid);
    cumulative[index] = total;
  });
  const gridIndex = new Int32Array(count);
  const positions = new Float64Array(count * 2);
  for (let camera = 0; camera < count; camera++) {
    const target = random.next() * total;
    let low = 0;
    let high = grids.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] ?? 0) < target) low = middle + 1;
      else high = middle;
    }
    const grid = grids[low];
    if (!grid) continue;
    const [x, y] = pointInGrid(grid, random);
    gridIndex[camera] = low;
    positions[2 * camera] = round6(x);
    positions[2 * camera + 1] = round6(y);
  }
  return { gridIndex, positions };
}

export function cameraFeatures(grids: readonly Grid[], count: number, seed: number) {
  const plan = placeCameras(grids, count, seed);
  const random = createRandom(hashSeed(seed, 'camera-attributes'));
  const serials = new Map<string, number>();
  return Array.from({ length: count }, (_, index): Feature<Point, Record<string, unknown>> => {
    const grid = grids[plan.gridIndex[index] ?? 0];
    const gridId = grid?.properties.id ?? '';
    const serial = (serials.get(gridId) ?? 0) + 1;
    serials.set(gridId, serial);
    return {
      type: 'Feature',
      geometry: {
        type: 'Point',
        coordinates: [plan.positions[2 * index] ?? 0, plan.positions[2 * index + 1] ?? 0],
      },
      properties: {
        id: `CAM${String(index + 1).padStart(6, '0')}`,
        name: `${grid?.properties.name ?? ''}-${String(serial).padStart(2, '0')}号摄像机`,
        status: statusOf(random),
        purpose: grid ? purposeOf(grid, random) : 'road',
        gridId: gridId || null,
      },
    };
  });
}

const stationNames: Record<StationKind, string> = {
  governance_center: '综治中心',
  service_station: '便民服务站',
  party_service_center: '党群服务中心',
  mediation_room: '人民调解室',
  legal_service: '公共法律服务站',
};

const hoursChoices = ['08:30-12:00, 14:30-18:00', '08:00-12:00, 14:00-17:30', '09:00-17:00', '24小时值守'];

export function stationFeatures(
  regions: readonly AreaFeature<RegionProperties>[],
  grids: readonly Grid[],
  seed: number,
) {
  const random = createRandom(hashSeed(seed, 'stations'));
  const gridsOfCommunity = new Map<string, Grid[]>();
  for (const grid of grids) {
    const list = gridsOfCommunity.get(grid.properties.communityId) ?? [];
    list.push(grid);
    gridsOfCommunity.set(grid.properties.communityId, list);
  }
  const byId = new Map(regions.map((region) => [region.properties.id, region.properties]));
  const communitiesOf = new Map<string, string[]>();
  for (const region of regions) {
    if (region.properties.level === 'community' && region.properties.parentId) {
      const list = communitiesOf.get(region.properties.parentId) ?? [];
      list.push(region.properties.id);
      communitiesOf.set(region.properties.parentId, list);
    }
  }
  const stations: Feature<Point, Record<string, unknown>>[] = [];
  const add = (kind: StationKind, level: StationLevel, unitId: string, communityId: string) => {
    const grid = random.pick(gridsOfCommunity.get(communityId) ?? []);
    const unit = byId.get(unitId);
    const community = byId.get(communityId);
    const street = community?.parentId ? byId.get(community.parentId) : undefined;
    const county = street?.parentId ? byId.get(street.parentId) : undefined;
    const [x, y] = pointInGrid(grid, random);
    stations.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [round6(x), round6(y)] },
      properties: {
        id: `ST${String(stations.length + 1).padStart(5, '0')}`,
        name: `${unit?.name ?? ''}${stationNames[kind]}`,
        kind,
        level,
        address: `晋城市${county?.name ?? ''}${street?.name ?? ''}${community?.name ?? ''}${1 + random.index(199)}号`,
        phone: `0356-${String(2_000_000 + random.index(7_999_999)).padStart(7, '0')}`,
        hours: random.pick(hoursChoices),
      },
    });
  };
  const firstCommunity = (unitId: string): string | undefined => {
    const unit = byId.get(unitId);
    if (!unit) return undefined;
    if (unit.level === 'community') return unit.id;
    const child = regions.find((region) => region.properties.parentId === unitId);
    return child ? firstCommunity(child.properties.id) : undefined;
  };
  for (const region of regions) {
    const { id, level } = region.properties;
    const community = firstCommunity(id);
    if (level === 'city' || community === undefined) continue;
    const stationLevel: StationLevel =
      level === 'district' ? 'district' : level === 'street' ? 'street' : 'community';
    add('governance_center', stationLevel, id, community);
    if (level === 'street') {
      add('party_service_center', 'street', id, community);
      add('mediation_room', 'street', id, community);
      add('legal_service', 'street', id, community);
    }
    if (level === 'community' && region.properties.name.includes('社区'))
      add('service_station', 'community', id, id);
    if (level === 'community' && random.chance(0.2)) add('legal_service', 'community', id, id);
  }
  return stations;
}
