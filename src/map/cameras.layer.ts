import type { Layer } from '@deck.gl/core';
import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { cameraStatuses, type CameraStatus } from '../domain/points';
import type { CameraCluster } from './camera-clusters/camera-clusters';
import type { CameraSubset } from './camera-points';
import { columnPointLayer } from './column-points.layer';
import { districtLabelSize } from './area-layers';

/**
 * Cameras as deck.gl layers, a function of (data, view): small dots over the whole city, capped clusters in
 * between, one marked dot per camera by status at high zoom. The per-camera layer reads the columns as binary attributes, so its data reference changes only
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
  dots: 'cameras-dots',
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
  return columnPointLayer(cameraLayerIds.points, subset, colours, {
    getRadius: 5,
    stroked: true,
    getLineColor: [255, 255, 255, 255],
    getLineWidth: 1.5,
    pickable: true,
  });
}

/**
 * Below this zoom (the whole city on a screen) cameras are small dots, a density the eye reads through, not
 * discs that hide the grids, the city's outline and the district names.
 */
export const cameraDotMaxZoom = 11;

/**
 * The largest cluster disc (radius, px): its diameter with the outline stays within a district name of two
 * characters (the shortest), so a cluster is never bigger than the label that says where it is.
 */
export const clusterRadiusMaxPx = (2 * districtLabelSize - 4) / 2;

/** Grows with the log of the count, capped: the count is written in it, the size only hints at it. */
export const clusterRadius = (count: number): number =>
  Math.min(clusterRadiusMaxPx, 7 + 1.6 * Math.log2(Math.max(1, count)));

/** The city-zoom dots: status colours, small and see-through, no outline. */
export function cameraDotLayer(subset: CameraSubset, colours: Uint8Array): Layer {
  return columnPointLayer(cameraLayerIds.dots, subset, colours, {
    getRadius: 1.6,
    opacity: 0.75,
    stroked: false,
    pickable: true,
  });
}

export function cameraClusterLayers(clusters: readonly CameraCluster[]): Layer[] {
  return [
    new ScatterplotLayer<CameraCluster>({
      id: cameraLayerIds.clusters,
      data: clusters,
      getPosition: (cluster) => cluster.position,
      getRadius: (cluster) => clusterRadius(cluster.count),
      radiusUnits: 'pixels',
      getFillColor: cameraClusterColour,
      stroked: true,
      getLineColor: [255, 255, 255, 230],
      lineWidthUnits: 'pixels',
      getLineWidth: 1.5,
      pickable: true,
    }),
    new TextLayer<CameraCluster>({
      id: cameraLayerIds.counts,
      data: clusters.filter((cluster) => cluster.count > 1),
      getPosition: (cluster) => cluster.position,
      getText: (cluster) => String(cluster.count),
      getSize: 10,
      getColor: [255, 255, 255, 255],
      characterSet: '0123456789',
      fontFamily: 'sans-serif',
      fontWeight: 600,
    }),
  ];
}
