import Supercluster from 'supercluster';
import { cameraStatuses } from '../../domain/points';
import type { CameraSubset } from '../camera-points';

/**
 * Camera clusters for the low zooms. The narrow interface (build once from columns, then ask for a box at a
 * zoom) is what lets the index live in a worker for millions of points (cluster-worker.ts) without its callers
 * changing.
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

/** 1 where the camera is online, else 0: all the clusters need of a camera besides where it is. */
export function onlineFlags(subset: CameraSubset): Uint8Array {
  const flags = new Uint8Array(subset.count);
  for (let i = 0; i < subset.count; i += 1) flags[i] = subset.status[i] === onlineCode ? 1 : 0;
  return flags;
}

// Two shared property objects: supercluster copies them through `map`, so a point needs no object of its own.
const onlineProperties: ClusterProperties = Object.freeze({ online: 1 });
const offlineProperties: ClusterProperties = Object.freeze({ online: 0 });

/** Build the index from columns (lng, lat interleaved; online flags). Runs on the main thread or in the worker. */
export function buildClusterIndex(positions: Float32Array, online: Uint8Array): CameraClusterIndex {
  const index = new Supercluster<ClusterProperties, ClusterProperties>({
    radius: 60,
    maxZoom: clusterMaxZoom,
    map: (properties) => ({ online: properties.online }),
    reduce: (accumulated, properties) => {
      accumulated.online += properties.online;
    },
  });
  const count = online.length;
  const points = new Array<Supercluster.PointFeature<ClusterProperties>>(count);
  for (let i = 0; i < count; i += 1) {
    points[i] = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [positions[i * 2] ?? 0, positions[i * 2 + 1] ?? 0] },
      properties: online[i] === 1 ? onlineProperties : offlineProperties,
    };
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

export function buildCameraClusters(subset: CameraSubset): CameraClusterIndex {
  return buildClusterIndex(subset.positions, onlineFlags(subset));
}
