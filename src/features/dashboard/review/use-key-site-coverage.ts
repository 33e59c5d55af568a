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

/** Each key site with the grid it stands in (the grid join of src/geo/join), null outside every grid. */
interface PlacedSite extends KeySite {
  gridId: string | null;
}

/**
 * The focused unit's key-site coverage (src/domain/key-site-coverage.ts): its service stations, each placed in its
 * grid once, against the map's cameras, within `video.keySiteCoverageMetres`. Everything in the base map's
 * coordinates, as the map draws it, so a station flown to is where the list says. Null until the layers are in.
 */
export function useKeySiteCoverage(focus: FocusUnit): KeySiteCoverage | null {
  const config = useRuntimeConfig();
  const crs = useMapCrs(config.basemap.crs);
  const stations = useStations();
  const grids = useGrids();
  const { points } = useCameraPoints(crs);
  const cameras = useMemo(() => (points ? new CameraIndex(points) : null), [points]);
  const sites = useMemo<PlacedSite[] | null>(() => {
    const stationsInMap = crs.collection(stations.data);
    const gridsInMap = crs.collection(grids.data);
    if (!stationsInMap || !gridsInMap) return null;
    const positions = new Float64Array(stationsInMap.features.length * 2);
    stationsInMap.features.forEach((station, index) => {
      positions.set(station.geometry.coordinates, index * 2);
    });
    const rows = joinPoints(buildGridIndex(flattenGrids(gridsInMap.features)), positions);
    return stationsInMap.features.map((station, index) => ({
      id: station.properties.id,
      name: station.properties.name,
      position: station.geometry.coordinates,
      gridId: gridsInMap.features[rows[index] ?? -1]?.properties.id ?? null,
    }));
  }, [crs, stations.data, grids.data]);
  const metres = config.video.keySiteCoverageMetres;
  return useMemo(() => {
    if (!sites || !cameras) return null;
    const { gridIds } = focus;
    const own =
      gridIds === null ? sites : sites.filter((site) => site.gridId !== null && gridIds.has(site.gridId));
    return keySiteCoverage(own, cameras, metres);
  }, [sites, cameras, focus, metres]);
}
