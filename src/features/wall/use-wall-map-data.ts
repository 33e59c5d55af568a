import { useMemo } from 'react';
import { mapCrsOf } from '../../data/map-crs';
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
  const crs = mapCrsOf(data.meta, basemap.crs);

  const regions = useMemo<RegionAreas | null>(
    () => crs.collection(data.regions.data),
    [crs, data.regions.data],
  );
  const grids = useMemo<GridAreas | null>(() => crs.collection(data.grids.data), [crs, data.grids.data]);
  const cameras = useMemo<CameraPoints | null>(() => {
    const inMap = crs.collection(data.cameras.data);
    return inMap ? cameraPointsOf(inMap.features) : null;
  }, [crs, data.cameras.data]);
  const stations = useMemo<StationMark[] | null>(
    () =>
      crs.collection(data.stations.data)?.features.map((station) => ({
        ...station.properties,
        position: station.geometry.coordinates,
      })) ?? null,
    [crs, data.stations.data],
  );

  // The bbox array is new on every poll; its numbers are what matter, so they are the memo's key.
  const bboxKey = data.meta.data?.bbox.join(',') ?? null;
  const cityBounds = useMemo(() => {
    if (bboxKey === null) return null;
    const [west = 0, south = 0, east = 0, north = 0] = bboxKey.split(',').map(Number);
    return crs.bbox([west, south, east, north]);
  }, [bboxKey, crs]);
  const focus = useMemo(() => {
    const bounds = unitBounds(sceneRegion, regions, grids);
    return bounds && sceneRegion ? { key: sceneRegion, bounds } : null;
  }, [sceneRegion, regions, grids]);

  return { basemap, regions, grids, cameras, stations, cityBounds, focus };
}
