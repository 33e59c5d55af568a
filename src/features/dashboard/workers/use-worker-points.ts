import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { DataError } from '../../../data/data-error';
import { useDataSource } from '../../../data/data-source-context';
import { useMapCrs } from '../../../data/map-crs';
import { dataQueries } from '../../../data/queries';
import type { WorkerPoint } from '../../../map/worker-points.layer';
import { useRuntimeConfig } from '../../../ui/runtime-config-context';

export interface WorkerPointsState {
  points: readonly WorkerPoint[] | null;
  isPending: boolean;
  error: DataError | null;
  retry: () => void;
}

/**
 * Every worker's last fix (asked again each minute) in the base map's system, while the workers layer is on. The
 * positions carry no name: the map shows where workers are, the case detail says who.
 */
export function useWorkerPoints(enabled: boolean): WorkerPointsState {
  const source = useDataSource();
  const config = useRuntimeConfig();
  const step = useMapCrs(config.basemap.crs).positionStep();
  const positions = useQuery({ ...dataQueries.workerPositions(source), enabled });
  const points = useMemo(() => {
    if (!enabled || !positions.data || step === null) return null;
    return positions.data.features.map((feature) => {
      const [lng, lat] = feature.geometry.coordinates;
      const position: [number, number] = step ? step([lng, lat]) : [lng, lat];
      return { id: feature.properties.id, position, onDuty: feature.properties.onDuty };
    });
  }, [enabled, positions.data, step]);
  const { refetch } = positions;
  const retry = useCallback(() => void refetch(), [refetch]);
  return {
    points,
    isPending: enabled && positions.isPending,
    error: enabled ? positions.error : null,
    retry,
  };
}
