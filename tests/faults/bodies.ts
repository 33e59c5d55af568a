/**
 * Small, valid documents of the contract (docs/api.md) near Jincheng, and the bad variants the catalogue serves.
 * Built from plain objects, not the contract's types, because most variants are deliberately off-contract.
 */
type Json = Record<string, unknown>;

export const jincheng = { lng: 112.85, lat: 35.49 };

export function camera(index: number, overrides: Json = {}, geometry?: unknown): Json {
  return {
    type: 'Feature',
    // Only a missing argument gets the default point: a caller's `null` is a camera without a geometry.
    geometry:
      geometry === undefined
        ? {
            type: 'Point',
            coordinates: [jincheng.lng + (index % 10) * 0.01, jincheng.lat + Math.floor(index / 10) * 0.01],
          }
        : geometry,
    properties: {
      id: `FAULT-CAM-${index}`,
      name: `测试摄像头 ${index}`,
      status: 'online',
      purpose: 'road',
      gridId: null,
      ...overrides,
    },
  };
}

export const cameraCount = 20;
export const cameras = (features: unknown[] = Array.from({ length: cameraCount }, (_, i) => camera(i))) =>
  JSON.stringify({ type: 'FeatureCollection', features });

/** The normal cameras document with feature `at` replaced. */
export const camerasWith = (at: number, feature: unknown) =>
  cameras(Array.from({ length: cameraCount }, (_, i) => (i === at ? feature : camera(i))));

const square = (west: number, south: number, size = 0.005) => [
  [west, south],
  [west + size, south],
  [west + size, south + size],
  [west, south + size],
  [west, south],
];

export function grid(index: number, ring: unknown = square(jincheng.lng + index * 0.01, jincheng.lat)): Json {
  return {
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [ring] },
    properties: {
      id: `FAULT-GRID-${index}`,
      code: `FG${index}`,
      name: `测试网格 ${index}`,
      communityId: 'FAULT-COMMUNITY',
      type: 'old_town',
      households: 400,
      population: 1000,
      workerName: '王小明',
      version: 1,
    },
  };
}

export const gridCount = 5;
export const gridsWith = (at: number, feature: Json) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: Array.from({ length: gridCount }, (_, i) => (i === at ? feature : grid(i))),
  });

export function caseFeature(index: number, overrides: Json = {}): Json {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [jincheng.lng, jincheng.lat] },
    properties: {
      id: `FAULT-CASE-${index}`,
      title: `占道经营 ${index}`,
      channel: 'hotline_12345',
      category: 'livelihood',
      status: 'reported',
      reportedAt: '2026-11-20T09:00:00+08:00',
      dueAt: '2026-11-22T09:00:00+08:00',
      closedAt: null,
      resolved: null,
      satisfaction: null,
      gridId: null,
      ...overrides,
    },
  };
}

export const caseCount = 5;
export const casesWith = (at: number, overrides: Json) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: Array.from({ length: caseCount }, (_, i) => caseFeature(i, i === at ? overrides : {})),
  });

export { square };
