import type { Layer } from '@deck.gl/core';
import { useMemo } from 'react';
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
  type CasePulse,
  type HotspotAreas,
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
  // Cells resize per whole zoom level only, so a pan or a fractional zoom keeps the same aggregation.
  const cellMetres = caseCellMetres(Math.floor(inputs?.zoom ?? 0), Math.round(inputs?.latitude ?? 0));
  const heatLayer = useMemo(
    () => (heat ? caseHeatLayer(heat, aggregation, cellMetres) : null),
    [heat, aggregation, cellMetres],
  );
  const colours = useMemo(
    () => (points && close ? stageColourBytes(points.stage, points.count) : null),
    [points, close],
  );
  const pointLayer = useMemo(
    () => (points && colours ? casePointLayer(points, colours) : null),
    [points, colours],
  );
  const pulseLayer = useMemo(() => (pulses && pulses.length > 0 ? casePulseLayer(pulses) : null), [pulses]);
  return useMemo(
    () => [heatLayer, pointLayer, pulseLayer].filter((layer): layer is Layer => layer !== null),
    [heatLayer, pointLayer, pulseLayer],
  );
}

/**
 * The early-warning grids, outlined and ringed; drawn above the map's own points (a warning must not hide under
 * a camera cluster in the city centre, where surges are likeliest).
 */
export function useHotspotLayers(hotspots: HotspotAreas | null): Layer[] {
  return useMemo(
    () =>
      hotspots
        ? [hotspotLayer(hotspots), hotspotRingLayer(hotspots, 'halo'), hotspotRingLayer(hotspots, 'ring')]
        : [],
    [hotspots],
  );
}

/**
 * The live case layers of a screen that shows them without filters or a zoom-dependent mode (the wall): the heat
 * of the points as a heatmap and the pulses of the newest cases, each memoised on its own input.
 */
export function useLiveCaseLayers(heat: CasePointColumns | undefined, pulses: readonly CasePulse[]): Layer[] {
  const same = useSamePoints(heat, false);
  const heatLayer = useMemo(() => (same ? caseHeatLayer(same, 'heatmap') : null), [same]);
  const pulseLayer = useMemo(() => (pulses.length > 0 ? casePulseLayer(pulses) : null), [pulses]);
  return useMemo(
    () => [heatLayer, pulseLayer].filter((layer): layer is Layer => layer !== null),
    [heatLayer, pulseLayer],
  );
}
