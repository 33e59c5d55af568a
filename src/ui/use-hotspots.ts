import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useDataSource } from '../data/data-source-context';
import { dataQueries, useGrids } from '../data/queries';
import { defaultHotspotRule, findHotspots, type HotspotVerdict } from '../domain/hotspots';
import { chinaDayStart, dayMs, formatChinaTime } from '../domain/china-time';
import { useMapCrs } from '../data/map-crs';
import type { HotspotAreas } from '../map/cases/case-layers';
import { useRuntimeConfig } from './runtime-config-context';

/**
 * Early warning (未诉先办): the grids whose last seven days are well above their own baseline (the rule in
 * domain/hotspots.ts), judged on the last 9 weeks of cases whatever window is shown, limited to the focused unit.
 */
export interface Hotspot {
  gridId: string;
  gridName: string;
  verdict: HotspotVerdict;
}

const historyDays = 7 * (defaultHotspotRule.baselineWeeks + 1);

export function useHotspots(
  enabled: boolean,
  now: number,
  gridsInRegion: ReadonlySet<string> | null,
  /** How often the nine weeks are read again (default: every `refreshSeconds`). */
  refetchMs?: number,
) {
  const config = useRuntimeConfig();
  const source = useDataSource();
  const grids = useGrids();
  // Whole days, so the query key holds all day; the rule itself is judged at `now`.
  const to = chinaDayStart(now) + dayMs;
  const query = useMemo(
    () => ({ from: formatChinaTime(to - (historyDays + 1) * dayMs), to: formatChinaTime(to) }),
    [to],
  );
  const history = useQuery({
    ...dataQueries.cases(source, query),
    enabled,
    refetchInterval: refetchMs ?? config.refreshSeconds * 1000,
  });
  const flagged = useMemo(
    () =>
      history.data
        ? findHotspots(
            history.data.features.map((feature) => feature.properties),
            now,
          )
        : [],
    [history.data, now],
  );
  const hotspots = useMemo<Hotspot[]>(() => {
    const names = new Map(
      (grids.data?.features ?? []).map((grid) => [grid.properties.id as string, grid.properties.name]),
    );
    return flagged
      .filter((item) => gridsInRegion === null || gridsInRegion.has(item.gridId))
      .map((item) => ({
        gridId: item.gridId,
        gridName: names.get(item.gridId) ?? item.gridId,
        verdict: item.verdict,
      }));
  }, [flagged, grids.data, gridsInRegion]);
  const crs = useMapCrs(config.basemap.crs);
  const areas = useMemo<HotspotAreas | null>(() => {
    if (!grids.data || hotspots.length === 0) return null;
    const ids = new Set(hotspots.map((item) => item.gridId));
    const features = grids.data.features
      .filter((grid) => ids.has(grid.properties.id))
      .map((grid) => ({
        type: 'Feature' as const,
        geometry: grid.geometry,
        properties: { id: grid.properties.id },
      }));
    return crs.collection({ type: 'FeatureCollection' as const, features });
  }, [grids.data, hotspots, crs]);
  return {
    hotspots,
    areas,
    /** The nine weeks of cases the rule was judged on (the wall's heat reads its window from them). */
    history: history.data,
    isPending: enabled && history.isPending,
    error: history.error,
  };
}
