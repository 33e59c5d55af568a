import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { formatChinaDay } from '../../../domain/china-time';
import { useMapCrs } from '../../../data/map-crs';
import { dataQueries } from '../../../data/queries';
import { useDataSource } from '../../../data/data-source-context';
import { useRuntimeConfig } from '../../../ui/runtime-config-context';
import type { WorkerTrackPath } from '../../../map/worker-track.layer';

/**
 * A worker's patrol today (China time) in the base map's system, for the map's track layer; null while none is
 * chosen or until it has loaded. Asked again each minute, as a fix a minute comes in.
 */
export function useWorkerTrack(workerId: string | null, now: number): WorkerTrackPath | null {
  const source = useDataSource();
  const config = useRuntimeConfig();
  const step = useMapCrs(config.basemap.crs).positionStep();
  const date = formatChinaDay(now);
  const track = useQuery({
    ...dataQueries.workerTrack(source, { workerId: workerId ?? '', date }),
    enabled: workerId !== null,
  });
  return useMemo(() => {
    if (workerId === null || !track.data || step === null) return null;
    return {
      workerId,
      path: track.data.points.map(({ position: [lng, lat] }) => (step ? step([lng, lat]) : [lng, lat])),
      times: track.data.points.map((point) => Date.parse(point.at)),
    };
  }, [workerId, track.data, step]);
}
