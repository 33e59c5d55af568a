import { bbox } from '@turf/turf';
import { useMemo } from 'react';
import { resolveSource } from '../../../data/data-source';
import { useLayerFailure } from '../../../data/layer-failure';
import { dataQueries, useGrids, useMeta, useRegions, useStations } from '../../../data/queries';
import { useDataSource } from '../../../data/data-source-context';
import { serverGridTiles } from '../../../data/rest/server-tiles';
import type {
  GridFeature,
  RegionCollection,
  StationFeature,
} from '../../../contract/schemas/contract.schema';
import { mapCrsOf } from '../../../data/map-crs';
import { shareWithinReach } from '../../../geo/service-area';
import { useCameraPoints } from './use-camera-points';
import type { StationMark } from '../../../map/stations.layer';
import { useRuntimeConfig } from '../../../ui/runtime-config-context';

/**
 * The map's data, from the query cache to the shape the map draws: in the base map's coordinate system (a GCJ-02
 * base map moves WGS84 data ≈ 570 m in Jincheng), grids enriched with their share within a station's walking
 * reach, cameras as columns. Each step is memoised on its inputs, so a refetch of one layer touches only it.
 */
/** serviceReach is null while the stations are unknown (loading or failed): no reach is not zero reach. */
export type MapGridProperties = GridFeature['properties'] & { serviceReach: number | null };
export interface MapGridCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; geometry: GridFeature['geometry']; properties: MapGridProperties }[];
}

export function useMapData() {
  const config = useRuntimeConfig();
  const source = useDataSource();
  const meta = useMeta();
  const regions = useRegions();
  const grids = useGrids();
  const stations = useStations();
  const crs = mapCrsOf(meta, config.basemap.crs);
  const convertedRegions = useMemo<RegionCollection | null>(
    () => crs.collection(regions.data),
    [crs, regions.data],
  );

  const reach = useMemo(() => {
    if (!grids.data || !stations.data) return null;
    const stationPositions = stations.data.features.map((station) => station.geometry.coordinates);
    return shareWithinReach(
      grids.data.features.map((grid) => ({ id: grid.properties.id, geometry: grid.geometry })),
      stationPositions,
    );
  }, [grids.data, stations.data]);

  const mapGrids = useMemo<MapGridCollection | null>(() => {
    const inMap = crs.collection(grids.data);
    if (!inMap) return null;
    return {
      type: 'FeatureCollection',
      features: inMap.features.map((grid) => ({
        type: 'Feature',
        geometry: grid.geometry,
        properties: { ...grid.properties, serviceReach: reach?.get(grid.properties.id) ?? null },
      })),
    };
  }, [crs, grids.data, reach]);

  const {
    query: cameras,
    failure: camerasFailure,
    points: cameraPoints,
    skipped: camerasSkipped,
  } = useCameraPoints(crs);

  const stationMarks = useMemo<StationMark[] | null>(
    () =>
      crs.collection(stations.data)?.features.map((station) => ({
        ...station.properties,
        position: station.geometry.coordinates,
      })) ?? null,
    [crs, stations.data],
  );

  const stationsById = useMemo(
    () =>
      new Map<string, StationFeature['properties']>(
        (stations.data?.features ?? []).map((station) => [station.properties.id, station.properties]),
      ),
    [stations.data],
  );
  const gridsById = useMemo(
    () => new Map((mapGrids?.features ?? []).map((grid) => [grid.properties.id as string, grid.properties])),
    [mapGrids],
  );

  // Without meta the map still opens: on the regions' own extent, so a failing meta never blanks the map.
  const cityBounds = useMemo(() => {
    const metaBounds = crs.bbox(meta.data?.bbox);
    if (metaBounds) return metaBounds;
    if (convertedRegions && convertedRegions.features.length > 0) {
      const [west, south, east, north] = bbox(convertedRegions);
      return [west, south, east, north] as [number, number, number, number];
    }
    return null;
  }, [meta.data, crs, convertedRegions]);

  // The server's tiles are in the data's coordinates: with a base map in others, the map converts grids itself.
  const serverTiles = useMemo(
    () =>
      crs.dataCrs === crs.mapCrs
        ? serverGridTiles(meta.data, resolveSource(config, 'grids'), window.location.href)
        : null,
    [meta.data, config, crs],
  );

  return {
    basemap: config.basemap,
    privacy: config.privacy,
    queries: { meta, regions, grids, cameras, stations },
    /** Each layer's failure, kept through its retries until a read succeeds: what the alerts show. */
    failures: {
      meta: useLayerFailure(dataQueries.meta(source).queryKey),
      regions: useLayerFailure(dataQueries.regions(source).queryKey),
      grids: useLayerFailure(dataQueries.grids(source).queryKey),
      cameras: camerasFailure,
      stations: useLayerFailure(dataQueries.stations(source).queryKey),
    },
    /**
     * What each layer left out (src/data/partial-layer.ts), for its notice; none while the layer has failed: its
     * alert speaks then, not a notice about the answer before.
     */
    skipped: {
      regions: regions.isError ? undefined : regions.data?.skipped,
      grids: grids.isError ? undefined : grids.data?.skipped,
      cameras: cameras.isError ? undefined : camerasSkipped,
      stations: stations.isError ? undefined : stations.data?.skipped,
    },
    regions: convertedRegions,
    grids: mapGrids,
    gridsById,
    cameras: cameraPoints,
    stations: stationMarks,
    stationsById,
    cityBounds,
    serverTiles,
  };
}
