import { useMemo } from 'react';
import { useMapCrs } from '../../../data/map-crs';
import { useGrids, useStations } from '../../../data/queries';
import { CameraIndex } from '../../../domain/camera-index';
import { keySiteCoverage, type KeySite, type KeySiteCoverage } from '../../../domain/key-site-coverage';
import { buildGridIndex } from '../../../geo/join/grid-index';
import { flattenGrids } from '../../../geo/join/flat-grids';
import { joinPoints } from '../../../geo/join/join';
import { useRuntimeConfig } from '../../../ui/runtime-config-context';
import { useCameraPoints } from '../map/use-camera-points';
import type { FocusUnit } from './use-focus';

/**
 * The focused unit's key-site coverage (src/domain/key-site-coverage.ts): its service stations against the map's
 * cameras, within `video.keySiteCoverageMetres`. Everything in the base map's coordinates, as the map draws it, so a
 * station flown to is where the list says. Below the city each station is placed in its grid (the grid join of
 * src/geo/join), once; the city counts every station and needs no join. Null until the layers are in.
 */
export function useKeySiteCoverage(focus: FocusUnit): KeySiteCoverage | null {
  const config = useRuntimeConfig();
  const crs = useMapCrs(config.basemap.crs);
  const stations = useStations();
  const grids = useGrids();
  const { points } = useCameraPoints(crs);
  const cameras = useMemo(() => (points ? new CameraIndex(points) : null), [points]);
  const stationsInMap = useMemo(() => crs.collection(stations.data), [crs, stations.data]);
  const sites = useMemo<KeySite[] | null>(
    () =>
      stationsInMap?.features.map((station) => ({
        id: station.properties.id,
        name: station.properties.name,
        position: station.geometry.coordinates,
      })) ?? null,
    [stationsInMap],
  );
  const needsGrids = focus.gridIds !== null;
  const siteGrids = useMemo<(string | null)[] | null>(() => {
    const gridsInMap = needsGrids ? crs.collection(grids.data) : null;
    if (!sites || !gridsInMap) return null;
    const positions = new Float64Array(sites.length * 2);
    sites.forEach((site, index) => positions.set(site.position, index * 2));
    const rows = joinPoints(buildGridIndex(flattenGrids(gridsInMap.features)), positions);
    return sites.map((_, index) => gridsInMap.features[rows[index] ?? -1]?.properties.id ?? null);
  }, [needsGrids, crs, grids.data, sites]);
  const metres = config.video.keySiteCoverageMetres;
  return useMemo(() => {
    if (!sites || !cameras) return null;
    const { gridIds } = focus;
    if (gridIds === null) return keySiteCoverage(sites, cameras, metres);
    if (!siteGrids) return null;
    const own = sites.filter((_, index) => {
      const grid = siteGrids[index];
      return grid !== null && grid !== undefined && gridIds.has(grid);
    });
    return keySiteCoverage(own, cameras, metres);
  }, [sites, siteGrids, cameras, focus, metres]);
}
