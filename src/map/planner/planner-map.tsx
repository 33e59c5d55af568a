import { bbox as turfBbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { useEffect, useRef } from 'react';
import type { BasemapConfig } from '../../domain/runtime-config';
import type { CommunityFeature, GridFeature } from '../../geo/plan/plan';
import { baseStyle } from '../base-style';
import { PlannerMapController, type PlannerMapIntents } from './planner-map-controller';
import { plannerSources } from './planner-layers';
import type { PlannerTool } from './terra-draw-setup';
import './planner-map.css';

export type { PlannerMapIntents } from './planner-map-controller';
export type { PlannerTool } from './terra-draw-setup';
export { highlightKinds, type HighlightKind } from './planner-layers';

export interface PlannerMapProps extends PlannerMapIntents {
  basemap: BasemapConfig;
  community: CommunityFeature;
  /** The draft's grids: editable. */
  grids: readonly GridFeature[];
  /** Grids of the neighbouring communities: context only. */
  neighbours: FeatureCollection;
  /** Issues, diff, rejected and server-changed areas, each with `properties.kind` (a HighlightKind). */
  highlights: FeatureCollection;
  /** An imported file shown for reference, or null. */
  reference: FeatureCollection | null;
  selectedGridIds: readonly string[];
  tool: PlannerTool;
  /** Bumped when the map should bring the selection into view (a pick from the list). */
  focusSerial: number;
  label: string;
}

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * The planner's editing map: MapLibre with terra-draw. Everything arrives as props and everything the planner
 * does leaves as an intent; the map never changes the plan itself.
 */
export function PlannerMap(props: PlannerMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const controller = useRef<PlannerMapController | null>(null);
  const { basemap, community } = props;
  // Intents and the selection are read when needed, so new callbacks each render don't rebuild the map.
  const latest = useRef<PlannerMapProps>(props);
  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    if (!container.current) return;
    const [west, south, east, north] = turfBbox(community);
    const created = new PlannerMapController(
      container.current,
      baseStyle(basemap),
      [west, south, east, north],
      {
        onVertexMoved: (...args) => latest.current.onVertexMoved(...args),
        onLineDrawn: (line) => latest.current.onLineDrawn(line),
        onPolygonDrawn: (polygon) => latest.current.onPolygonDrawn(polygon),
        onGridsSelected: (ids) => latest.current.onGridsSelected(ids),
      },
    );
    controller.current = created;
    return () => {
      controller.current = null;
      created.destroy();
    };
  }, [basemap, community]);

  useEffect(() => {
    const map = controller.current;
    if (!map) return;
    map.setSourceData(plannerSources.community, community);
    map.setSourceData(plannerSources.neighbours, props.neighbours);
    map.setSourceData(plannerSources.highlights, props.highlights);
    map.setSourceData(plannerSources.reference, props.reference ?? empty);
    map.setGrids(props.grids);
    map.setSelection(props.selectedGridIds);
    map.setTool(props.tool);
  }, [
    community,
    props.neighbours,
    props.highlights,
    props.reference,
    props.grids,
    props.selectedGridIds,
    props.tool,
  ]);

  // Only a new focus request moves the map; a selection made on the map leaves the view alone.
  const { focusSerial } = props;
  useEffect(() => {
    if (focusSerial > 0) controller.current?.fitGrids(latest.current.selectedGridIds);
  }, [focusSerial]);

  return (
    <div
      ref={container}
      className={`planner-map planner-map--${props.tool}`}
      role="region"
      aria-label={props.label}
      data-testid="planner-map"
    />
  );
}
