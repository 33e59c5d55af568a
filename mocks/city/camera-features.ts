import type { Point } from 'geojson';
import type { GridProperties } from '../../src/domain/grid';
import { cameraId } from '../../src/domain/ids';
import type { CameraProperties } from '../../src/domain/points';
import { cameraPurposeOf, cameraStatusOf, type CameraColumns } from './cameras';
import type { GridSite } from './grid-sites';

/**
 * Camera columns as GeoJSON features for the demo file, named the way a video platform lists them: the unit's full
 * name and a number within the community, "城区东街街道建设路社区-03号摄像机".
 */
export interface CameraFeature {
  type: 'Feature';
  geometry: Point;
  properties: CameraProperties;
}

export function cameraFeatures(
  columns: CameraColumns,
  grids: readonly { properties: GridProperties }[],
  sites: readonly GridSite[],
): CameraFeature[] {
  const serials = new Map<string, number>();
  const features: CameraFeature[] = [];
  for (let index = 0; index < columns.count; index++) {
    const grid = columns.grids[index] ?? 0;
    const site = sites[grid];
    const properties = grids[grid]?.properties;
    if (!site || !properties) continue;
    const serial = (serials.get(properties.communityId) ?? 0) + 1;
    serials.set(properties.communityId, serial);
    features.push({
      type: 'Feature',
      geometry: {
        type: 'Point',
        coordinates: [columns.positions[2 * index] ?? 0, columns.positions[2 * index + 1] ?? 0],
      },
      properties: {
        id: cameraId(`cam-${String(index + 1).padStart(7, '0')}`),
        name: `${site.countyName}${site.streetName}${site.communityName}-${String(serial).padStart(2, '0')}号摄像机`,
        status: cameraStatusOf(columns, index),
        purpose: cameraPurposeOf(columns, index),
        gridId: properties.id,
      },
    });
  }
  return features;
}
