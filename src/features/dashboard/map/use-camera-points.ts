import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { CameraColumnsAnswer } from '../../../contract/columnar/camera-columns.decode';
import type { DataError } from '../../../data/data-error';
import type { SkippedFeature } from '../../../data/partial-layer';
import { useDataSource } from '../../../data/data-source-context';
import { useLayerFailure, type LayerFailure } from '../../../data/layer-failure';
import { dataQueries } from '../../../data/queries';
import type { MapCrs, PositionStep } from '../../../data/map-crs';
import { cameraPointsOf, type CameraPoints } from '../../../map/camera-points';

/**
 * The map's cameras as columns, by the fastest path the cameras' provider has: typed columns decoded in a worker
 * (`cameraColumns`, the binary format) when it offers them, else GeoJSON validated and turned into columns here.
 * `query` is whichever of the two is in use, for the layer's loading state, alert and retry.
 */
export function useCameraPoints(crs: MapCrs): {
  query: UseQueryResult<unknown, DataError>;
  /** The layer's failure, kept through its retries (src/data/layer-failure.ts). */
  failure: LayerFailure | undefined;
  points: CameraPoints | null;
  /** The cameras the layer left out (invalid or swapped), for its notice. */
  skipped: readonly SkippedFeature[] | undefined;
} {
  const source = useDataSource();
  const hasColumns = source.cameraColumns !== undefined;
  const columns = useQuery({ ...dataQueries.cameraColumns(source), enabled: hasColumns });
  // GeoJSON only where no columns can come: no columnar member, or the provider answered that it has none.
  const useGeoJson = !hasColumns || columns.data === null;
  const geojson = useQuery({ ...dataQueries.cameras(source), enabled: useGeoJson });

  const points = useMemo<CameraPoints | null>(() => {
    if (columns.data) {
      const step = crs.positionStep(columns.data.crs);
      return step === null ? null : convertedColumns(columns.data, step);
    }
    const inMap = useGeoJson ? crs.collection(geojson.data) : null;
    return inMap ? cameraPointsOf(inMap.features) : null;
  }, [columns.data, useGeoJson, geojson.data, crs]);
  const skipped = useGeoJson ? geojson.data?.skipped : columns.data?.skipped;
  const failure = useLayerFailure(
    useGeoJson ? dataQueries.cameras(source).queryKey : dataQueries.cameraColumns(source).queryKey,
  );
  return { query: useGeoJson ? geojson : columns, failure, points, skipped };
}

/** Positions moved into the base map's CRS (a copy; the rest of the columns are shared). */
function convertedColumns(columns: CameraColumnsAnswer, step: PositionStep | undefined): CameraPoints {
  if (!step) return columns;
  const positions = new Float32Array(columns.positions.length);
  for (let index = 0; index < columns.count; index += 1) {
    const [lng, lat] = step([columns.positions[index * 2] ?? 0, columns.positions[index * 2 + 1] ?? 0]);
    positions[index * 2] = lng;
    positions[index * 2 + 1] = lat;
  }
  return { ...columns, positions };
}
