import { useMemo } from 'react';
import type { CaseArrival } from '../../../live/live-cases';
import { pathBounds, workerTrackLayers } from '../../../map/worker-track.layer';
import { workerPointsLayer } from '../../../map/worker-points.layer';
import { useWorkerPoints } from '../workers/use-worker-points';
import { useWorkersServed } from '../workers/use-workers-served';
import { useWorkerTrack } from '../workers/use-worker-track';
import { useMeta } from '../../../data/queries';
import { zoomToFit } from '../../../map/cases/case-layers';
import { useCaseLayers, useHotspotLayers } from '../../../map/cases/use-case-layers';
import { useViewState } from '../../../ui/view-state';
import { DashboardMap } from '../map/dashboard-map';
import { useCasesWorkspace } from './cases-context';
import { usePulses } from './use-pulses';

const noArrivals: readonly CaseArrival[] = [];

/**
 * The dashboard map with the live case layers laid under its own points while the 'cases' layer is on, and the
 * early-warning grids marked while cases are in use.
 */
export function CasesMap() {
  const [view] = useViewState();
  const meta = useMeta();
  const cityBounds = meta.data?.bbox;
  const zoom = view.map?.zoom ?? (cityBounds ? zoomToFit(cityBounds) : 0);
  const latitude = view.map?.lat ?? (cityBounds ? (cityBounds[1] + cityBounds[3]) / 2 : 0);
  const workspace = useCasesWorkspace();
  const { live, view: cases, filters, hotspots } = workspace;
  const shown = view.layers.has('cases');
  // Arrivals' rows are the snapshot's; until the view is of the same columns (a large window's worker), none pulse.
  const arrivals = cases.columns === live.snapshot.columns ? live.snapshot.arrivals : noArrivals;
  const pulses = usePulses(arrivals, cases.columns, cases.rows);
  const layers = useCaseLayers(
    shown
      ? {
          heat: cases.heat,
          points: cases.points,
          aggregation: filters.aggregation,
          zoom,
          latitude,
          pulses,
        }
      : null,
  );
  // The early-warning grids are marked whenever their list is in use (the cases tab open or the layer on), so
  // the grids the list names can be found on the map without turning the heat on.
  const warnings = useHotspotLayers(workspace.active ? hotspots.areas : null);
  const track = useWorkerTrack(workspace.trackedWorker, workspace.now);
  const served = useWorkersServed();
  const workerPoints = useWorkerPoints(served && view.layers.has('workers'));
  // The workers over the warnings, his patrol over the workers: the one chosen reads above the rest.
  const onTop = useMemo(
    () => [
      ...warnings,
      ...(workerPoints.points ? [workerPointsLayer(workerPoints.points)] : []),
      ...workerTrackLayers(track),
    ],
    [warnings, workerPoints.points, track],
  );
  const { trackWorker } = workspace;
  const workers = useMemo(
    () => ({
      served,
      status: { isPending: workerPoints.isPending, isError: workerPoints.error !== null },
      error: workerPoints.error,
      retry: workerPoints.retry,
      onSelect: trackWorker,
    }),
    [served, workerPoints.isPending, workerPoints.error, workerPoints.retry, trackWorker],
  );
  // Showing a patrol frames it (the map flies only when the key, the worker, changes: not on each minute's fix).
  const trackFocus = useMemo(() => {
    const bounds = track ? pathBounds(track.path) : null;
    return track && bounds ? { key: `worker:${track.workerId}`, bounds } : null;
  }, [track]);
  return (
    <DashboardMap
      extraLayers={layers}
      topLayers={onTop}
      focus={trackFocus}
      workers={workers}
      casesStatus={{ isPending: live.isPending, isError: live.isError }}
      caseCounts={
        live.isPending || cases.waiting
          ? null
          : { drawn: cases.points.count, outsideGrids: cases.outsideGrids.total }
      }
    />
  );
}
