import { useMemo } from 'react';
import { convertBbox, convertCollection, type Crs } from '../../geo/crs';
import { cameraPointsOf, type CameraPoints } from '../../map/camera-points';
import type { GridAreas, RegionAreas } from '../../map/grid-map';
import type { StationMark } from '../../map/stations.layer';
import { unitBounds } from '../../map/unit-bounds';
import { useRuntimeConfig } from '../../ui/runtime-config-context';
import type { WallData } from './use-wall-data';

/**
 * The wall's map inputs in the base map's coordinate system, memoised on the query data so that a poll which
 * brings nothing new for a layer pushes nothing to the map. No personal fields travel further than this: the
 * wall's map has no tooltips or detail panels.
 */
export function useWallMapData(data: WallData, sceneRegion: string | null) {
  const { basemap } = useRuntimeConfig();
  const basemapCrs: Crs = basemap.crs;
  const dataCrs: Crs | null = data.meta.isPending ? null : (data.meta.data?.crs ?? 'wgs84');

  const regions = useMemo<RegionAreas | null>(
    () => (data.regions.data && dataCrs ? convertCollection(data.regions.data, dataCrs, basemapCrs) : null),
    [data.regions.data, dataCrs, basemapCrs],
  );
  const grids = useMemo<GridAreas | null>(
    () => (data.grids.data && dataCrs ? convertCollection(data.grids.data, dataCrs, basemapCrs) : null),
    [data.grids.data, dataCrs, basemapCrs],
  );
  const cameras = useMemo<CameraPoints | null>(
    () =>
      data.cameras.data && dataCrs
        ? cameraPointsOf(convertCollection(data.cameras.data, dataCrs, basemapCrs).features)
        : null,
    [data.cameras.data, dataCrs, basemapCrs],
  );
  const stations = useMemo<StationMark[] | null>(() => {
    if (!data.stations.data || !dataCrs) return null;
    return convertCollection(data.stations.data, dataCrs, basemapCrs).features.map((station) => ({
      ...station.properties,
      position: station.geometry.coordinates,
    }));
  }, [data.stations.data, dataCrs, basemapCrs]);

  // The bbox array is new on every poll; its numbers are what matter, so they are the memo's key.
  const bboxKey = data.meta.data?.bbox.join(',') ?? null;
  const cityBounds = useMemo(() => {
    if (bboxKey === null || !dataCrs) return null;
    const [west = 0, south = 0, east = 0, north = 0] = bboxKey.split(',').map(Number);
    return convertBbox([west, south, east, north], dataCrs, basemapCrs);
  }, [bboxKey, dataCrs, basemapCrs]);
  const focus = useMemo(() => {
    const bounds = unitBounds(sceneRegion, regions, grids);
    return bounds && sceneRegion ? { key: sceneRegion, bounds } : null;
  }, [sceneRegion, regions, grids]);

  return { basemap, regions, grids, cameras, stations, cityBounds, focus };
}
