import Supercluster from 'supercluster';
import { cameraStatuses } from '../domain/points';
import type { CameraSubset } from './camera-points';

/**
 * Camera clusters for the low zooms. The narrow interface (build once from columns, then ask for a box at a
 * zoom) is what lets the index move into a worker for millions of points without its callers changing.
 */
export interface CameraCluster {
  position: [number, number];
  count: number;
  online: number;
}

export interface CameraClusterIndex {
  clusters(bbox: [number, number, number, number], zoom: number): CameraCluster[];
}

/** Above this zoom the map draws individual cameras instead of clusters. */
export const clusterMaxZoom = 13;

const onlineCode = cameraStatuses.indexOf('online');

interface ClusterProperties {
  online: number;
}

export function buildCameraClusters(subset: CameraSubset): CameraClusterIndex {
  const index = new Supercluster<ClusterProperties, ClusterProperties>({
    radius: 60,
    maxZoom: clusterMaxZoom,
    map: (properties) => ({ online: properties.online }),
    reduce: (accumulated, properties) => {
      accumulated.online += properties.online;
    },
  });
  const points: Supercluster.PointFeature<ClusterProperties>[] = [];
  for (let i = 0; i < subset.count; i += 1) {
    points.push({
      type: 'Feature',
      geometry: {
        type: 'Point',
        coordinates: [subset.positions[i * 2] ?? 0, subset.positions[i * 2 + 1] ?? 0],
      },
      properties: { online: subset.status[i] === onlineCode ? 1 : 0 },
    });
  }
  index.load(points);
  return {
    clusters(bbox, zoom) {
      return index.getClusters(bbox, Math.floor(zoom)).map((feature) => {
        const [lng, lat] = feature.geometry.coordinates;
        const properties = feature.properties;
        const count = 'point_count' in properties ? properties.point_count : 1;
        return { position: [lng ?? 0, lat ?? 0], count, online: properties.online };
      });
    },
  };
}
