import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CaseCollection } from '../../contract/schemas/contract.schema';
import { mapCrsOf } from '../../data/map-crs';
import { unitTreeOf } from '../../data/queries';
import { resolveWindow } from '../../domain/time-window';
import type { CasePointColumns, CasePulse } from '../../map/cases/case-layers';
import { useHotspotLayers } from '../../map/cases/use-case-layers';
import { useRuntimeConfig } from '../../ui/runtime-config-context';
import { useToday } from '../../ui/use-today';
import { useHotspots } from '../../ui/use-hotspots';
import { useNow } from '../../ui/use-now';
import { usePulseClock } from '../../ui/use-pulse-clock';
import { watchCases, type CaseWatch, type WallAlert } from './live-watch';
import { wallWindow, type WallData } from './use-wall-data';

/**
 * The live picture on the wall: the heat of the window's cases, new cases pulsing where they came in, the
 * early-warning grids ringed (the dashboard's layers, sized by the map's mark scale), the banner for a new overdue
 * or early-warning case, and the early-warning grid a scene may fly to.
 *
 * The nine weeks the early-warning rule needs are a large read, so they are read every few minutes (the rule
 * counts whole weeks); the newest cases (the ticker's two days, polled every `refreshSeconds`) are laid over them,
 * so the heat takes in a new case on the next poll.
 */
export const wallPulseMs = 8_000;
const historyRefetchMs = 5 * 60_000;

interface Arrival {
  id: string;
  at: number;
}

interface RaisedAlert {
  alert: WallAlert;
  at: number;
}

type Points = CaseCollection['features'];
const noArrivals: readonly ArrivalInMap[] = [];

export interface ArrivalInMap {
  id: string;
  at: number;
  position: [number, number];
}

/** The pulses of the cases that came in, re-aged every animation step while any is alive. */
export function useWallPulses(arrivals: readonly ArrivalInMap[]): readonly CasePulse[] {
  const clock = usePulseClock(arrivals.at(-1)?.at ?? 0, wallPulseMs);
  return useMemo(
    () =>
      arrivals
        .filter((arrival) => clock - arrival.at < wallPulseMs)
        .map(({ id, position, at }) => ({ id, position, age: Math.max(0, (clock - at) / wallPulseMs) })),
    [arrivals, clock],
  );
}

/** The points of one or more case lists, once each (by id), reported at or after `from`, as packed columns. */
function heatColumnsOf(lists: readonly (Points | undefined)[], from: number): CasePointColumns {
  const seen = new Set<string>();
  const positions: number[] = [];
  for (const list of lists)
    for (const feature of list ?? []) {
      const { id, reportedAt } = feature.properties;
      if (seen.has(id) || Date.parse(reportedAt) < from) continue;
      seen.add(id);
      positions.push(...feature.geometry.coordinates.slice(0, 2));
    }
  const count = positions.length / 2;
  return { count, positions: Float32Array.from(positions), stage: new Uint8Array(count) };
}

export function useWallLive(
  data: WallData,
  layers: ReadonlySet<string>,
  sceneRegion: string | null,
  focusWarning: boolean,
) {
  const config = useRuntimeConfig();
  const crs = mapCrsOf(data.meta, config.basemap.crs);
  const now = useNow(60_000);
  const today = useToday();
  const warnings = useHotspots(true, now, null, Math.max(historyRefetchMs, config.refreshSeconds * 1000));
  const warningGrids = useMemo(
    () => new Set(warnings.hotspots.map((hotspot) => hotspot.gridId)),
    [warnings.hotspots],
  );

  // One step of the watch per poll of the newest cases; the grids read at the time of the poll.
  const latestWarnings = useRef(warningGrids);
  useLayoutEffect(() => {
    latestWarnings.current = warningGrids;
  });
  const watch = useRef<CaseWatch | null>(null);
  const [arrivals, setArrivals] = useState<readonly Arrival[]>([]);
  const [raised, setRaised] = useState<RaisedAlert | null>(null);
  const newest = data.cases.data;
  useEffect(() => {
    if (!newest) return;
    const at = Date.now();
    const step = watchCases(
      watch.current,
      newest.features.map((feature) => feature.properties),
      latestWarnings.current,
      at,
    );
    watch.current = step.watch;
    if (step.arrivals.length > 0)
      setArrivals((earlier) => [
        ...earlier.filter((arrival) => at - arrival.at < wallPulseMs),
        ...step.arrivals.map((id) => ({ id, at })),
      ]);
    const alert = step.alerts.at(-1);
    if (alert) setRaised({ alert, at });
  }, [newest]);
  const alertMs = config.wall.alertSeconds * 1000;
  useEffect(() => {
    if (!raised) return;
    const timer = window.setTimeout(() => setRaised(null), Math.max(0, raised.at + alertMs - Date.now()));
    return () => window.clearTimeout(timer);
  }, [raised, alertMs]);

  const newestInMap = crs.collection(newest);
  const historyInMap = crs.collection(warnings.history);
  // Where each new case is, in the map's system; the pulse's animation runs in the map (useWallPulses), so its
  // frames re-render the map alone, not the whole wall.
  const arrivalsInMap = useMemo<ArrivalInMap[]>(() => {
    if (arrivals.length === 0 || !newestInMap) return [];
    const byId = new Map<string, Points[number]>(
      newestInMap.features.map((feature) => [feature.properties.id, feature]),
    );
    return arrivals.flatMap((arrival) => {
      const feature = byId.get(arrival.id);
      if (!feature) return [];
      const [lng, lat] = feature.geometry.coordinates;
      return [{ ...arrival, position: [lng, lat] }];
    });
  }, [arrivals, newestInMap]);

  const windowFrom = useMemo(() => resolveWindow(wallWindow, today).from, [today]);
  const heatPoints = useMemo(
    () =>
      historyInMap || newestInMap
        ? heatColumnsOf([newestInMap?.features, historyInMap?.features], windowFrom)
        : undefined,
    [historyInMap, newestInMap, windowFrom],
  );
  const warningLayers = useHotspotLayers(layers.has('warnings') ? warnings.areas : null);

  // The worst early-warning grid of the scene's region (the rule lists them worst first).
  const tree = unitTreeOf(data.regions.data, data.grids.data);
  const inRegion = sceneRegion ? (tree?.gridsIn(sceneRegion) ?? null) : null;
  const focusGrid = focusWarning
    ? (warnings.hotspots.find((hotspot) => inRegion === null || inRegion.has(hotspot.gridId)) ?? null)
    : null;

  return {
    heat: layers.has('heat') ? heatPoints : undefined,
    arrivals: layers.has('pulses') ? arrivalsInMap : noArrivals,
    warningLayers,
    alert: raised?.alert ?? null,
    focusGrid,
  };
}
