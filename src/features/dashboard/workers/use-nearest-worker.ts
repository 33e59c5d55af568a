import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { gridId as toGridId, type GridId } from '../../../domain/ids';
import { nearestWorker, type WorkerCandidate } from '../../../domain/nearest-worker';
import { useMapCrs } from '../../../data/map-crs';
import { dataQueries } from '../../../data/queries';
import { useDataSource } from '../../../data/data-source-context';
import { useRuntimeConfig } from '../../../ui/runtime-config-context';
import type { DataError } from '../../../data/data-error';

/** Who would be sent to a case, as the case detail names him. */
export interface NearestWorkerFact {
  id: string;
  /** Masked by the server for a public view. */
  name: string;
  /** Empty for a public view (the server leaves it out). */
  phone: string;
  metres: number;
  /** He looks after the case's grid; false: the nearest on duty anywhere. */
  inCaseGrid: boolean;
  /** Epoch ms of his position fix. */
  fixAt: number;
}

export interface NearestWorkerState {
  fact: NearestWorkerFact | null;
  isPending: boolean;
  error: DataError | null;
}

/**
 * The case's grid worker, or the nearest on duty (src/domain/nearest-worker.ts), from the roster and the last
 * positions. The case's position comes in the base map's system (the live columns are converted); the workers'
 * positions take the same step, so both are measured in one system.
 */
export function useNearestWorker(
  site: { position: readonly [number, number]; gridId: string | null } | null,
  masked: boolean,
): NearestWorkerState {
  const source = useDataSource();
  const config = useRuntimeConfig();
  const step = useMapCrs(config.basemap.crs).positionStep();
  const roster = useQuery({ ...dataQueries.workers(source, masked), enabled: site !== null });
  const positions = useQuery({ ...dataQueries.workerPositions(source), enabled: site !== null });
  const fact = useMemo(() => {
    if (!site || !roster.data || !positions.data || step === null) return null;
    const workers = new Map(roster.data.workers.map((worker) => [worker.id as string, worker]));
    const candidates: (WorkerCandidate & { fixAt: number })[] = [];
    for (const feature of positions.data.features) {
      const worker = workers.get(feature.properties.id);
      if (!worker) continue;
      const [lng, lat] = feature.geometry.coordinates;
      candidates.push({
        workerId: worker.id,
        position: step ? step([lng, lat]) : [lng, lat],
        gridIds: worker.gridIds,
        onDuty: feature.properties.onDuty,
        fixAt: Date.parse(feature.properties.at),
      });
    }
    const gridId: GridId | null = site.gridId === null ? null : toGridId(site.gridId);
    const nearest = nearestWorker({ position: site.position, gridId }, candidates);
    const worker = nearest ? workers.get(nearest.workerId) : undefined;
    if (!nearest || !worker) return null;
    return {
      id: worker.id,
      name: worker.name,
      phone: worker.phone,
      metres: nearest.metres,
      inCaseGrid: nearest.inCaseGrid,
      fixAt: candidates.find((candidate) => candidate.workerId === nearest.workerId)?.fixAt ?? Number.NaN,
    };
  }, [site, roster.data, positions.data, step]);
  return {
    fact,
    isPending: roster.isPending || positions.isPending,
    error: roster.error ?? positions.error ?? null,
  };
}
