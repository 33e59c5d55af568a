import { bbox as turfBbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { useMemo } from 'react';
import { bboxesIntersect, type Bbox } from '../../domain/case-filter';
import { regionId, type RegionId } from '../../domain/ids';
import { unitTreeOf, useCameras, useCases, useGrids, useRegions, useStations } from '../../data/queries';
import { createPlan, type GridFeature, type Plan } from '../../geo/plan/plan';
import type { ReattributionPoints } from '../../geo/plan/reattribution';
import { useToday } from '../../ui/use-today';

export interface PlannerData {
  communityName: string;
  /** The community as the server has it now: the plan a fresh draft starts from. */
  serverPlan: Plan;
  neighbours: FeatureCollection;
  points: ReattributionPoints;
  now: Date;
}

export type PlannerDataState =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'error'; message: string }
  | { status: 'ready'; data: PlannerData };

const boxOf = (feature: Parameters<typeof turfBbox>[0]): Bbox => {
  const [west = 0, south = 0, east = 0, north = 0] = turfBbox(feature);
  return [west, south, east, north];
};

const baseVersionOf = (grids: readonly GridFeature[]): number =>
  grids.reduce((highest, grid) => Math.max(highest, grid.properties.version), 0);

/**
 * Everything the planner needs for one community: its outline and grids (the editable plan), the neighbouring
 * grids for context, and the points the re-attribution preview counts (cases of the last 12 months, cameras,
 * stations).
 */
export function usePlannerData(communityId: RegionId): PlannerDataState {
  const today = useToday();
  const regions = useRegions();
  const grids = useGrids();
  const cameras = useCameras();
  const stations = useStations();
  const window = useMemo(() => {
    const to = new Date(today + 86_400_000);
    const from = new Date(to);
    from.setMonth(from.getMonth() - 12);
    return { from: from.toISOString(), to: to.toISOString(), region: communityId };
  }, [today, communityId]);
  const cases = useCases(window);

  return useMemo((): PlannerDataState => {
    const failed = [regions, grids, cameras, stations, cases].find((query) => query.error);
    if (failed?.error) return { status: 'error', message: failed.error.message };
    if (!regions.data || !grids.data || !cameras.data || !stations.data || !cases.data)
      return { status: 'loading' };
    const community =
      unitTreeOf(regions.data, grids.data)?.get(communityId)?.level === 'community'
        ? regions.data.features.find((feature) => feature.properties.id === communityId)
        : undefined;
    if (!community) return { status: 'missing' };
    const own = grids.data.features.filter((grid) => grid.properties.communityId === communityId);
    const box = boxOf(community);
    const neighbours = grids.data.features.filter(
      (grid) => grid.properties.communityId !== communityId && bboxesIntersect(box, boxOf(grid)),
    );
    const positions = (collection: { features: { geometry: { coordinates: number[] } }[] }) =>
      collection.features.map((feature): [number, number] => [
        feature.geometry.coordinates[0] ?? NaN,
        feature.geometry.coordinates[1] ?? NaN,
      ]);
    return {
      status: 'ready',
      data: {
        communityName: community.properties.name,
        serverPlan: createPlan(community, regionId(communityId), own, baseVersionOf(own)),
        neighbours: { type: 'FeatureCollection', features: neighbours },
        points: {
          cases: {
            positions: positions(cases.data),
            reportedAt: cases.data.features.map((feature) => Date.parse(feature.properties.reportedAt)),
          },
          cameras: positions(cameras.data),
          stations: positions(stations.data),
        },
        now: new Date(window.to),
      },
    };
  }, [regions, grids, cameras, stations, cases, communityId, window.to]);
}
