import type { Layer } from '@deck.gl/core';
import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { cameraStatuses, type CameraStatus } from '../domain/points';
import type { CameraCluster } from './camera-clusters/camera-clusters';
import type { CameraSubset } from './camera-points';

/**
 * Cameras as deck.gl layers, a function of (data, view): clusters at low zoom, one dot per camera by status at
 * high zoom. The per-camera layer reads the columns as binary attributes, so its data reference changes only
 * when the data or the filter does.
 */
type Rgba = [number, number, number, number];

/** Okabe–Ito: online bluish green, offline grey, fault vermillion — told apart with any colour vision. */
export const cameraStatusColours: Record<CameraStatus, Rgba> = {
  online: [0, 158, 115, 255],
  offline: [136, 136, 136, 255],
  fault: [213, 94, 0, 255],
};
export const cameraClusterColour: Rgba = [57, 73, 171, 220];

export const cameraLayerIds = {
  points: 'cameras-points',
  clusters: 'cameras-clusters',
  counts: 'cameras-counts',
};

/** The per-camera colours as one attribute array, built once per subset. */
export function cameraColours(subset: CameraSubset): Uint8Array {
  const colours = new Uint8Array(subset.count * 4);
  for (let index = 0; index < subset.count; index += 1) {
    const colour = cameraStatusColours[cameraStatuses[subset.status[index] ?? 0] ?? 'online'];
    colours.set(colour, index * 4);
  }
  return colours;
}

export function cameraPointLayer(subset: CameraSubset, colours: Uint8Array): Layer {
  return new ScatterplotLayer({
    id: cameraLayerIds.points,
    data: {
      length: subset.count,
      attributes: {
        getPosition: { value: subset.positions, size: 2 },
        getFillColor: { value: colours, size: 4, normalized: true },
      },
    },
    radiusUnits: 'pixels',
    getRadius: 5,
    stroked: true,
    getLineColor: [255, 255, 255, 255],
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5,
    pickable: true,
  });
}

const clusterRadius = (cluster: CameraCluster): number => 9 + 3.2 * Math.log2(cluster.count);

export function cameraClusterLayers(clusters: readonly CameraCluster[]): Layer[] {
  return [
    new ScatterplotLayer<CameraCluster>({
      id: cameraLayerIds.clusters,
      data: clusters,
      getPosition: (cluster) => cluster.position,
      getRadius: clusterRadius,
      radiusUnits: 'pixels',
      getFillColor: cameraClusterColour,
      stroked: true,
      getLineColor: [255, 255, 255, 230],
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
      pickable: true,
    }),
    new TextLayer<CameraCluster>({
      id: cameraLayerIds.counts,
      data: clusters.filter((cluster) => cluster.count > 1),
      getPosition: (cluster) => cluster.position,
      getText: (cluster) => String(cluster.count),
      getSize: 12,
      getColor: [255, 255, 255, 255],
      characterSet: '0123456789',
      fontFamily: 'sans-serif',
      fontWeight: 600,
    }),
  ];
}
