import type { Layer, PickingInfo } from '@deck.gl/core';
import { useMemo } from 'react';
import { clusterMaxZoom, type CameraCluster } from './camera-clusters/camera-clusters';
import { useCameraClusters } from './camera-clusters/use-camera-clusters';
import { filterCameras, type CameraFilter, type CameraPoints, type CameraSubset } from './camera-points';
import {
  cameraClusterLayers,
  cameraColours,
  cameraDotLayer,
  cameraDotMaxZoom,
  cameraLayerIds,
  cameraPointLayer,
} from './cameras.layer';
import type { MapCamera, MapTarget } from './map-controller';
import { serviceAreaLayer } from './service-areas.layer';
import {
  stationLabelMinZoom,
  stationLayerIds,
  stationLayers,
  stationsVisibleAt,
  stationTier,
  type StationMark,
} from './stations.layer';
import { workerPointsLayerId, type WorkerPoint } from './worker-points.layer';

/**
 * The deck.gl layers as a function of (data, view): every piece is memoised on exactly what it depends on, so a
 * hover or a React render re-creates nothing and deck.gl sees the same data references.
 */
export interface DeckInputs {
  cameras: CameraPoints | null;
  cameraFilter: CameraFilter;
  stations: readonly StationMark[] | null;
  layers: ReadonlySet<string>;
  camera: MapCamera | null;
}

const emptySubset: CameraSubset = {
  count: 0,
  positions: new Float32Array(0),
  status: new Uint8Array(0),
  source: new Uint32Array(0),
};

/** The view box widened by half on each side, rounded so small pans reuse the same clusters. */
function clusterBox(camera: MapCamera): [number, number, number, number] {
  const [west, south, east, north] = camera.bounds;
  const padX = (east - west) / 2;
  const padY = (north - south) / 2;
  const step = 0.05;
  const round = (value: number, up: boolean) => (up ? Math.ceil : Math.floor)(value / step) * step;
  return [
    round(west - padX, false),
    round(Math.max(-85, south - padY), false),
    round(east + padX, true),
    round(Math.min(85, north + padY), true),
  ];
}

export function useDeckLayers({ cameras, cameraFilter, stations, layers, camera }: DeckInputs) {
  const subset = useMemo(
    () => (cameras ? filterCameras(cameras, cameraFilter) : emptySubset),
    [cameras, cameraFilter],
  );
  const colours = useMemo(() => cameraColours(subset), [subset]);
  const zoom = camera?.zoom ?? 0;
  const dotted = zoom < cameraDotMaxZoom;
  const clustered = !dotted && Math.floor(zoom) <= clusterMaxZoom;
  const zoomLevel = Math.floor(zoom);
  const boxKey = camera && clustered ? clusterBox(camera).join(',') : '';
  const clusters = useCameraClusters(subset, boxKey, zoomLevel);

  const pointLayer = useMemo(() => cameraPointLayer(subset, colours), [subset, colours]);
  const dotLayer = useMemo(() => cameraDotLayer(subset, colours), [subset, colours]);
  const clusterLayers = useMemo(() => cameraClusterLayers(clusters), [clusters]);
  const withStationNames = zoom >= stationLabelMinZoom;
  const tier = stationTier(zoom);
  const visibleStations = useMemo(() => stationsVisibleAt(stations ?? [], tier), [stations, tier]);
  const stationLayerList = useMemo(
    () => stationLayers(visibleStations, withStationNames ? stationLabelMinZoom : 0),
    [visibleStations, withStationNames],
  );
  const serviceAreas = useMemo(() => serviceAreaLayer(stations ?? []), [stations]);

  const deckLayers = useMemo(() => {
    const list: Layer[] = [];
    if (layers.has('serviceAreas')) list.push(serviceAreas);
    // Cameras under the stations (and under the warnings a feature draws on top): the commoner mark goes lowest.
    if (layers.has('cameras')) list.push(...(dotted ? [dotLayer] : clustered ? clusterLayers : [pointLayer]));
    if (layers.has('stations')) list.push(...stationLayerList);
    return list;
  }, [layers, serviceAreas, dotted, dotLayer, clustered, clusterLayers, pointLayer, stationLayerList]);

  const resolvePick = useMemo(
    () =>
      (info: PickingInfo): MapTarget | null => {
        const layerId = info.layer?.id;
        if ((layerId === cameraLayerIds.points || layerId === cameraLayerIds.dots) && info.index >= 0) {
          const index = subset.source[info.index];
          return index === undefined ? null : { kind: 'camera', index };
        }
        if (layerId === cameraLayerIds.clusters && info.object) {
          const cluster = info.object as CameraCluster;
          return { kind: 'cameraCluster', count: cluster.count, online: cluster.online };
        }
        if (layerId === stationLayerIds.marks && info.object) {
          return { kind: 'station', id: (info.object as StationMark).id };
        }
        // A feature's layer (the live map's workers), picked like the map's own.
        if (layerId === workerPointsLayerId && info.object) {
          const worker = info.object as WorkerPoint;
          return { kind: 'worker', id: worker.id, onDuty: worker.onDuty };
        }
        return null;
      },
    [subset],
  );
  return { deckLayers, resolvePick };
}
