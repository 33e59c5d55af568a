import type { Layer } from '@deck.gl/core';
import { useMemo } from 'react';
import type { HotspotAreas } from '../../live/use-hotspots';
import type { CasePulse } from '../../live/use-pulses';
import { stageColourBytes } from './case-colours';
import { useSamePoints } from './same-points';
import {
  caseCellMetres,
  caseHeatLayer,
  casePointLayer,
  casePointMinZoom,
  casePulseLayer,
  hotspotLayer,
  hotspotRingLayer,
  type CaseAggregation,
  type CasePointColumns,
} from './case-layers';

export interface CaseLayerInputs {
  /** The heat's points (all filtered cases, or only the overdue / dissatisfied ones). */
  heat: CasePointColumns;
  /** Every filtered case, drawn one by one at street zoom. */
  points: CasePointColumns;
  aggregation: CaseAggregation;
  zoom: number;
  /** The view's latitude (sizes the aggregation cells). */
  latitude: number;
  pulses: readonly CasePulse[];
  /** Multiplies the marks' pixel sizes (the wall's design unit); 1 when absent. */
  scale?: number;
}

/**
 * The case layers, each memoised on exactly its inputs: a pulse animating re-creates only the pulse layer, and
 * deck.gl sees the same attribute arrays until the points themselves change (not merely their arrays).
 */
export function useCaseLayers(inputs: CaseLayerInputs | null): Layer[] {
  const heat = useSamePoints(inputs?.heat, false);
  const points = useSamePoints(inputs?.points, true);
  const aggregation = inputs?.aggregation ?? 'heatmap';
  const close = (inputs?.zoom ?? 0) >= casePointMinZoom;
  const pulses = inputs?.pulses;
  const scale = inputs?.scale ?? 1;
  // Cells resize per whole zoom level only, so a pan or a fractional zoom keeps the same aggregation.
  const cellMetres = caseCellMetres(Math.floor(inputs?.zoom ?? 0), Math.round(inputs?.latitude ?? 0));
  const heatLayer = useMemo(
    () => (heat ? caseHeatLayer(heat, aggregation, cellMetres, scale) : null),
    [heat, aggregation, cellMetres, scale],
  );
  const colours = useMemo(
    () => (points && close ? stageColourBytes(points.stage, points.count) : null),
    [points, close],
  );
  const pointLayer = useMemo(
    () => (points && colours ? casePointLayer(points, colours) : null),
    [points, colours],
  );
  const pulseLayer = useMemo(
    () => (pulses && pulses.length > 0 ? casePulseLayer(pulses, scale) : null),
    [pulses, scale],
  );
  return useMemo(
    () => [heatLayer, pointLayer, pulseLayer].filter((layer): layer is Layer => layer !== null),
    [heatLayer, pointLayer, pulseLayer],
  );
}

/**
 * The early-warning grids, outlined and ringed; drawn above the map's own points (a warning must not hide under
 * a camera cluster in the city centre, where surges are likeliest).
 */
export function useHotspotLayers(hotspots: HotspotAreas | null, scale = 1): Layer[] {
  return useMemo(
    () =>
      hotspots
        ? [
            hotspotLayer(hotspots, scale),
            hotspotRingLayer(hotspots, 'halo', scale),
            hotspotRingLayer(hotspots, 'ring', scale),
          ]
        : [],
    [hotspots, scale],
  );
}
